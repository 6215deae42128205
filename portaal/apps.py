from django.apps import AppConfig


class PortaalConfig(AppConfig):
    """The top floor: the home page and the demo data (`manage.py demo`)."""

    name = "portaal"
    verbose_name = "Portaal"
