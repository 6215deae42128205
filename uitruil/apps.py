from django.apps import AppConfig


class UitruilConfig(AppConfig):
    name = "uitruil"
    verbose_name = "Uitruil"

    def ready(self):
        from kern.dataversie import register_dataversie_bron

        from .models import Uitruilafspraak

        # The verslag and the plan list the agreements: a change is a new data version.
        register_dataversie_bron(Uitruilafspraak, "provincie")
