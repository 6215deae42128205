"""The national table as CSV and XLSX: per province, then the national total.

A province without figures in the register has empty cells and says so in the last
column: a gap is shown as a gap, never as a zero.
"""

from __future__ import annotations

import csv
import io
from operator import attrgetter

from openpyxl import Workbook

from kern.xlsx import workbook_bytes, write_cell, write_header
from rapportage.exports import csv_cel

GEEN_GEGEVENS = "geen gegevens in het register"
# (kop, attribute of a ProvincieRij's Telling)
TELLING = [
    ("Harde opvangcapaciteit", "hard"),
    ("Harde plancapaciteit", "hard_plan"),
    ("Minimale dekking", "minimale_dekking"),
    ("Planvoorraad min", "planvoorraad_min"),
    ("Planvoorraad max", "planvoorraad_max"),
    ("Perspectief min", "perspectief_min"),
    ("Perspectief max", "perspectief_max"),
]
KOPPEN = [
    "Provinciecode",
    "Provincie",
    "Opgave",
    "Opgave AMV",
    *(k for k, _ in TELLING),
    "Dekking %",
    "Gemeenten",
    "Ingediend",
    "Akkoord",
    "Verslag vastgesteld (kenmerk)",
    "Verslag vastgesteld (datum)",
    "Gegevens",
]
BREEDTES = [14, 18, 10, 12, *(max(len(k) + 2, 12) for k, _ in TELLING), 11, 11, 11, 10, 30, 26, 32]
DEKKING_KOLOM = KOPPEN.index("Dekking %")
GETALFORMAAT = "#,##0"


def _telling(telling):
    return [None if telling is None else attrgetter(a)(telling) for _, a in TELLING]


def tabel_rijen(overzicht, rijen):
    """Return the table as lists of plain values: the provinces, then the national total."""
    result = []
    for r in rijen:
        verslag = r.verslag
        result.append(
            [
                r.code,
                r.naam,
                r.opgave_plekken,
                r.opgave_amv,
                *_telling(r.telling),
                r.dekking_percentage,
                r.gemeenten,
                r.ingediend if r.in_register else None,
                r.akkoord if r.in_register else None,
                verslag.kenmerk if verslag else "",
                verslag.datum if verslag else None,
                "in het register" if r.in_register else GEEN_GEGEVENS,
            ]
        )
    label = f"Nederland ({overzicht.in_register} van {len(overzicht.provincies)} in het register)"
    som = [
        "",
        label,
        overzicht.opgave_plekken,
        overzicht.opgave_amv,
        *_telling(overzicht.telling),
        overzicht.dekking_percentage,
        sum(r.gemeenten for r in overzicht.provincies),
        sum(r.ingediend for r in overzicht.provincies),
        sum(r.akkoord for r in overzicht.provincies),
        "",
        None,
        "",
    ]
    return [*result, som]


def landelijk_csv(overzicht, rijen) -> str:
    """Return the table as CSV for Dutch Excel: semicolons, decimal comma, BOM."""
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    for rij in tabel_rijen(overzicht, rijen):
        schrijver.writerow([_csv_waarde(w) for w in rij])
    return uit.getvalue()


def _csv_waarde(waarde):
    return waarde.isoformat() if hasattr(waarde, "isoformat") else csv_cel(waarde)


def landelijk_xlsx(overzicht, rijen) -> bytes:
    """Return the table as a workbook (.xlsx bytes)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Provincies"
    write_header(blad, KOPPEN, BREEDTES)
    for r, rij in enumerate(tabel_rijen(overzicht, rijen), 2):
        for c, waarde in enumerate(rij):
            cel = blad.cell(row=r, column=c + 1)
            if c == DEKKING_KOLOM and waarde is not None:
                write_cell(cel, float(waarde) / 100, "0.0%")
            elif hasattr(waarde, "isoformat"):
                write_cell(cel, waarde, "d-m-yyyy")
            else:
                write_cell(cel, waarde, GETALFORMAAT)
    return workbook_bytes(boek)
