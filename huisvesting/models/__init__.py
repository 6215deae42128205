"""The huisvesting app's models, one module per part; import them from here."""

from .ibt import IbtStap, IbtStapIsVastgelegd
from .realisatie import Maatregel, Realisatie
from .referentie import Halfjaar, Instelling, LandelijkeTaakstelling, Startsaldo, Taakstelling

__all__ = [
    "Halfjaar",
    "IbtStap",
    "IbtStapIsVastgelegd",
    "Instelling",
    "LandelijkeTaakstelling",
    "Maatregel",
    "Realisatie",
    "Startsaldo",
    "Taakstelling",
]
