from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = "Gemeenten en gebruikers"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
