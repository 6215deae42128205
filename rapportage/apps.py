from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportage"

    def ready(self):
        from gemeenten.models import Gemeente
        from kern.dataversie import register_dataversie_bron
        from opvang.models import Cyclus, Indiening, Locatie, Opgave, Uitvraag

        # The tracked models the report counts (rapportage.cache keys on their version).
        # A task app whose plan part brings figures registers its own in its ready().
        register_dataversie_bron(Gemeente, "provincie")
        register_dataversie_bron(Cyclus)
        register_dataversie_bron(Opgave, "gemeente__provincie")
        register_dataversie_bron(Locatie, "gemeente__provincie")
        register_dataversie_bron(Uitvraag, "provincie")
        register_dataversie_bron(Indiening, "gemeente__provincie")
