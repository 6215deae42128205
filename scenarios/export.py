"""A scenario as a workbook: the comparison per gemeente and the changes, with the banner.

Figures are numbers (a percentage a fraction shown as 49,9%); text goes through
kern.xlsx's safe cells. The banner stands above both sheets' tables.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kern.formatting import long_date
from kern.xlsx import HEADER_FILL, HEADER_FONT, workbook_bytes, write_cell, write_text

PROCENT = "0.0%"
KOPPEN = (
    ("Gemeente", 28),
    ("Opgave", 10),
    ("Minimale dekking nu", 14),
    ("Minimale dekking scenario", 14),
    ("Verschil", 10),
    ("Dekking nu", 11),
    ("Dekking scenario", 11),
    ("Tekort nu", 10),
    ("Tekort scenario", 10),
)
WIJZIGING_KOPPEN = (
    ("Soort", 14),
    ("Gemeente", 22),
    ("Locatie", 34),
    ("Wat", 40),
    ("Telt in het scenario als", 30),
)


def _fractie(pct):
    return None if pct is None else float(pct) / 100


def _kop(sheet, rij, koppen):
    for i, (kop, breedte) in enumerate(koppen, start=1):
        cell = sheet.cell(row=rij, column=i)
        write_text(cell, kop)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        sheet.column_dimensions[get_column_letter(i)].width = breedte
    sheet.freeze_panes = f"A{rij + 1}"


def _rij(sheet, rij, waarden, procent=(6, 7)):
    for i, waarde in enumerate(waarden, start=1):
        opmaak = PROCENT if i in procent else None
        write_cell(sheet.cell(row=rij, column=i), waarde, opmaak)


def _vooraf(sheet, v, titel):
    """Write the banner and what the scenario is; return the next free row."""
    s = v.scenario
    regels = (
        v.banner,
        f"{titel}: {s.naam}",
        f"Provincie {s.provincie.naam}, cyclus {s.cyclus.nummer}, "
        f"peildatum {long_date(s.peildatum)}",
        f"Gemaakt door {s.aangemaakt_door or 'onbekend'}; bron: de locaties zoals ze nu "
        "geregistreerd staan, met de wijzigingen van het scenario.",
    )
    for i, tekst in enumerate(regels, start=1):
        write_text(sheet.cell(row=i, column=1), tekst)
    sheet.cell(row=1, column=1).font = Font(bold=True, color="9C0006")
    return len(regels) + 2


def gemeente_waarden(g):
    return (
        g.naam,
        g.opgave_plekken,
        g.nu.telling.minimale_dekking,
        g.scenario.telling.minimale_dekking,
        g.verschil,
        _fractie(g.nu.dekking_percentage),
        _fractie(g.scenario.dekking_percentage),
        g.nu.tekort,
        g.scenario.tekort,
    )


def scenario_xlsx(v) -> bytes:
    """Return the workbook of a Vergelijking (scenarios.selectors)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Vergelijking"
    start = _vooraf(blad, v, "Scenario")
    _kop(blad, start, KOPPEN)
    for n, g in enumerate(v.gemeenten, start=start + 1):
        _rij(blad, n, gemeente_waarden(g))
    nu, straks = v.werkelijk, v.in_scenario
    totaal = (
        "Provincie (totaal)",
        nu.opgave_plekken,
        nu.telling.minimale_dekking,
        straks.telling.minimale_dekking,
        v.verschil,
        _fractie(nu.dekking_percentage),
        _fractie(straks.dekking_percentage),
        sum(g.nu.tekort or 0 for g in v.gemeenten),
        sum(g.scenario.tekort or 0 for g in v.gemeenten),
    )
    _rij(blad, start + len(v.gemeenten) + 1, totaal)
    wijzigingen = boek.create_sheet("Wijzigingen")
    start = _vooraf(wijzigingen, v, "Wijzigingen van scenario")
    _kop(wijzigingen, start, WIJZIGING_KOPPEN)
    for n, w in enumerate(v.wijzigingen, start=start + 1):
        _rij(wijzigingen, n, (w.soort, w.gemeente, w.naam, w.omschrijving, w.categorie), ())
    return workbook_bytes(boek)
