"""The dashboard as CSV and XLSX: plain functions over the GooOverzicht (no queries)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from kern.formatting import short_date
from kern.xlsx import workbook_bytes, write_cell, write_header

KOPPEN = (
    ("Gemeente", 28),
    ("CBS-code", 10),
    ("Regio", 16),
    ("Locaties", 10),
    ("Capaciteit (bedden)", 12),
    ("Bezetting (bedden)", 12),
    ("Bezettingsgraad (%)", 12),
    ("Locaties zonder bezetting", 12),
    ("Streefgetal", 12),
    ("Streefgetal voor", 18),
    ("Tekort nu", 10),
    ("Loopt af binnen 3 maanden", 12),
    ("Loopt af binnen 6 maanden", 12),
    ("Capaciteit na 3 maanden", 12),
    ("Capaciteit na 6 maanden", 12),
    ("Tekort na 3 maanden", 12),
    ("Tekort na 6 maanden", 12),
    ("Onder streefgetal na einddata", 12),
    ("Komende capaciteit", 12),
    ("Particuliere opvang (personen)", 14),
)


def _doel_voor(g):
    if g.doel is None:
        return ""
    return "gemeente" if g.doel.voor == "gemeente" else f"regio {g.doel.naam}"


def rij(g):
    """Return one gemeente's figures as plain values (None: unknown or none)."""
    t, v = g.telling, g.vergelijking
    return [
        g.naam,
        g.code,
        g.regio_naam,
        t.locaties,
        t.capaciteit,
        t.bezetting if t.bezetting_bekend else None,
        t.bezettingsgraad,
        t.zonder_bezetting,
        g.doel.aantal if g.doel else None,
        _doel_voor(g),
        v.tekort_nu,
        t.aflopend_3,
        t.aflopend_6,
        t.capaciteit_na_3,
        t.capaciteit_na_6,
        v.tekort_na_3,
        v.tekort_na_6,
        "ja" if v.onder_na_einddata else "nee",
        t.komend,
        g.particulier,
    ]


def csv_bytes(overzicht, rijen):
    out = io.StringIO()
    schrijver = csv.writer(out, delimiter=";")
    schrijver.writerow([f"Peildatum {short_date(overzicht.peildatum)}"])
    schrijver.writerow([k for k, _ in KOPPEN])
    for g in rijen:
        waarden = rij(g)
        schrijver.writerow(
            [
                "onbekend"
                if w is None
                else str(w).replace(".", ",")
                if not isinstance(w, str)
                else _veilig(w)
                for w in waarden
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _veilig(tekst):
    """Keep text from becoming a formula in a spreadsheet (=, +, -, @)."""
    return f"'{tekst}" if tekst[:1] in ("=", "+", "-", "@") else tekst


def xlsx_bytes(overzicht, rijen):
    boek = Workbook()
    blad = boek.active
    blad.title = "GOO per gemeente"
    write_header(blad, [k for k, _ in KOPPEN], [b for _, b in KOPPEN])
    for r, g in enumerate(rijen, start=2):
        for c, waarde in enumerate(rij(g), start=1):
            if waarde is None:
                waarde = "onbekend" if c in (6, 20) else ""
            elif not isinstance(waarde, (str, int)):
                waarde = float(waarde)
            write_cell(blad.cell(row=r, column=c), waarde)
    info = boek.create_sheet("Toelichting")
    write_cell(info.cell(row=1, column=1), f"Peildatum {short_date(overzicht.peildatum)}")
    write_cell(
        info.cell(row=2, column=1),
        "Capaciteit: bedden van locaties in gebruik (of beëindigd, tot hun laatste dag) "
        "op de peildatum. Bezetting: de laatste telling op of vóór de peildatum; "
        "‘onbekend’ is geen 0.",
    )
    return workbook_bytes(boek)
