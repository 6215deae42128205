from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    """Login, two factors, sessions, roles and rights; the models live in gemeenten."""

    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401 (registers the receivers)
        from .beheer_nl import namen_toepassen
        from .otp_throttle import create_cache_table
        from .rollen import beheer_groep_inrichten

        namen_toepassen()
        post_migrate.connect(create_cache_table, sender=self)
        # Not limited to one sender: each app's permissions exist only after its own
        # post_migrate, so the group gets every right by the last app's.
        post_migrate.connect(beheer_groep_inrichten, dispatch_uid="beheer_groep_inrichten")
