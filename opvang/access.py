"""Load objects for a user: one helper per model, 404 for what is out of scope.

Another gemeente's object is a 404, never a 403, so that its existence leaks nothing
(STYLE.md 4). Within scope, a user who may only read gets a 403 on writing pages.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gemeenten.models import Gemeente

from .models import Indiening, Locatie, Uitvraag


def may_edit_locaties(user, gemeente):
    """Return whether the user may register locations for this gemeente."""
    return user.is_gemeente and user.gemeente_id == gemeente.pk


def may_review(user):
    """Return whether the user may open uitvragen and review submissions (PRT, cvdK)."""
    return user.is_provinciaal


def get_gemeente_for_user_or_404(user, code, *, for_edit=False):
    gemeente = get_object_or_404(
        Gemeente.objects.for_user(user).select_related("provincie", "regio"), code=code
    )
    if for_edit and not may_edit_locaties(user, gemeente):
        raise PermissionDenied
    return gemeente


def get_locatie_for_user_or_404(user, pk, *, for_edit=False):
    locatie = get_object_or_404(
        Locatie.objects.for_user(user).select_related("gemeente__provincie"), pk=pk
    )
    if for_edit and not may_edit_locaties(user, locatie.gemeente):
        raise PermissionDenied
    return locatie


def get_uitvraag_for_user_or_404(user, pk, *, for_review=False):
    uitvraag = get_object_or_404(
        Uitvraag.objects.for_user(user).select_related("provincie", "cyclus"), pk=pk
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return uitvraag


def get_indiening_for_user_or_404(user, pk, *, for_review=False):
    indiening = get_object_or_404(
        Indiening.objects.for_user(user).select_related(
            "gemeente__provincie", "uitvraag__cyclus", "ingediend_door", "beoordeeld_door"
        ),
        pk=pk,
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return indiening
