"""The map of minimale dekking per gemeente: for the dashboard, the national view, the PDF.

The bands are this module's; drawing is gemeenten.kaart's. A map is built once per
data version and boundary file: it is cached under the report's key
(rapportage.cache, which holds the data version) with the boundary files' version in
its part, so a write or new boundaries make a new map and nothing stale is drawn.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import reverse

from gemeenten.grenzen import grenzen
from gemeenten.kaart import BRONVERMELDING, Band, Kaart, KaartWaarde, kaart
from kern.formatting import percentage

from . import cache

__all__ = ["BRONVERMELDING", "DEKKING_BANDEN", "dekking_band", "dekking_kaart"]

GEEN = "geen"
# ColorBrewer's PuOr (colour-blind safe), light in the middle; every band its pattern.
DEKKING_BANDEN = (
    Band("lt25", "minder dan 25%", "#b35806", "kruis"),
    Band("25-50", "25% tot 50%", "#f1a340", "schuin", lijn="#6b3500"),
    Band("50-75", "50% tot 75%", "#fee0b6", "stip", lijn="#6b3500"),
    Band("75-100", "75% tot 100%", "#998ec3", "liggend"),
    Band("ge100", "100% of meer", "#542788"),
    Band(GEEN, "geen opgave of geen gegevens", "#ffffff", "tegen", lijn="#8c8c8c"),
)
GRENZEN = ((Decimal(25), "lt25"), (Decimal(50), "25-50"), (Decimal(75), "50-75"))
GEEN_GEGEVENS = "geen gegevens in het register"
TITEL = "Kaart: minimale dekking per gemeente"


def dekking_band(pct: Decimal | None) -> str:
    """Return the band of a minimale dekking percentage (None: no opgave)."""
    if pct is None:
        return GEEN
    for grens, band in GRENZEN:
        if pct < grens:
            return band
    return "75-100" if pct < 100 else "ge100"


def _label(rij) -> str:
    if rij.dekking_percentage is not None:
        return f"{percentage(rij.dekking_percentage)} dekking"
    return "opgave 0" if rij.opgave_plekken == 0 else "geen opgave"


def waarden(rapport, *, links=True) -> dict[str, KaartWaarde]:
    """Return {gemeentecode: KaartWaarde} of the report's gemeenten, linked to their page."""
    return {
        rij.code: KaartWaarde(
            naam=rij.naam,
            band=dekking_band(rij.dekking_percentage),
            label=_label(rij),
            href=reverse("opvang:gemeente_detail", kwargs={"code": rij.code}) if links else "",
        )
        for rij in rapport.gemeenten
    }


def dekking_kaart(rapport, *, interactief=True) -> Kaart:
    """Return the province's map: its gemeenten coloured, the neighbouring ones grey."""
    return kaart(
        waarden(rapport, links=interactief),
        DEKKING_BANDEN,
        waarde_kop="Minimale dekking",
        titel=f"{TITEL}, provincie {rapport.provincie_naam}",
        provincie_code=rapport.provincie_code,
        interactief=interactief,
        prefix="kaart-pdf" if not interactief else "kaart",
    )


def landelijke_kaart(rapporten) -> Kaart:
    """Return the map of every gemeente of the country, province borders over them.

    A gemeente of the boundary file that is in no report is "geen gegevens".
    """
    alle = {}
    for rapport in rapporten:
        alle.update(waarden(rapport))
    return kaart(
        alle,
        DEKKING_BANDEN,
        waarde_kop="Minimale dekking",
        titel=f"{TITEL}, heel Nederland",
        ontbrekend=(GEEN, GEEN_GEGEVENS),
    )


def onderdeel(soort: str) -> str:
    """Return the cache part of a map: its kind and the boundary files' version."""
    return f"kaart:{soort}:{grenzen().versie}"


def bewaarde_dekking_kaart(sleutel, rapport) -> Kaart:
    """Return the province's map, made once per report key and boundary file."""
    return cache.bewaard(sleutel, onderdeel("provincie"), lambda: dekking_kaart(rapport))


def bewaarde_landelijke_kaart(sleutels, rapporten) -> Kaart:
    """Return the national map, made once per set of province keys and boundary file.

    rapporten: a function returning the provinces' reports, called only to make it.
    """
    return cache.bewaard(
        _landelijke_basis(sleutels), onderdeel("land"), lambda: landelijke_kaart(rapporten())
    )


def bewaarde_landelijke_kaart_html(sleutels, rapporten) -> tuple[int, str]:
    """Return (number of gemeenten, the national map's HTML), rendered once as its map.

    342 shapes and table rows are placed by the template once per set of province keys
    and boundary file, not on every request.
    """

    def maak():
        landelijk = bewaarde_landelijke_kaart(sleutels, rapporten)
        return len(landelijk.rijen), render_to_string("includes/kaart.html", {"kaart": landelijk})

    return cache.bewaard(_landelijke_basis(sleutels), onderdeel("land-html"), maak)


def _landelijke_basis(sleutels):
    basis = hashlib.blake2s("|".join(sleutels).encode(), digest_size=12).hexdigest()
    return f"landelijk{cache.FORMAAT}:{basis}"
