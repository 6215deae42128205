"""The workbook format of the uitvraag: sheet names, columns and their headers.

Headers are found by their text, tolerant of case and surrounding or doubled spaces;
the order of columns is free and extra columns are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from kern.formatting import whole_number
from kern.text import comparable

from ..velden import GETAL, LOCATIE_VELDEN, TEKST

BLAD_UITLEG = "Uitleg"
BLAD_LOCATIES = "Locaties"
BLAD_OPGAVE = "Opgave"

# Headers are looked for in the first columns only, so that a row claiming 16.384
# columns cannot make every row that wide.
MAX_KOLOMMEN = 40


@dataclass(frozen=True)
class Kolom:
    kop: str
    veld: str
    type: str  # how its cells are read and written (opvang.velden)
    breedte: int
    verplicht: bool = True  # the column must be present (its cells may still be empty)
    keuzes: tuple = ()  # (value, label) pairs of a choice column


GEMEENTE_KOLOMMEN = (
    Kolom("Gemeentecode", "gemeentecode", TEKST, 14),
    Kolom("Gemeente", "gemeente", TEKST, 22, verplicht=False),
)
# The location's fields as opvang.velden describes them, after the gemeente.
LOCATIE_KOLOMMEN = (
    *GEMEENTE_KOLOMMEN,
    *(Kolom(v.label, v.naam, v.type, v.breedte, keuzes=v.keuzes) for v in LOCATIE_VELDEN),
)

OPGAVE_KOLOMMEN = (
    *GEMEENTE_KOLOMMEN,
    Kolom("Opgave", "plekken", GETAL, 12),
    Kolom("Waarvan AMV", "amv_plekken", GETAL, 14),
)


def normalize(tekst):
    """Return text compared the way users expect: cleaned as stored (kern.text), any case."""
    return comparable(tekst)


def getal(n):
    """Return n with the Dutch thousands separator: 5.000."""
    return whole_number(n)


def kop_van(kolommen, veld):
    return next((k.kop for k in kolommen if k.veld == veld), "")


@dataclass(frozen=True)
class Fout:
    """One problem in an uploaded file, as shown to the user and in the error list."""

    blad: str
    rij: int | None
    kolom: str
    waarde: str
    melding: str

    def als_dict(self):
        return {
            "blad": self.blad,
            "rij": self.rij,
            "kolom": self.kolom,
            "waarde": self.waarde,
            "melding": self.melding,
        }


class BestandGeweigerd(Exception):
    """The file is refused as a whole; `fouten` says why, `reden` is for the security log."""

    def __init__(self, fouten, reden="invalid"):
        super().__init__(fouten[0].melding if fouten else "Bestand geweigerd")
        self.fouten = list(fouten)
        self.reden = reden


def refuse(melding, reden, blad="", rij=None, kolom="", waarde=""):
    raise BestandGeweigerd([Fout(blad, rij, kolom, waarde, melding)], reden)
