"""Django's model backend, loading the user with the gemeente and provincie every page names.

Every signed-in page shows the user's scope in its header (User.scope_label) and checks
it; loading both with the user saves a query on every request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserScopeBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()  # noqa: N806 (a class)
        try:
            user = User._default_manager.select_related("gemeente", "provincie").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
