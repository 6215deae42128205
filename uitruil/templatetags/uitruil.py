"""{% uitruil_gemeente gemeente cyclus %}: a gemeente's figures after uitruil, on its pages.

The task apps' gemeente pages show the official figures; this tag adds, next to them,
the figures after the agreements akkoord door de PRT (nothing without one), so that no
task app imports uitruil.
"""

from django import template

from ..selectors import gemeente_na_uitruil

register = template.Library()


@register.inclusion_tag("uitruil/_gemeente.html")
def uitruil_gemeente(gemeente, cyclus=None, taak="opvang"):
    """taak: "opvang" shows the asylum opgave first, "statushouders" the taakstelling."""
    return {"gemeente": gemeente, "na": gemeente_na_uitruil(gemeente, cyclus), "taak": taak}
