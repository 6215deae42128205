"""Django's model backend, loading the user with the gemeente and provincie every page names.

Every signed-in page shows the user's scope in its header (User.scope_label) and checks
it; loading both with the user saves a query on every request. An app above may add
a figure of the user's own that every page shows (meldingen: the unread count) to the
same query with register_user_annotatie, called from its AppConfig.ready().
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

_ANNOTATIES = {}


def register_user_annotatie(naam, maak):
    """Load every signed-in user with attribute naam, the expression maak() returns.

    maak: a function returning a query expression over the user (OuterRef("pk")),
    called when the user is loaded, so the app's models need not be ready at import.
    """
    _ANNOTATIES[naam] = maak


class UserScopeBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()  # noqa: N806 (a class)
        users = User._default_manager.select_related("gemeente", "provincie")
        if _ANNOTATIES:
            users = users.annotate(**{naam: maak() for naam, maak in _ANNOTATIES.items()})
        try:
            user = users.get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
