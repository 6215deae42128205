"""The statushouders map: each gemeente of the province by its rating (oordeel).

Drawn by gemeenten.kaart like the dekking map; the bands are the ratings of
huisvesting.saldo, and a gemeente without a taakstelling or startsaldo is "niet te
berekenen" (a gap, not a rating).
"""

from __future__ import annotations

from django.urls import reverse

from gemeenten.kaart import Band, Kaart, KaartWaarde, kaart
from kern.formatting import percentage

from .saldo import ACHTER, ENIGSZINS_ACHTER, OORDEEL_LABELS, OP_SCHEMA

ONBEKEND = "onbekend"
BANDEN = (
    Band(ACHTER, OORDEEL_LABELS[ACHTER], "#b35806", "kruis"),
    Band(ENIGSZINS_ACHTER, OORDEEL_LABELS[ENIGSZINS_ACHTER], "#fee0b6", "stip", lijn="#6b3500"),
    Band(OP_SCHEMA, OORDEEL_LABELS[OP_SCHEMA], "#542788"),
    Band(ONBEKEND, "niet te berekenen", "#ffffff", "tegen", lijn="#8c8c8c"),
)


def _waarde(gemeente) -> KaartWaarde:
    stand = gemeente.stand
    href = reverse("huisvesting:gemeente_detail", args=[gemeente.code])
    if stand is None:
        return KaartWaarde(gemeente.naam, ONBEKEND, "niet te berekenen", href)
    label = stand.oordeel_label
    if stand.percentage is not None:
        label = f"{label}, {percentage(stand.percentage)} van het tempo"
    return KaartWaarde(gemeente.naam, stand.oordeel, label, href)


def statushouders_kaart(overzicht) -> Kaart:
    """Return the map of the province's gemeenten by their rating in the half year."""
    return kaart(
        {g.code: _waarde(g) for g in overzicht.gemeenten},
        BANDEN,
        titel=f"Kaart: oordeel statushouders {overzicht.halfjaar}, "
        f"provincie {overzicht.provincie_naam}",
        waarde_kop="Oordeel",
        provincie_code=overzicht.provincie_code,
    )
