"""Who may do what in huisvesting, on the rules every task shares (gemeenten.access).

A gemeente enters its own monthly counts and measures; PRT and cvdK of its province
read them and record IBT steps; beheer loads taakstellingen and start balances (the
management commands). Another gemeente's or province's page is a 404 (logged).
"""

from django.core.exceptions import PermissionDenied

from gemeenten.access import (
    get_gemeente_for_user_or_404,
    get_in_scope_or_404,
    get_provincie_for_user_or_404,
    may_edit_gemeente,
)

from .models import Maatregel


def may_enter(user, gemeente):
    """Return whether the user enters this gemeente's counts and measures: its own users."""
    return may_edit_gemeente(user, gemeente)


def may_add_ibt_step(user, gemeente):
    """Return whether the user records IBT steps for the gemeente: PRT/cvdK of its province.

    No separate IBT role: the province's supervisors are the same PRT and cvdK staff
    (docs/statushouders.md says why, and what such a role would need).
    """
    return user.is_provinciaal and user.provincie_id == gemeente.provincie_id


def get_gemeente_or_404(user, code, *, for_edit=False, for_ibt=False):
    """Return the gemeente in scope; for_edit: its own users only, for_ibt: PRT/cvdK (403)."""
    gemeente = get_gemeente_for_user_or_404(user, code, for_edit=for_edit)
    if for_ibt and not may_add_ibt_step(user, gemeente):
        raise PermissionDenied
    return gemeente


def get_provincie_or_404(user, code, *, for_settings=False):
    """Return the province the user reads as a whole; for_settings: PRT/cvdK only (403)."""
    provincie = get_provincie_for_user_or_404(user, code)
    if for_settings and not user.is_provinciaal:
        raise PermissionDenied
    return provincie


def get_maatregel_for_user_or_404(user, pk, *, for_edit=False):
    maatregel = get_in_scope_or_404(
        Maatregel.objects.for_user(user).select_related("gemeente__provincie"), user, pk=pk
    )
    if for_edit and not may_enter(user, maatregel.gemeente):
        raise PermissionDenied
    return maatregel
