"""The opvang app's models, one module per part; import them from here."""

from .cyclus import AUDIT_BASES, Cyclus, Opgave
from .locatie import Locatie
from .uitvraag import Indiening, Uitvraag, UitvraagImport

__all__ = [
    "AUDIT_BASES",
    "Cyclus",
    "Indiening",
    "Locatie",
    "Opgave",
    "Uitvraag",
    "UitvraagImport",
]
