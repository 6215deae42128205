from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "Meldingen"

    def ready(self):
        from accounts.backends import register_user_annotatie
        from opvang import signals as opvang
        from rapportage import signals as rapportage

        from . import receivers
        from .context_processors import ONGELEZEN, ongelezen_aantal

        register_user_annotatie(ONGELEZEN, ongelezen_aantal)

        verbindingen = [
            (opvang.uitvraag_geopend, receivers.bij_uitvraag_geopend),
            (opvang.indiening_teruggestuurd, receivers.bij_indiening_beoordeeld),
            (opvang.indiening_geaccepteerd, receivers.bij_indiening_beoordeeld),
            (rapportage.document_vastgesteld, receivers.bij_document_vastgesteld),
        ]
        for signaal, receiver in verbindingen:
            signaal.connect(receiver, dispatch_uid=f"meldingen.{receiver.__name__}.{id(signaal)}")
