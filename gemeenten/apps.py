from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = "Gemeenten en gebruikers"

    def ready(self):
        from . import checks, signals  # noqa: F401 (registers checks and receivers)
        from .otp_throttle import create_cache_table

        post_migrate.connect(create_cache_table, sender=self)
