from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportage"

    def ready(self):
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        from gemeenten.models import Gemeente
        from huisvesting.models import (
            Halfjaar,
            IbtStap,
            Instelling,
            LandelijkeTaakstelling,
            Maatregel,
            Realisatie,
            Startsaldo,
            Taakstelling,
        )
        from kern.dataversie import register_dataversie_bron
        from ontheemden.models import Bezetting, GooLocatie, ParticuliereOpvang, Streefgetal
        from opvang.models import Cyclus, Indiening, Locatie, Opgave, Uitvraag

        # The tracked models the report counts (rapportage.cache keys on their version),
        # the plan parts' too: the JSON export carries their figures (delen_als_json).
        # A gemeente row of the report reads only its own gemeente's rows of these (and
        # the province-wide ones): it is kept per gemeente version (rapportage.rijcache).
        register_dataversie_bron(Gemeente, "provincie", gemeente_path="id")
        register_dataversie_bron(Cyclus)
        register_dataversie_bron(Opgave, "gemeente__provincie", gemeente_path="gemeente")
        register_dataversie_bron(Locatie, "gemeente__provincie", gemeente_path="gemeente")
        register_dataversie_bron(Uitvraag, "provincie")
        register_dataversie_bron(Indiening, "gemeente__provincie", gemeente_path="gemeente")
        register_dataversie_bron(GooLocatie, "gemeente__provincie")
        register_dataversie_bron(Bezetting, "locatie__gemeente__provincie")
        register_dataversie_bron(ParticuliereOpvang, "gemeente__provincie")
        # A streefgetal is a gemeente's or a regio's: any version counts for every province.
        register_dataversie_bron(Streefgetal)
        register_dataversie_bron(Halfjaar)
        register_dataversie_bron(LandelijkeTaakstelling)
        register_dataversie_bron(Instelling, "provincie")
        for model in (IbtStap, Maatregel, Realisatie, Startsaldo, Taakstelling):
            register_dataversie_bron(model, "gemeente__provincie")

        # django-tasks-db's admin would list every province's tasks to anyone with the
        # admin's view right, outside the scope walk (tests/test_admin_access.py); the
        # state of a document is on its own page (rapportage:document_opdracht).
        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)
