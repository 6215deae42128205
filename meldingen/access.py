"""Who sees which notifications: one's own, and a province's readers those of an uitvraag.

Built on gemeenten.access and opvang.access, so every refusal of another's object is a
logged 404 (STYLE.md 4). A gemeente user never sees what was sent about an uitvraag:
it would show which other gemeenten had not submitted.
"""

from gemeenten.access import get_in_scope_or_404
from gemeenten.scope import provincie_scope_filter
from opvang.access import get_uitvraag_for_user_or_404
from opvang.models import Uitvraag

from .models import Melding


def get_melding_for_user_or_404(user, pk):
    """Return the user's own notification; anyone else's is a 404."""
    return get_in_scope_or_404(Melding.objects.for_user(user), user, pk=pk)


def get_uitvraag_for_reader_or_404(user, pk):
    """Return an uitvraag of a province the user reads as a whole (PRT, cvdK, beheer, LRT)."""
    qs = provincie_scope_filter(Uitvraag.objects.select_related("provincie", "cyclus"), user)
    return get_in_scope_or_404(qs, user, pk=pk)


def get_uitvraag_for_setting_or_404(user, pk):
    """Return an uitvraag whose reminders the user may set: its province's PRT or cvdK.

    Outside the scope a 404; a gemeente user of the province, or a reader, a 403.
    """
    return get_uitvraag_for_user_or_404(user, pk, for_review=True)
