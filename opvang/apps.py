from django.apps import AppConfig


class OpvangConfig(AppConfig):
    name = "opvang"
    verbose_name = "Opvang"

    def ready(self):
        from . import signals  # noqa: F401
