"""Receivers of the lower apps' signals, connected in MeldingenConfig.ready().

opvang and rapportage know nothing of notifications: they send a signal of their own
after their transaction committed, and these receivers make the notifications.
"""

from . import services


def bij_uitvraag_geopend(sender, uitvraag, **kwargs):
    services.uitvraag_geopend_melden(uitvraag)


def bij_indiening_beoordeeld(sender, indiening, **kwargs):
    services.beoordeling_melden(indiening)


def bij_document_vastgesteld(sender, documentversie, **kwargs):
    services.vaststelling_melden(documentversie)
