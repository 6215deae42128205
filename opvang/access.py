"""Who may do what in opvang, and loading objects for a user: one helper per model.

Every `may_*` rule and every `get_<model>_for_user_or_404` of the app lives here, built
on the rules every task shares (gemeenten.access: the gemeente, the province, the
scope); views only call them. Another gemeente's or province's object is a 404, never a
403, so that its existence leaks nothing, and the refusal is logged (STYLE.md 4).
Within scope, a user who may only read gets a 403 on writing pages.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gemeenten.access import get_gemeente_for_user_or_404, get_in_scope_or_404, may_edit_gemeente

from .models import Cyclus, Indiening, Locatie, Uitvraag, UitvraagImport


def may_edit_locaties(user, gemeente):
    """Return whether the user may register locations for this gemeente."""
    return may_edit_gemeente(user, gemeente)


def may_review(user):
    """Return whether the user may open uitvragen and review submissions (PRT, cvdK)."""
    return user.is_provinciaal


def get_cyclus_or_404(nummer):
    """Return the cycle with this number: every logged-in user sees every cycle."""
    try:
        return Cyclus.objects.get(nummer=nummer)
    except Cyclus.DoesNotExist:
        raise Http404("Geen cyclus gevonden.") from None


def get_locatie_for_user_or_404(user, pk, *, for_edit=False):
    locatie = get_in_scope_or_404(
        Locatie.objects.for_user(user).select_related("gemeente__provincie"), user, pk=pk
    )
    if for_edit and not may_edit_locaties(user, locatie.gemeente):
        raise PermissionDenied
    return locatie


def get_uitvraag_for_user_or_404(user, pk, *, for_review=False):
    uitvraag = get_in_scope_or_404(
        Uitvraag.objects.for_user(user).select_related("provincie", "cyclus"), user, pk=pk
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return uitvraag


def get_indiening_for_user_or_404(user, pk, *, for_review=False):
    indiening = get_in_scope_or_404(
        Indiening.objects.for_user(user).select_related(
            "gemeente__provincie", "uitvraag__cyclus", "ingediend_door", "beoordeeld_door"
        ),
        user,
        pk=pk,
    )
    if for_review and not may_review(user):
        raise PermissionDenied
    return indiening


def get_uitvraagimport_for_user_or_404(user, pk):
    """Return one of the user's own imports in their scope (UitvraagImport.for_user).

    Another user's import is a 404, logged as a refusal; the caller checks what the page
    needs beyond that (which gemeente or province, whether it awaits confirmation).
    """
    if not str(pk).isdigit():
        raise Http404("Geen import gevonden.")
    return get_in_scope_or_404(
        UitvraagImport.objects.for_user(user).select_related("cyclus", "gemeente", "provincie"),
        user,
        pk=pk,
    )


def get_uitvraagimport_to_confirm_or_404(user, pk):
    """Return the user's own import awaiting confirmation, still theirs to write; else 404.

    A gemeente's import needs the right to edit that gemeente's locations still (403 for
    a reader, as on the gemeente's pages); a province's import the scope of
    get_uitvraagimport_for_user_or_404.
    """
    record = get_uitvraagimport_for_user_or_404(user, pk)
    if record.status != UitvraagImport.Status.PREVIEW:
        raise Http404("Geen import gevonden.")
    if record.gemeente_id:
        get_gemeente_for_user_or_404(user, record.gemeente.code, for_edit=True)
    return record
