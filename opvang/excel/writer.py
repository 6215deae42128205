"""Write workbooks: the uitvraag template, the provincial list of locations, error lists.

Plain functions over already-evaluated data (no request, no queries). Every text cell
is written as a string, with Excel's quote prefix, so that a value starting with =, +,
- or @ (a location named `=HYPERLINK(...)`) stays text and never becomes a formula.
"""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kern.dates import DATUM_BUITEN_BEREIK, EERSTE_DATUM, LAATSTE_DATUM
from kern.text import MAX_TOELICHTING
from kern.xlsx import workbook_bytes, write_cell, write_header, write_text

from ..constants import Soort, Status
from ..velden import DATUM, GETAL, KEUZE, LOCATIE_VELDEN, TEKST
from .format import (
    BLAD_LOCATIES,
    BLAD_OPGAVE,
    BLAD_UITLEG,
    LOCATIE_KOLOMMEN,
    OPGAVE_KOLOMMEN,
    Kolom,
    getal,
)

DATUMFORMAAT = "d-m-yyyy"
GETALFORMAAT = "#,##0"
# Drop-down lists and checks reach this far below the data, for rows users add.
EXTRA_RIJEN = 1000

UITLEG = [
    ("Uitvraag opvanglocaties", True),
    ("", False),
    ("Zo vult u dit werkboek in", True),
    (
        "1. Ga naar het tabblad ‘Locaties’. Elke rij is één opvanglocatie. "
        "De locaties die nu al geregistreerd staan, zijn al ingevuld.",
        False,
    ),
    (
        "2. Pas de gegevens aan waar nodig, of voeg onderaan een rij toe voor een nieuwe locatie.",
        False,
    ),
    (
        "3. Een locatie wordt herkend aan gemeentecode en naam. Verandert u de naam, dan ziet "
        "het Opvangregister dat als een nieuwe locatie.",
        False,
    ),
    (
        "4. Een locatie verwijderen kan niet via dit werkboek: een rij weglaten verandert "
        "niets. Zet de status op ‘beëindigd’ (gesloten) of ‘vervallen’ (initiatief gaat "
        "niet door).",
        False,
    ),
    ("5. Sla het bestand op als Excel-werkmap (.xlsx) en upload het in het Opvangregister.", False),
    (
        "6. U ziet eerst wat er verandert. Pas als u bevestigt, wordt alles in één keer "
        "verwerkt. Staat er ergens een fout in, dan wordt niets verwerkt en krijgt u een "
        "lijst met alle fouten (tabblad, rij, kolom, waarde en uitleg).",
        False,
    ),
    ("", False),
    ("De kolommen", True),
    ("Gemeentecode — verplicht, bijvoorbeeld GM0344.", False),
    ("Gemeente — de naam van de gemeente; moet passen bij de code.", False),
    ("Naam locatie — verplicht; samen met de gemeente herkent het register de locatie.", False),
    ("Soort — kies uit de lijst: " + " · ".join(Soort.labels) + ".", False),
    ("Status — kies uit de lijst: " + " · ".join(Status.labels) + ".", False),
    (
        "Plekken — geheel getal, 0 of meer, zoals 1000 of 1.000; bij een initiatief in "
        "voorbereiding het minimum.",
        False,
    ),
    (
        "Plekken max — alleen bij initiatieven in voorbereiding, niet kleiner dan Plekken; "
        "leeg betekent gelijk aan Plekken.",
        False,
    ),
    ("Waarvan AMV — geheel getal, niet meer dan Plekken; leeg betekent 0.", False),
    (
        "Beschikbaar vanaf — datum tussen 1-1-1990 en 31-12-2100, bijvoorbeeld 1-7-2025; "
        "verplicht bij ‘in gebruik’ en ‘in realisatie’.",
        False,
    ),
    ("Beschikbaar tot — laatste dag; leeg betekent voor onbepaalde tijd.", False),
    (f"Toelichting — vrije tekst, ten hoogste {getal(MAX_TOELICHTING)} tekens.", False),
    ("", False),
    (
        "Formules worden niet uitgerekend: vul getallen en datums zelf in. Laat de kopjes "
        "in rij 1 staan; de volgorde van de kolommen mag u veranderen.",
        False,
    ),
]
OPGAVE_UITLEG = (
    "Tabblad ‘Opgave’ (alleen voor de provincie): per gemeente de opgave en het deel voor "
    "AMV. Een gewijzigd getal wordt een nieuwe versie van de opgave in de gekozen cyclus; "
    "soort en bron kiest u bij het importeren."
)


def _data_validation(kolom):
    """Return the drop-down list or number/date check of a column, or None."""
    if kolom.type == KEUZE:
        return _dropdown([label for _, label in kolom.keuzes])
    if kolom.type == GETAL:
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            errorTitle="Geen geheel getal",
            error="Vul een geheel getal in, 0 of meer.",
        )
    if kolom.type == DATUM:
        return DataValidation(
            type="date",
            operator="between",
            formula1=str(_excel_datum(EERSTE_DATUM)),
            formula2=str(_excel_datum(LAATSTE_DATUM)),
            errorTitle="Geen datum",
            error=f"Vul een datum in, bijvoorbeeld 1-7-2025. {DATUM_BUITEN_BEREIK}",
        )
    return None


def _add_validations(blad, kolommen, laatste_rij):
    """Add drop-down lists and number/date checks to the columns of a sheet."""
    for i, kolom in enumerate(kolommen, start=1):
        regel = _data_validation(kolom)
        if regel is not None:
            regel.allow_blank = True
            regel.showErrorMessage = True
            letter = get_column_letter(i)
            regel.add(f"{letter}2:{letter}{laatste_rij}")
            blad.add_data_validation(regel)


