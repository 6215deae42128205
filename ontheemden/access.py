"""Who may do what in ontheemden, and loading its objects for a user.

Built on the rules every task shares (gemeenten.access). A gemeente enters and updates
its own GOO locations, bezetting and particuliere opvang; PRT, cvdK and beheer of the
province read them and set the streefgetallen. Another gemeente's or province's object
is a 404 (logged), a reader's write a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gemeenten.access import get_in_scope_or_404, may_edit_gemeente, may_read_provincie
from gemeenten.constants import Rol

from .models import GooLocatie


def may_edit_goo(user, gemeente):
    """Return whether the user enters this gemeente's GOO figures: its own users."""
    return may_edit_gemeente(user, gemeente)


def may_set_streefgetal(user, provincie):
    """Return whether the user sets streefgetallen in the province: PRT, cvdK, beheer."""
    return (user.is_provinciaal or user.rol == Rol.BEHEER) and may_read_provincie(user, provincie)


def get_goo_locatie_for_user_or_404(user, pk, *, for_edit=False):
    if not str(pk).isdigit():
        raise Http404("Geen GOO-locatie gevonden.")
    locatie = get_in_scope_or_404(
        GooLocatie.objects.for_user(user).select_related("gemeente__provincie"), user, pk=pk
    )
    if for_edit and not may_edit_goo(user, locatie.gemeente):
        raise PermissionDenied
    return locatie
