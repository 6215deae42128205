"""Who may do what in rapportage, and loading its objects for a user.

Built on the rules every task shares (gemeenten.access), so every refusal is a 404 that
is logged as access.refused (STYLE.md 4). Provinces are loaded through gemeenten.access,
cycles through opvang.access (get_cyclus_or_404).
"""

from gemeenten.access import get_in_scope_or_404
from gemeenten.constants import Rol

from .models import DocumentOpdracht, DocumentVersie


def may_vaststellen(user, provincie):
    """Return whether the user may vaststellen the province's verslag and plan: its cvdK."""
    return user.rol == Rol.CVDK and user.provincie_id == provincie.pk


def get_documentversie_for_user_or_404(user, pk):
    """Return an archived version of a province the user reads as a whole; else 404."""
    return get_in_scope_or_404(
        DocumentVersie.objects.for_user(user).select_related("provincie", "cyclus"),
        user,
        pk=pk,
    )


def get_documentopdracht_for_user_or_404(user, pk):
    """Return a document request of a province the user reads as a whole; else 404."""
    return get_in_scope_or_404(
        DocumentOpdracht.objects.for_user(user).select_related("provincie", "cyclus"),
        user,
        pk=pk,
    )
