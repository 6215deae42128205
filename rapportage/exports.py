"""The dashboard's gemeente table as CSV, and the provincial overview as XLSX.

Both are plain functions over report rows. The workbook holds the gemeente rows with
their totals, every location of those gemeenten with its category, and a sheet that
states the cycle, peildatum and source and explains the definitions.

No request, no queries: the view passes the report and the rows its filter kept, in the
table's order. A text cell never becomes a formula: CSV cells that start with = + - @
tab or carriage return get a single quote in front (OWASP, CSV injection); XLSX text is
written as string cells (opvang.excel.writer).
"""

from __future__ import annotations

import csv
import io
from operator import attrgetter

from openpyxl import Workbook

from kern.xlsx import workbook_bytes, write_cell, write_header
from opvang.constants import Categorie
from opvang.excel.writer import (
    GETALFORMAAT,
    export_rij,
    locaties_blad,
    text_sheet,
)
from opvang.velden import TELREGEL_VELDEN

from .selectors import Rapport, totaal

# (kop, attribute of a GemeenteRij and of a Totaal)
CIJFERS = [
    ("Opgave", "opgave_plekken"),
    ("Opgave AMV", "opgave_amv"),
    ("Harde opvangcapaciteit", "telling.hard"),
    ("Harde opvangcapaciteit AMV", "telling.hard_amv"),
    ("Harde plancapaciteit", "telling.hard_plan"),
    ("Harde plancapaciteit AMV", "telling.hard_plan_amv"),
    ("Minimale dekking", "telling.minimale_dekking"),
    ("Minimale dekking AMV", "telling.minimale_dekking_amv"),
    ("Dekking %", "dekking_percentage"),
    ("Tekort", "tekort"),
    ("Planvoorraad min", "telling.planvoorraad_min"),
    ("Planvoorraad max", "telling.planvoorraad_max"),
    ("Perspectief min", "telling.perspectief_min"),
    ("Perspectief max", "telling.perspectief_max"),
    ("Huidige capaciteit", "telling.huidig"),
]
KOPPEN = ["Gemeentecode", "Gemeente", "Regio", *(k for k, _ in CIJFERS), "Indiening"]
BREEDTES = [14, 24, 24, *(max(len(k) + 2, 10) for k, _ in CIJFERS), 16]
DEKKING_KOLOM = KOPPEN.index("Dekking %")
CSV_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def _cijfers(rij_of_totaal):
    return [attrgetter(a)(rij_of_totaal) for _, a in CIJFERS]


def tabel_rijen(rapport: Rapport, rijen, *, filter_omschrijving=""):
    """Return the table as lists of plain values: the gemeente rows, then the totals row.

    The totals row adds up exactly these rows and says whether a filter left some out.
    """
    rijen = list(rijen)
    som = totaal(rijen)
    if filter_omschrijving:
        label = (
            f"Totaal ({som.aantal} van {len(rapport.gemeenten)} gemeenten; "
            f"gefilterd op {filter_omschrijving})"
        )
    else:
        label = f"Totaal ({som.aantal} gemeenten)"
    return [
        *(
            [r.code, r.naam, r.regio, *_cijfers(r), r.indiening_status_label or "geen uitvraag"]
            for r in rijen
        ),
        ["", label, "", *_cijfers(som), ""],
    ]


def toelichting(rapport: Rapport, filter_omschrijving=""):
    """Return the lines that say what the file holds."""
    venster = rapport.telvenster
    return [
        f"Provincie {rapport.provincie_naam}, cyclus {rapport.cyclus_nummer}: cijfers per gemeente",
        f"Bron: {rapport.bron}; peildatum huidige capaciteit: {rapport.peildatum:%d-%m-%Y}",
        (
            f"Telvenster: {venster.van:%d-%m-%Y} tot en met {venster.tot:%d-%m-%Y}"
            if venster.is_bekend
            else "Telvenster: nog niet vastgesteld"
        ),
        f"Gefilterd op {filter_omschrijving}" if filter_omschrijving else "Alle gemeenten",
        "Dekking % = minimale dekking (hard + hard plan) gedeeld door de opgave.",
    ]


BEGRIPPEN = [
    "Begrippen (telregels van de Spreidingswet, zie ook het provinciaal verslag):",
    "Opgave: het aantal opvangplekken dat de gemeente moet bieden; de jongste versie geldt.",
    "Harde opvangcapaciteit: plekken in gebruik of in realisatie, beschikbaar vanaf uiterlijk "
    "het begin van het telvenster tot ten minste het einde ervan.",
    "Harde plancapaciteit: zulke zekere plekken die pas na het begin van het telvenster "
    "beschikbaar komen en tot het einde blijven.",
    "Minimale dekking: harde opvangcapaciteit plus harde plancapaciteit; Dekking % is die "
    "gedeeld door de opgave.",
    "Planvoorraad: initiatieven in voorbereiding, van minimum tot maximum aantal plekken.",
    "Perspectief: minimale dekking plus planvoorraad.",
    "Tekort: wat aan de opgave ontbreekt voor 100% minimale dekking (nooit negatief).",
    "Huidige capaciteit: alle plekken in gebruik op de peildatum, ook noodopvang.",
    "AMV: plekken voor alleenstaande minderjarige vreemdelingen, een deel van de plekken.",
]


def locatie_rijen(rijen):
    """Return every location of the rows, in the order of the Locaties sheet."""
    categorieen = dict(Categorie.choices)
    return [
        export_rij(
            r.code,
            r.naam,
            {
                "naam": loc.naam,
                "toelichting": loc.toelichting,
                **{naam: getattr(loc.waarden, attr) for attr, naam in TELREGEL_VELDEN.items()},
            },
            categorieen.get(loc.categorie, loc.categorie),
        )
        for r in rijen
        for loc in r.locaties
    ]


def csv_cel(waarde):
    """Return a value as a CSV cell: text that would start a formula is quoted."""
    if waarde is None:
        return ""
    if isinstance(waarde, str):
        return "'" + waarde if waarde.startswith(CSV_GEVAARLIJK) else waarde
    return str(waarde).replace(".", ",")  # the percentage, with a decimal comma


def gemeenten_csv(rapport: Rapport, rijen, *, filter_omschrijving="") -> str:
    """Return the rows as CSV for Dutch Excel: semicolons, decimal comma, BOM."""
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    for rij in tabel_rijen(rapport, rijen, filter_omschrijving=filter_omschrijving):
        schrijver.writerow([csv_cel(w) for w in rij])
    return uit.getvalue()


def gemeenten_xlsx(rapport: Rapport, rijen, *, filter_omschrijving="") -> bytes:
    """Return the provincial overview of these rows as a workbook (.xlsx bytes)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Gemeenten"
    write_header(blad, KOPPEN, BREEDTES)
    for r, rij in enumerate(
        tabel_rijen(rapport, rijen, filter_omschrijving=filter_omschrijving), 2
    ):
        for c, waarde in enumerate(rij):
            if c == DEKKING_KOLOM and waarde is not None:
                write_cell(blad.cell(row=r, column=c + 1), float(waarde) / 100, "0.0%")
            else:
                write_cell(blad.cell(row=r, column=c + 1), waarde, GETALFORMAAT)
    locaties_blad(boek.create_sheet("Locaties"), locatie_rijen(rijen))
    text_sheet(
        boek, "Over dit bestand", [*toelichting(rapport, filter_omschrijving), "", *BEGRIPPEN]
    )
    return workbook_bytes(boek)
