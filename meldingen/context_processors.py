from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject

from .models import Melding

# The attribute the signed-in user is loaded with (accounts.backends, registered in
# MeldingenConfig.ready): the unread count read in the user's own query, so a page
# spends no query of its own on the header's count, and the count is never stale.
ONGELEZEN = "meldingen_ongelezen_aantal"


def ongelezen_aantal():
    """Return the expression of the user's unread count, for the user's query."""
    ongelezen = (
        Melding.objects.filter(ontvanger=OuterRef("pk"), gelezen_op__isnull=True)
        .order_by()
        .values("ontvanger")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ongelezen), 0)


def meldingen(request):
    """Give every page the user's unread count: loaded with the user, else counted lazily."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    aantal = getattr(user, ONGELEZEN, None)
    if aantal is not None:
        return {"meldingen_ongelezen": aantal}
    return {
        "meldingen_ongelezen": SimpleLazyObject(
            lambda: Melding.objects.for_user(user).ongelezen().count()
        )
    }
