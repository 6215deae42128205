"""Who works with scenarios: the PRT and the cvdK of the province, nobody else.

A scenario is the province's own working material (issue 17: "private to the
province"): its gemeenten, other provinces, the LRT and beheer do not see it. As
elsewhere a refusal is a 404, logged as access.refused (gemeenten.access), so that
what exists leaks nothing.
"""

from gemeenten.access import get_in_scope_or_404
from gemeenten.constants import Rol
from gemeenten.models import Provincie

from .models import Scenario

ROLLEN = (Rol.PRT, Rol.CVDK)


def may_use_scenarios(user, provincie):
    """Return whether the user reads and writes the province's scenarios."""
    return user.rol in ROLLEN and user.provincie_id == provincie.pk


def _eigen(queryset, user, veld):
    if user.rol not in ROLLEN or user.provincie_id is None:
        return queryset.none()
    return queryset.filter(**{veld: user.provincie_id})


def get_provincie_or_404(user, code):
    """Return the user's own province if they work with its scenarios; else 404."""
    return get_in_scope_or_404(_eigen(Provincie.objects.all(), user, "pk"), user, code=code)


def get_scenario_or_404(user, pk):
    """Return a scenario of the user's province if they work with scenarios; else 404."""
    qs = Scenario.objects.select_related("provincie", "cyclus", "aangemaakt_door")
    return get_in_scope_or_404(_eigen(qs, user, "provincie_id"), user, pk=pk)
