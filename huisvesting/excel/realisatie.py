"""The workbook of monthly realisation: its template and its all-or-nothing import.

Sheet `Realisatie`, columns found by header name: Gemeentecode, Gemeente, Maand (2025-07
or a date), Gehuisvest, Bron (COA or gemeente). Every row is checked before anything is
stored; one bad row refuses the file, with every row's errors listed in Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from openpyxl import Workbook

from kern.numbers import parse_whole_number
from kern.xlsx import workbook_bytes, write_cell, write_header

from ..constants import Bron
from ..forms import lees_maand
from ..models import Halfjaar, Realisatie
from ..services import DUBBEL, NEGATIEF, ONBEKENDE_GEMEENTE, maand_label, realisatie_fout
from .blad import lees_blad

BLAD = "Realisatie"
KOLOMMEN = ("Gemeentecode", "Gemeente", "Maand", "Gehuisvest", "Bron")
GEEN_GETAL = "Vul bij Gehuisvest een heel aantal personen in (bijvoorbeeld 12)."
ONBEKENDE_BRON = "Vul bij Bron ‘COA’ of ‘gemeente’ in."
ANDERE_GEMEENTE = "Gemeente {code} hoort niet bij wat u mag importeren."
DUBBEL_IN_BESTAND = "Deze gemeente, maand en bron staan meer dan eens in het bestand."
BRONNEN = {"coa": Bron.COA, "gemeente": Bron.GEMEENTE, **{b.label.lower(): b for b in Bron}}


@dataclass(frozen=True)
class Fout:
    rij: int
    bericht: str


def sjabloon(gemeenten, maanden=()):
    """Return the template workbook: a row per gemeente and month, Gehuisvest empty."""
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD
    write_header(blad, KOLOMMEN, [14, 28, 10, 12, 10])
    r = 2
    for gemeente in gemeenten:
        for maand in maanden or (None,):
            waarden = [
                gemeente.code,
                gemeente.naam,
                maand_label(maand) if maand else "",
                None,
                "gemeente",
            ]
            for c, waarde in enumerate(waarden, start=1):
                write_cell(blad.cell(row=r, column=c), waarde)
            r += 1
    uitleg = boek.create_sheet("Uitleg")
    for i, regel in enumerate(UITLEG, start=1):
        write_cell(uitleg.cell(row=i, column=1), regel)
    return workbook_bytes(boek)


UITLEG = (
    "Vul per gemeente en maand het aantal gehuisveste statushouders in (tabblad Realisatie).",
    "Maand: jaar-maand (2025-07) of een datum in die maand. Bron: COA of gemeente.",
    "Per gemeente, maand en bron één rij; een maand die al is ingevoerd wordt geweigerd.",
    "Het bestand wordt in zijn geheel ingelezen of helemaal niet:",
    "bij één fout wordt niets opgeslagen.",
)


def lees(inhoud, bestandsnaam):
    """Return [(rijnummer, {kolom: waarde})] of sheet Realisatie, or raise BestandGeweigerd."""
    return lees_blad(inhoud, bestandsnaam, BLAD, KOLOMMEN)


def _aantal(waarde):
    try:
        aantal = parse_whole_number(waarde)
    except ValueError:
        raise ValidationError(GEEN_GETAL) from None
    if aantal < 0:
        raise ValidationError(NEGATIEF)
    return aantal


def _rij(waarden, gemeenten, halfjaren, vandaag):
    """Return (gemeente, maand, gehuisvest, bron) of one row, or raise ValidationError."""
    code = str(waarden["Gemeentecode"] or "").strip()
    if code not in gemeenten:
        raise ValidationError(ONBEKENDE_GEMEENTE.format(code=code))
    if gemeenten[code] is None:
        raise ValidationError(ANDERE_GEMEENTE.format(code=code))
    maand = lees_maand(waarden["Maand"])
    aantal = _aantal(waarden["Gehuisvest"])
    bron = BRONNEN.get(str(waarden["Bron"] or "").strip().lower())
    if bron is None:
        raise ValidationError(ONBEKENDE_BRON)
    fout = realisatie_fout(maand=maand, gehuisvest=aantal, halfjaren=halfjaren, vandaag=vandaag)
    if fout:
        raise ValidationError(fout)
    return gemeenten[code], maand, aantal, bron


def controleer_rijen(gelezen, *, toegestaan, bekend, vandaag=None):
    """Return (rows to store, errors): each row checked, duplicates in file and database.

    toegestaan: the gemeenten the user may import for; bekend: every gemeente code known.
    """
    gemeenten = {code: None for code in bekend} | {g.code: g for g in toegestaan}
    halfjaren = list(Halfjaar.objects.all())
    bestaand = set(
        Realisatie.objects.filter(gemeente__in=list(toegestaan)).values_list(
            "gemeente_id", "maand", "bron"
        )
    )
    goed, fouten, gezien = [], [], set()
    for nummer, waarden in gelezen:
        try:
            rij = _rij(waarden, gemeenten, halfjaren, vandaag)
        except ValidationError as fout:
            fouten.extend(Fout(nummer, m) for m in fout.messages)
            continue
        sleutel = (rij[0].pk, rij[1], rij[3])
        if sleutel in bestaand:
            label = Bron(rij[3]).label
            fouten.append(Fout(nummer, DUBBEL.format(maand=maand_label(rij[1]), bron=label)))
        elif sleutel in gezien:
            fouten.append(Fout(nummer, DUBBEL_IN_BESTAND))
        gezien.add(sleutel)
        goed.append(rij)
    return goed, fouten
