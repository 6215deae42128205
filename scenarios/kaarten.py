"""The two maps of a scenario: reality and the scenario, drawn with the dashboard's bands.

Made here from the two reports, never through the report cache (rapportage.kaart's
bewaarde_* functions key on the official report): each map has its own id prefix, so
both fit on one page.
"""

from dataclasses import replace

from gemeenten.kaart import kaart
from rapportage import kaart as dekking


def kaarten(v, *, interactief=True):
    """Return the maps of reality and of the scenario, each with its own id prefix.

    Only reality's gemeenten link to their page: the scenario's figures are not there.
    The legends' swatches get the map's prefix too, so no id is on the page twice.
    """
    return tuple(
        replace(
            kaart(
                dekking.waarden(rapport, links=interactief and links),
                dekking.DEKKING_BANDEN,
                waarde_kop="Minimale dekking",
                titel=f"{dekking.TITEL}, {wat}, provincie {rapport.provincie_naam}",
                provincie_code=rapport.provincie_code,
                interactief=interactief,
                prefix=prefix,
            ),
            staal_prefix=f"{prefix}-staal",
        )
        for rapport, wat, prefix, links in (
            (v.werkelijk, "nu", "kaart-nu", True),
            (v.in_scenario, "in het scenario", "kaart-scenario", False),
        )
    )
