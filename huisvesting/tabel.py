"""The dashboard's gemeente table: filtering, sorting and the CSV/XLSX rows, one place.

Plain functions over the Statushouders object, so the page and its exports list the
same rows with the same figures.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from kern.formatting import LEEG, decimal_number, percentage, whole_number
from kern.xlsx import workbook_bytes, write_cell, write_header

from .saldo import OORDEEL_LABELS

KOLOMMEN = (
    "Gemeentecode", "Gemeente", "Taakstelling", "Startsaldo", "Gecorrigeerde taakstelling",
    "Gerealiseerd", "Verwacht eindsaldo", "Tempo", "% van tempo", "Oordeel",
    "Halfjaren achter op rij", "Laatste IBT-stap",
)  # fmt: skip
SORTERINGEN = {
    "naam": lambda g: g.naam,
    "taakstelling": lambda g: g.stand.taakstelling if g.stand else -1,
    "gecorrigeerd": lambda g: g.stand.gecorrigeerd if g.stand else -1,
    "gerealiseerd": lambda g: g.stand.gerealiseerd if g.stand else -1,
    "percentage": lambda g: (
        g.stand.percentage if g.stand and g.stand.percentage is not None else -1
    ),
    "eindsaldo": lambda g: g.stand.eindsaldo if g.stand else -(10**9),
}


def rijen(overzicht, *, oordeel="", zoek="", sorteer="naam", omgekeerd=False):
    """Return the gemeente rows kept by the filter, sorted by a SORTERINGEN key."""
    gekozen = [
        g
        for g in overzicht.gemeenten
        if (
            not oordeel
            or (g.stand and g.stand.oordeel == oordeel)
            or (oordeel == "signaal" and g.gesignaleerd)
        )
        and zoek.casefold() in g.naam.casefold()
    ]
    sleutel = SORTERINGEN.get(sorteer, SORTERINGEN["naam"])
    return sorted(gekozen, key=sleutel, reverse=omgekeerd)


def waarden(g):
    """Return a row's values in KOLOMMEN order (numbers as numbers, None as a gap)."""
    s = g.stand
    ibt = g.laatste_ibt
    vast = [g.code, g.naam]
    if s is None:
        return [
            *vast,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "onbekend",
            g.achter_op_rij,
            ibt.stap_label if ibt else "",
        ]
    return [
        *vast, s.taakstelling, s.startsaldo, s.gecorrigeerd, s.gerealiseerd, s.eindsaldo,
        float(s.tempo), float(s.percentage) if s.percentage is not None else None,
        OORDEEL_LABELS[s.oordeel], g.achter_op_rij, ibt.stap_label if ibt else "",
    ]  # fmt: skip


def _tekst(waarde, kolom):
    if waarde is None:
        return LEEG
    if kolom == "% van tempo":
        return percentage(waarde)
    if kolom == "Tempo":
        return decimal_number(waarde)
    if isinstance(waarde, int):
        return whole_number(waarde)
    return waarde


def als_csv(gekozen):
    """Return the rows as CSV text (semicolons, Dutch numbers), as Excel in NL opens it."""
    out = io.StringIO()
    schrijver = csv.writer(out, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    for g in gekozen:
        schrijver.writerow(_tekst(w, k) for w, k in zip(waarden(g), KOLOMMEN, strict=True))
    return out.getvalue()


def als_xlsx(overzicht, gekozen):
    """Return the rows as a workbook (numbers as numbers, text as safe text cells)."""
    boek = Workbook()
    blad = boek.active
    blad.title = f"Statushouders {overzicht.halfjaar}"[:31]
    write_header(blad, KOLOMMEN, [14, 28, 13, 11, 14, 13, 14, 10, 12, 18, 12, 22])
    for r, g in enumerate(gekozen, start=2):
        for c, w in enumerate(waarden(g), start=1):
            write_cell(blad.cell(row=r, column=c), w, "0.0" if c in (8, 9) else None)
    return workbook_bytes(boek)
