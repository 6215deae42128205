"""Turn a workbook cell into the value a form field expects, or say why it cannot."""

from __future__ import annotations

from datetime import date, datetime

from kern import numbers, text

FORMULE = "Formules zijn niet toegestaan; vul de waarde zelf in."
GEEN_GETAL = numbers.GEEN_GEHEEL_GETAL  # the web form's message: one parser for both
GEEN_DATUM = "Vul een datum in, bijvoorbeeld 1-7-2025."
ONBEKENDE_KEUZE = "Onbekende waarde; kies uit: {opties}."
# Text cells go through the form fields, which clean them as on the web (kern.text).
STUURTEKENS = text.STUURTEKENS
DATUM_FORMATEN = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y")


class CelFout(ValueError):
    pass


def as_text(waarde):
    """Return the cell's value as text for an error message."""
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        waarde = waarde.date()
    if isinstance(waarde, date):
        return f"{waarde.day}-{waarde.month}-{waarde.year}"
    return str(waarde)


def _is_empty(cel):
    if cel is None:
        return True
    if cel.is_formule:
        raise CelFout(FORMULE)
    return cel.waarde is None or (isinstance(cel.waarde, str) and not cel.waarde.strip())


def tekst(cel):
    if _is_empty(cel):
        return ""
    return as_text(cel.waarde).strip()


def geheel_getal(cel):
    """Return an int, None for an empty cell; a negative number is left to the form.

    Text is read as on the web (kern.numbers): 1000 and 1.000 are a thousand.
    """
    if _is_empty(cel):
        return None
    try:
        return numbers.parse_whole_number(cel.waarde)
    except ValueError:
        raise CelFout(GEEN_GETAL) from None


def datum(cel):
    if _is_empty(cel):
        return None
    waarde = cel.waarde
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, str):
        for formaat in DATUM_FORMATEN:
            try:
                return datetime.strptime(waarde.strip(), formaat).date()
            except ValueError:
                continue
    raise CelFout(GEEN_DATUM)


def keuze(cel, keuzes):
    """Return the value of a choice given by its label (or its value); keuzes: pairs."""
    if _is_empty(cel):
        return ""
    gezocht = " ".join(as_text(cel.waarde).split()).casefold()
    for waarde, label in keuzes:
        if gezocht in (str(label).casefold(), waarde.casefold()):
            return waarde
    raise CelFout(ONBEKENDE_KEUZE.format(opties=" · ".join(str(label) for _, label in keuzes)))
