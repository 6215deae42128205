"""Read the sheets of an uploaded workbook into raw rows, without trusting the file.

The workbook is opened read-only and with formulas as written (never evaluated);
XML is parsed by defusedxml (openpyxl uses it whenever it is installed); the sheet's
declared dimensions are ignored and rows are read up to a cap.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import openpyxl
from defusedxml import DefusedXmlException
from django.conf import settings

from .format import (
    BLAD_LOCATIES,
    BLAD_OPGAVE,
    LOCATIE_KOLOMMEN,
    MAX_KOLOMMEN,
    OPGAVE_KOLOMMEN,
    BestandGeweigerd,
    Fout,
    getal,
    normalize,
    refuse,
)
from .safety import GEEN_XLSX

GEEN_LOCATIEBLAD = "Het werkboek heeft geen tabblad ‘Locaties’."
GEEN_BLAD = "Het werkboek heeft geen tabblad ‘{naam}’."
LEEG_BLAD = "Het tabblad is leeg: rij 1 hoort de kolomkoppen te bevatten."
KOLOM_ONTBREEKT = "De kolom ‘{kop}’ ontbreekt in rij 1."
KOLOM_DUBBEL = "De kolom ‘{kop}’ staat meer dan eens in rij 1."
TE_VEEL_RIJEN = "Het tabblad heeft meer dan {max} rijen. Splits het bestand in delen."
VERBODEN_XML = (
    "Het bestand bevat XML-constructies (entiteiten of een DTD) die niet zijn toegestaan."
)
VERBORGEN_BLAD = (
    "Het tabblad ‘{naam}’ is verborgen. Het Opvangregister leest alleen zichtbare "
    "tabbladen: maak het zichtbaar of verwijder het, en upload het bestand opnieuw."
)
DUBBEL_BLAD = (
    "Het werkboek heeft meer dan één tabblad ‘{naam}’ (namen die alleen in hoofdletters, "
    "spaties of onzichtbare tekens verschillen). Houd er één over en upload het opnieuw."
)


@dataclass(frozen=True)
class Cel:
    waarde: object
    is_formule: bool = False


@dataclass(frozen=True)
class Rij:
    blad: str
    nummer: int
    cellen: dict  # veld -> Cel


@dataclass
class Werkboek:
    locaties: list
    opgaven: list | None  # None: the workbook has no Opgave sheet


def read_workbook(bestand):
    """Return the rows of both sheets, or raise BestandGeweigerd with every problem found."""
    return _open(bestand, _read_sheets)


def read_sheet(bestand, naam, kolommen):
    """Return the rows of the one sheet naam (another workbook format, e.g. a verdeelbesluit),
    read as the uitvraag's sheets are; raise BestandGeweigerd with every problem found."""
    return _open(bestand, lambda boek: _read_one(boek, naam, kolommen))


def _read_one(boek, naam, kolommen):
    fouten = []
    blad = _find_sheet(boek, naam, fouten)
    if blad is None and not fouten:
        refuse(GEEN_BLAD.format(naam=naam), "no sheet", blad=naam)
    rijen = _read_sheet(blad, naam, kolommen, fouten) if blad is not None else []
    if fouten:
        raise BestandGeweigerd(fouten, "structure")
    return rijen


def _open(bestand, lees):
    try:
        boek = openpyxl.load_workbook(io.BytesIO(bestand), read_only=True, data_only=False)
        try:
            return lees(boek)
        finally:
            boek.close()
    except BestandGeweigerd:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure: not a readable workbook
        if _refused_by_defusedxml(exc):
            refuse(VERBODEN_XML, "xml entities")
        refuse(GEEN_XLSX, "unreadable")


def _refused_by_defusedxml(exc):
    """Return whether defusedxml refused the XML (openpyxl wraps it in a ValueError)."""
    while exc is not None:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _find_sheet(boek, naam, fouten):
    """Return the sheet called naam (names compared as users do), or None.

    A sheet the import reads must be the only one of its name and visible: a visible
    decoy before a (very) hidden sheet of the same name must not decide what is read.
    """
    gevonden = [boek[t] for t in boek.sheetnames if normalize(t) == normalize(naam)]
    if len(gevonden) > 1:
        titels = " · ".join(b.title for b in gevonden)
        fouten.append(Fout(naam, None, "", titels, DUBBEL_BLAD.format(naam=naam)))
    elif gevonden and gevonden[0].sheet_state != "visible":
        fouten.append(Fout(naam, None, "", "", VERBORGEN_BLAD.format(naam=naam)))
    else:
        return gevonden[0] if gevonden else None
    return None


def _read_sheets(boek):
    fouten = []
    locatieblad = _find_sheet(boek, BLAD_LOCATIES, fouten)
    opgaveblad = _find_sheet(boek, BLAD_OPGAVE, fouten)
    if fouten:
        raise BestandGeweigerd(fouten, "hidden or duplicate sheet")
    if locatieblad is None:
        refuse(GEEN_LOCATIEBLAD, "no sheet", blad=BLAD_LOCATIES)
    locaties = _read_sheet(locatieblad, BLAD_LOCATIES, LOCATIE_KOLOMMEN, fouten)
    opgaven = None
    if opgaveblad is not None:
        opgaven = _read_sheet(opgaveblad, BLAD_OPGAVE, OPGAVE_KOLOMMEN, fouten)
    if fouten:
        raise BestandGeweigerd(fouten, "structure")
    return Werkboek(locaties=locaties, opgaven=opgaven)


def _column_positions(kopcellen, blad, kolommen, fouten):
    """Return {veld: position} from the header row; add a Fout for each problem."""
    per_kop = {normalize(k.kop): k for k in kolommen}
    index = {}
    for positie, cel in enumerate(kopcellen):
        kolom = per_kop.get(normalize(cel.value)) if isinstance(cel.value, str) else None
        if kolom is None:
            continue
        if kolom.veld in index:
            fouten.append(Fout(blad, 1, kolom.kop, cel.value, KOLOM_DUBBEL.format(kop=kolom.kop)))
        index[kolom.veld] = positie
    for kolom in kolommen:
        if kolom.verplicht and kolom.veld not in index:
            fouten.append(Fout(blad, 1, kolom.kop, "", KOLOM_ONTBREEKT.format(kop=kolom.kop)))
    return index


def _read_sheet(blad, bladnaam, kolommen, fouten):
    # Never trust the declared dimension: it may claim a million rows or 16.384 columns.
    blad.reset_dimensions()
    rijen = blad.iter_rows(min_row=1, max_col=MAX_KOLOMMEN)
    kop = next(rijen, None)
    if not kop:
        fouten.append(Fout(bladnaam, 1, "", "", LEEG_BLAD))
        return []
    aantal = len(fouten)
    index = _column_positions(kop, bladnaam, kolommen, fouten)
    if len(fouten) > aantal:
        return []
    maximum = settings.EXCEL_MAX_ROWS
    resultaat = []
    for nummer, cellen in enumerate(rijen, start=2):
        if nummer > maximum + 1:
            fouten.append(Fout(bladnaam, nummer, "", "", TE_VEEL_RIJEN.format(max=getal(maximum))))
            break
        rij = {
            veld: Cel(cellen[p].value, cellen[p].data_type == "f")
            for veld, p in index.items()
            if p < len(cellen)
        }
        if any(c.waarde not in (None, "") for c in rij.values()):
            resultaat.append(Rij(bladnaam, nummer, rij))
    return resultaat
