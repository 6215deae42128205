"""What uitruil agreements do to the figures: one pure function of plain values.

An agreement moves `asiel_plekken` of the asylum opgave from gemeente B to gemeente A
and `statushouders` persons of the taakstelling from A to B, in each of its half years.
Every move adds to one gemeente what it takes from the other, so the sum over the
province's gemeenten is the same before and after uitruil, by construction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Ruil:
    """One agreement as plain values: gemeenten as ids, half years as codes."""

    gemeente_a: int
    gemeente_b: int
    asiel_plekken: int = 0
    statushouders: int = 0
    halfjaren: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verschuiving:
    """The net change per gemeente: opgave {gemeente: Δ}, taak {(gemeente, halfjaar): Δ}."""

    opgave: dict
    taak: dict


def verschuiving(ruilen) -> Verschuiving:
    opgave, taak = defaultdict(int), defaultdict(int)
    for r in ruilen:
        opgave[r.gemeente_a] += r.asiel_plekken
        opgave[r.gemeente_b] -= r.asiel_plekken
        for code in r.halfjaren:
            taak[r.gemeente_b, code] += r.statushouders
            taak[r.gemeente_a, code] -= r.statushouders
    return Verschuiving(dict(opgave), dict(taak))


@dataclass(frozen=True)
class Cijfer:
    """A figure before and after uitruil (None: no official figure)."""

    voor: int | None
    na: int | None

    @property
    def verschil(self):
        if self.voor is None or self.na is None:
            return None
        return self.na - self.voor

    @property
    def gewijzigd(self):
        return self.voor != self.na


def na_uitruil(voor, delta):
    """Return the figure after uitruil; without an official figure there is none."""
    if voor is None:
        return delta or None
    return voor + delta


def cijfer(voor, delta):
    return Cijfer(voor, na_uitruil(voor, delta))


def optellen(cijfers):
    """Return the total of Cijfers before and after (unknown figures count as 0)."""
    cijfers = list(cijfers)
    return Cijfer(sum(c.voor or 0 for c in cijfers), sum(c.na or 0 for c in cijfers))
