"""The GOO import's refusals, and the upload's safety checks (kern.xlsx_safety).

The same limits and messages as every workbook import; only the refusal's type is
this app's (Fout, BestandGeweigerd), since a task app never imports another.
"""

from __future__ import annotations

from dataclasses import dataclass

from kern.xlsx_safety import (  # noqa: F401 (the messages, as this import's tests name them)
    ACTIVEX,
    GEEN_XLSX,
    INGESLOTEN_OBJECT,
    MACRO,
    TE_GROOT,
    TE_GROOT_UITGEPAKT,
    TE_VEEL_ONDERDELEN,
    OnveiligBestand,
    check_xlsx,
    read_limited,
)


@dataclass(frozen=True)
class Fout:
    """One problem in an uploaded file: sheet, row, column, value, message."""

    blad: str
    rij: int | None
    kolom: str
    waarde: str
    melding: str


class BestandGeweigerd(Exception):
    """The file is refused as a whole, or a row is wrong: nothing is stored."""

    def __init__(self, fouten, reden="invalid"):
        super().__init__(fouten[0].melding if fouten else "Bestand geweigerd")
        self.fouten = list(fouten)
        self.reden = reden


def refuse(melding, reden):
    raise BestandGeweigerd([Fout("", None, "", "", melding)], reden)


def check_file(inhoud, bestandsnaam):
    """Raise BestandGeweigerd unless the bytes look like a harmless .xlsx workbook."""
    try:
        check_xlsx(inhoud, bestandsnaam)
    except OnveiligBestand as exc:
        refuse(exc.melding, exc.reden)