def _excel_datum(d):
    """Return a date as Excel's serial number (days since 30-12-1899)."""
    return (d - date(1899, 12, 30)).days


def _dropdown(labels):
    return DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        errorTitle="Kies uit de lijst",
        error="Kies een waarde uit de lijst.",
    )


def _number_format(kolom):
    return {DATUM: DATUMFORMAAT, GETAL: GETALFORMAAT}.get(kolom.type)


def _write_rows(blad, kolommen, rijen):
    for r, rij in enumerate(rijen, start=2):
        for c, (kolom, waarde) in enumerate(zip(kolommen, rij, strict=True), start=1):
            write_cell(blad.cell(row=r, column=c), waarde, _number_format(kolom))


def _write_explanation(blad, met_opgave):
    regels = UITLEG + ([("", False), (OPGAVE_UITLEG, False)] if met_opgave else [])
    _write_explanation_lines(blad, regels)


def _write_explanation_lines(blad, regels):
    """Write an Uitleg sheet: (text, bold) per line, the first one as its title."""
    blad.column_dimensions["A"].width = 110
    for r, (tekst, vet) in enumerate(regels, start=1):
        cel = blad.cell(row=r, column=1)
        write_text(cel, tekst)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
        if vet:
            cel.font = Font(bold=True, size=14 if r == 1 else 12)


def locatie_rij(gemeente, locatie):
    """Return a location's row in the column order of LOCATIE_KOLOMMEN."""
    return [
        gemeente.code,
        gemeente.naam,
        *(v.cel(getattr(locatie, v.naam)) for v in LOCATIE_VELDEN),
    ]


def sjabloon_maken(*, locatie_rijen, opgave_rijen=None):
    """Return the uitvraag template (.xlsx bytes).

    locatie_rijen: rows as from locatie_rij(); opgave_rijen: [code, naam, plekken, amv]
    per gemeente, or None to leave out the Opgave sheet (gemeente users).
    """
    boek = Workbook()
    _write_explanation(boek.active, opgave_rijen is not None)
    boek.active.title = BLAD_UITLEG
    blad = boek.create_sheet(BLAD_LOCATIES)
    laatste = len(locatie_rijen) + 1 + EXTRA_RIJEN
    write_header(blad, [k.kop for k in LOCATIE_KOLOMMEN], [k.breedte for k in LOCATIE_KOLOMMEN])
    _write_rows(blad, LOCATIE_KOLOMMEN, locatie_rijen)
    _add_validations(blad, LOCATIE_KOLOMMEN, laatste)
    if opgave_rijen is not None:
        blad = boek.create_sheet(BLAD_OPGAVE)
        laatste = len(opgave_rijen) + 1 + 100
        write_header(blad, [k.kop for k in OPGAVE_KOLOMMEN], [k.breedte for k in OPGAVE_KOLOMMEN])
        _write_rows(blad, OPGAVE_KOLOMMEN, opgave_rijen)
        _add_validations(blad, OPGAVE_KOLOMMEN, laatste)
    return workbook_bytes(boek)


# The export: the template's columns with each location's category before its remark.
TELT_ALS = Kolom("Telt als", "categorie", TEKST, 34)
EXPORT_KOLOMMEN = (*LOCATIE_KOLOMMEN[:-1], TELT_ALS, LOCATIE_KOLOMMEN[-1])


def export_rij(gemeente_code, gemeente_naam, waarden, categorie):
    """Return a location's export row: waarden is {Locatie field: value}, as stored."""
    *velden, toelichting = (v.cel(waarden[v.naam]) for v in LOCATIE_VELDEN)
    return [gemeente_code, gemeente_naam, *velden, categorie, toelichting]


def locaties_blad(blad, rijen):
    """Fill a sheet with locations and their category; rijen as from export_rij()."""
    write_header(blad, [k.kop for k in EXPORT_KOLOMMEN], [k.breedte for k in EXPORT_KOLOMMEN])
    _write_rows(blad, EXPORT_KOLOMMEN, rijen)


def text_sheet(boek, titel, regels):
    """Add a sheet of plain text lines (what a file holds, definitions)."""
    blad = boek.create_sheet(titel)
    blad.column_dimensions["A"].width = 110
    for r, tekst in enumerate(regels, start=1):
        write_text(blad.cell(row=r, column=1), tekst)
    return blad


def locaties_export_maken(*, rijen, titel, bron):
    """Return the province's locations with their category (.xlsx bytes).

    rijen: lists as from export_rij(); titel and bron describe the cycle,
    peildatum and source, stated on a sheet of their own.
    """
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD_LOCATIES
    locaties_blad(blad, rijen)
    text_sheet(boek, "Over dit bestand", [titel, bron])
    return workbook_bytes(boek)


def foutenlijst_maken(fouten):
    """Return the errors of a refused file as a workbook (.xlsx bytes)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Fouten"
    write_header(blad, ["Tabblad", "Rij", "Kolom", "Waarde", "Melding"], [14, 8, 20, 30, 90])
    for r, fout in enumerate(fouten, start=2):
        waarden = [fout["blad"], fout["rij"], fout["kolom"], fout["waarde"], fout["melding"]]
        for c, waarde in enumerate(waarden, start=1):
            write_cell(blad.cell(row=r, column=c), waarde)
    return workbook_bytes(boek)
