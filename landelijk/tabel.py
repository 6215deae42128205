"""The cells of the national table, built once in Python; the template only places them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html

from kern.formatting import LEEG, long_date, number_range, percentage, whole_number

from .exports import GEEN_GEGEVENS

FIGUUR_KOLOMMEN = 6  # hard … perspectief: one cell "geen gegevens" for a province without


@dataclass(frozen=True)
class Cel:
    html: str
    num: bool = False
    colspan: int = 1


def _getal(waarde):
    return LEEG if waarde is None else whole_number(waarde)


def _verslag(verslag):
    if verslag is None:
        return "nog niet"
    return format_html("{} ({})", verslag.kenmerk, long_date(verslag.datum))


def _naam(rij):
    url = reverse("rapportage:dashboard", args=[rij.code])
    return format_html('<a class="utrecht-link" href="{}">{}</a>', url, rij.naam)


def _figuren(rij):
    t = rij.telling
    if t is None:
        return [Cel(GEEN_GEGEVENS, colspan=FIGUUR_KOLOMMEN)]
    return [
        Cel(_getal(t.hard), True),
        Cel(_getal(t.hard_plan), True),
        Cel(_getal(t.minimale_dekking), True),
        Cel(percentage(rij.dekking_percentage), True),
        Cel(number_range(t.planvoorraad_min, t.planvoorraad_max), True),
        Cel(number_range(t.perspectief_min, t.perspectief_max), True),
    ]


def _indieningen(rij):
    if not rij.in_register:
        return LEEG
    return f"{rij.ingediend} / {rij.akkoord} van {rij.gemeenten}"


def cellen(rij):
    """Return the cells of one province's row."""
    return [
        Cel(_naam(rij)),
        Cel(_getal(rij.opgave_plekken), True),
        *_figuren(rij),
        Cel(_indieningen(rij), True),
        Cel(_verslag(rij.verslag)),
    ]


def totaal_cellen(overzicht):
    """Return the cells of the national total (the provinces in the register)."""
    t = overzicht.telling
    ingediend = sum(r.ingediend for r in overzicht.provincies)
    akkoord = sum(r.akkoord for r in overzicht.provincies)
    gemeenten = sum(r.gemeenten for r in overzicht.provincies if r.in_register)
    return [
        Cel(f"Nederland ({overzicht.in_register} van {len(overzicht.provincies)} in het register)"),
        Cel(_getal(overzicht.opgave_plekken), True),
        Cel(_getal(t.hard), True),
        Cel(_getal(t.hard_plan), True),
        Cel(_getal(t.minimale_dekking), True),
        Cel(percentage(overzicht.dekking_percentage), True),
        Cel(number_range(t.planvoorraad_min, t.planvoorraad_max), True),
        Cel(number_range(t.perspectief_min, t.perspectief_max), True),
        Cel(f"{ingediend} / {akkoord} van {gemeenten}", True),
        Cel(""),
    ]
