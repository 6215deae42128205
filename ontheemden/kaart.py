"""The GOO map: each gemeente of the province by its shortfall against the streefgetal.

Drawn by gemeenten.kaart like the dekking map. A gemeente without a streefgetal (of
its own or of its regio) has no shortfall to show: "geen streefgetal", not zero.
"""

from __future__ import annotations

from django.urls import reverse

from gemeenten.kaart import Band, Kaart, KaartWaarde, kaart
from kern.formatting import count

TEKORT = "tekort"
NA_EINDDATA = "na-einddata"
GEEN_TEKORT = "geen-tekort"
GEEN_STREEFGETAL = "geen-streefgetal"
BANDEN = (
    Band(TEKORT, "tekort nu", "#b35806", "kruis"),
    Band(NA_EINDDATA, "tekort binnen 6 maanden (einddata)", "#fee0b6", "stip", lijn="#6b3500"),
    Band(GEEN_TEKORT, "geen tekort", "#542788"),
    Band(GEEN_STREEFGETAL, "geen streefgetal", "#ffffff", "tegen", lijn="#8c8c8c"),
)


def _band_en_label(vergelijking) -> tuple[str, str]:
    if vergelijking.streefgetal is None:
        return GEEN_STREEFGETAL, "geen streefgetal"
    if vergelijking.tekort_nu:
        return TEKORT, f"tekort van {count(vergelijking.tekort_nu, 'plek', 'plekken')}"
    if vergelijking.tekort_na_6:
        plekken = count(vergelijking.tekort_na_6, "plek", "plekken")
        return NA_EINDDATA, f"tekort van {plekken} binnen 6 maanden"
    return GEEN_TEKORT, "geen tekort"


def goo_kaart(overzicht) -> Kaart:
    """Return the map of the province's gemeenten by their GOO shortfall."""
    waarden = {
        g.code: KaartWaarde(
            g.naam,
            *_band_en_label(g.vergelijking),
            href=reverse("ontheemden:gemeente_detail", args=[g.code]),
        )
        for g in overzicht.gemeenten
    }
    return kaart(
        waarden,
        BANDEN,
        titel=f"Kaart: tekort aan GOO-plekken per gemeente, provincie {overzicht.provincie_naam}",
        waarde_kop="Tekort",
        provincie_code=overzicht.provincie_code,
    )
