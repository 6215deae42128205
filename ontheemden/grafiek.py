"""Chart coordinates of capacity and occupancy over time: a pure function of Maandpunt.

templates/ontheemden/_grafiek.html draws them as inline SVG (page and PDF alike); the
template only places what it is given. Coordinates are in the SVG's own units.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from kern.formatting import short_month

BREEDTE = 720
HOOGTE = 300
LINKS = 64
RECHTS = 24
BOVEN = 20
ONDER = 40
STAPPEN = (1, 2, 2.5, 5)


@dataclass(frozen=True)
class Punt:
    label: str
    datum: date
    capaciteit: int
    bezetting: int | None


@dataclass(frozen=True)
class Grafiek:
    titel: str
    punten: tuple[Punt, ...]
    capaciteit_lijn: str
    bezetting_lijn: str
    y_labels: tuple[tuple[float, int], ...]
    x_labels: tuple[tuple[float, str], ...]
    streefgetal: int | None
    streefgetal_y: float | None
    peildatum: date
    peildatum_x: float
    breedte: int = BREEDTE
    hoogte: int = HOOGTE
    x0: int = LINKS
    x_eind: int = BREEDTE - RECHTS
    as_y: int = HOOGTE - ONDER

    @property
    def x_label_y(self):
        return self.as_y + 18

    @property
    def y_label_x(self):
        return self.x0 - 6


def _stap(hoogste):
    """Return a round step that divides 0..hoogste into at most 6 parts."""
    ruw = max(hoogste, 1) / 6
    macht = 10 ** math.floor(math.log10(ruw))
    for s in STAPPEN:
        if s * macht >= ruw:
            return s * macht
    return 10 * macht


def grafiek(punten, *, titel, peildatum, streefgetal=None) -> Grafiek:
    """Return the coordinates of the capacity and occupancy lines (punten: Maandpunt)."""
    hoogste = max([p.capaciteit for p in punten] + [streefgetal or 0, 1])
    stap = _stap(hoogste)
    top = math.ceil(hoogste / stap) * stap
    hoogte = HOOGTE - ONDER - BOVEN

    def y(v):
        return round(HOOGTE - ONDER - v / top * hoogte, 1)

    per = (BREEDTE - RECHTS - LINKS) / max(len(punten) - 1, 1)

    def x(i):
        return round(LINKS + i * per, 1)

    return Grafiek(
        titel=titel,
        punten=tuple(
            Punt(short_month(p.datum), p.datum, p.capaciteit, p.bezetting) for p in punten
        ),
        capaciteit_lijn=_lijn(punten, "capaciteit", x, y),
        bezetting_lijn=_lijn(punten, "bezetting", x, y),
        y_labels=tuple((y(v), int(v)) for v in _range(0, top, stap)),
        x_labels=tuple((x(i), short_month(p.datum)) for i, p in enumerate(punten) if i % 3 == 0),
        streefgetal=streefgetal,
        streefgetal_y=y(streefgetal) if streefgetal is not None else None,
        peildatum=peildatum,
        peildatum_x=_peildatum_x(punten, peildatum),
    )


def _lijn(punten, veld, x, y):
    """Return the SVG points of one figure over the months (months without it left out)."""
    return " ".join(
        f"{x(i)},{y(getattr(p, veld))}"
        for i, p in enumerate(punten)
        if getattr(p, veld) is not None
    )


def _peildatum_x(punten, peildatum):
    dagen = max((punten[-1].datum - punten[0].datum).days, 1) if punten else 1
    px = LINKS + (peildatum - punten[0].datum).days / dagen * (BREEDTE - RECHTS - LINKS)
    return round(min(max(px, LINKS), BREEDTE - RECHTS), 1)


def _range(start, stop, stap):
    waarde = start
    while waarde <= stop + 1e-9:
        yield waarde
        waarde += stap
