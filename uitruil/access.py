"""Who may do what with uitruil agreements, on the one scope rule (gemeenten.scope).

The province's PRT records agreements and decides on them (akkoord, vervallen); its
cvdK and beheer read them, as the LRT does nationally; a gemeente user reads the
agreements its own gemeente is part of. Another province's agreement is a 404.
"""

from django.core.exceptions import PermissionDenied

from gemeenten.access import get_in_scope_or_404, get_provincie_for_user_or_404
from gemeenten.constants import Rol
from gemeenten.models import Provincie
from gemeenten.scope import user_scope

from .models import Uitruilafspraak


def may_decide(user, provincie):
    """Return whether the user records and decides on the province's agreements: its PRT."""
    return user.is_active and user.rol == Rol.PRT and user.provincie_id == provincie.pk


def get_provincie_or_404(user, code, *, for_edit=False):
    """Return the province whose agreements the user reads (its gemeente users too).

    for_edit: its PRT only (403 for the others who read it).
    """
    scope = user_scope(user)
    if scope.gemeente_id:
        provincie = get_in_scope_or_404(
            Provincie.objects.filter(pk=user.gemeente.provincie_id), user, code=code
        )
    else:
        provincie = get_provincie_for_user_or_404(user, code)
    if for_edit and not may_decide(user, provincie):
        raise PermissionDenied
    return provincie


def get_afspraak_or_404(user, pk, *, for_edit=False):
    afspraak = get_in_scope_or_404(
        Uitruilafspraak.objects.for_user(user).select_related(
            "provincie", "cyclus", "gemeente_a", "gemeente_b", "halfjaar_van", "halfjaar_tot"
        ),
        user,
        pk=pk,
    )
    if for_edit and not may_decide(user, afspraak.provincie):
        raise PermissionDenied
    return afspraak
