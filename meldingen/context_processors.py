from django.utils.functional import SimpleLazyObject

from .models import Melding


def meldingen(request):
    """Give every page the user's unread count, counted only when a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "meldingen_ongelezen": SimpleLazyObject(
            lambda: Melding.objects.for_user(user).ongelezen().count()
        )
    }
