"""Load objects for a user: one helper per model, 404 for what is out of scope.

Another gemeente's object is a 404, never a 403, so that its existence leaks nothing
(STYLE.md 4). Within scope, a user who may only read gets a 403 on writing pages.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie
from gemeenten.scope import may_read_provincie
from kern.security_log import security_log

from .models import Indiening, Locatie, Uitvraag


def may_edit_locaties(user, gemeente):
    """Return whether the user may register locations for this gemeente."""
    return user.is_gemeente and user.gemeente_id == gemeente.pk


def may_review(user):
    """Return whether the user may open uitvragen and review submissions (PRT, cvdK)."""
    return user.is_provinciaal


def may_see_ip_addresses(user):
    """Return whether the user may see officials' IP addresses in the history (beheer).

    An IP address is personal data (AVG); only beheer needs it, to investigate misuse.
    """
    return user.rol == Rol.BEHEER


def _get_or_404(queryset, user, **lookup):
    """Return the object in the user's scope; else 404, logged if it exists elsewhere.

    The check for an object outside the scope costs a query only on the 404 path.
    """
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        model = queryset.model
        if model._base_manager.filter(**lookup).exists():
            [value] = lookup.values()
            refused = f"{model._meta.label_lower}:{value}"
            security_log("access.refused", user=user, object=refused, result="refused")
        raise Http404(f"Geen {model._meta.verbose_name} gevonden.") from None


def get_gemeente_for_user_or_404(user, code, *, for_edit=False):
    gemeente = _get_or_404(
        Gemeente.objects.for_user(user).select_related("provincie", "regio"), user, code=code
    )
    if for_edit and not may_edit_locaties(user, gemeente):
        raise PermissionDenied
    return gemeente


def get_locatie_for_user_or_404(user, pk, *, for_edit=False):
    locatie = _get_or_404(
        Locatie.objects.for_user(user).select_related("gemeente__provincie"), user, pk=pk
    )
    if for_edit and not may_edit_locaties(user, locatie.gemeente):
        raise PermissionDenied
    return locatie


def get_uitvraag_for_user_or_404(user, pk, *, for_review=False):
    uitvraag = _get_or_404(
        Uitvraag.objects.for_user(user).select_related("provincie", "cyclus"), user, pk=pk
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return uitvraag


def get_indiening_for_user_or_404(user, pk, *, for_review=False):
    indiening = _get_or_404(
        Indiening.objects.for_user(user).select_related(
            "gemeente__provincie", "uitvraag__cyclus", "ingediend_door", "beoordeeld_door"
        ),
        user,
        pk=pk,
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return indiening


def get_provincie_for_user_or_404(user, code):
    """Return the province if the user reads it as a whole; else 404, never 403, so that
    a gemeente or another province learns nothing (STYLE.md 4)."""
    provincie = get_object_or_404(Provincie, code=code)
    if not may_read_provincie(user, provincie):
        security_log("access.refused", user=user, object=provincie, result="refused")
        raise Http404("Geen provincie gevonden.")
    return provincie
