"""The opvang app's models, one module per part; import them from here."""

from .cyclus import AUDIT_BASES, Cyclus, Opgave
from .locatie import Locatie
from .provincie import ProvincieOpgave
from .uitvraag import Indiening, Uitvraag, UitvraagImport
from .verdeelbesluit import Verdeelbesluit

__all__ = [
    "AUDIT_BASES",
    "Cyclus",
    "Indiening",
    "Locatie",
    "Opgave",
    "ProvincieOpgave",
    "Uitvraag",
    "UitvraagImport",
    "Verdeelbesluit",
]
