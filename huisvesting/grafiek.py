"""The cumulative chart: realised persons month by month against the pace line.

A pure function over a Stand: it only turns the figures into SVG coordinates; the
template (templates/huisvesting/_grafiek.html) places them. The pace line rises by 1/6
of the gecorrigeerde taakstelling per month, from 0 at the start of the half year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kern.formatting import short_month

from .saldo import MAANDEN_PER_HALFJAAR, Stand

BREEDTE, HOOGTE = 560, 220
LINKS, RECHTS, BOVEN, ONDER = 56, 16, 16, 36


@dataclass(frozen=True)
class Punt:
    label: str
    x: float
    y: float
    cumulatief: int
    tempo: float


@dataclass(frozen=True)
class CumulatiefGrafiek:
    titel: str
    punten: tuple[Punt, ...]
    tempo_lijn: str
    lijn: str
    y_labels: tuple[tuple[float, int], ...]
    x_labels: tuple[tuple[float, str], ...]
    as_y: float
    x0: float = LINKS
    x_eind: float = BREEDTE - RECHTS
    breedte: int = BREEDTE
    hoogte: int = HOOGTE


def _schaal(hoogste):
    """Return (top, step) of the y axis: a step of 1, 2 or 5 × 10ⁿ, at most six steps."""
    hoogste = max(hoogste, 1)
    macht = 1
    while True:
        for factor in (1, 2, 5):
            stap = factor * macht
            if -(-hoogste // stap) <= 6:
                return -(-hoogste // stap) * stap, stap
        macht *= 10


def cumulatief_grafiek(titel, stand: Stand, begin: date) -> CumulatiefGrafiek:
    """Return the chart of stand: the months passed as a line, the pace as a dashed line."""
    doel = max(stand.gecorrigeerd, 0)
    totaal = 0
    cumulatief = []
    for n in stand.per_maand[: max(stand.verstreken_maanden, 1)]:
        totaal += n or 0
        cumulatief.append(totaal)
    top, stap = _schaal(max([doel, *cumulatief]))
    hoogte = HOOGTE - BOVEN - ONDER
    dx = (BREEDTE - LINKS - RECHTS) / MAANDEN_PER_HALFJAAR

    def y(waarde):
        return round(BOVEN + hoogte - waarde / top * hoogte, 1)

    maanden = [date(begin.year, begin.month + i, 1) for i in range(MAANDEN_PER_HALFJAAR)]
    punten = tuple(
        Punt(short_month(maanden[i]), round(LINKS + (i + 1) * dx, 1), y(c), c,
             round(doel * (i + 1) / MAANDEN_PER_HALFJAAR, 1))
        for i, c in enumerate(cumulatief)
    )  # fmt: skip
    lijn = " ".join([f"{LINKS},{y(0)}", *(f"{p.x},{p.y}" for p in punten)])
    return CumulatiefGrafiek(
        titel=titel,
        punten=punten,
        tempo_lijn=f"{LINKS},{y(0)} {BREEDTE - RECHTS},{y(doel)}",
        lijn=lijn,
        y_labels=tuple((y(v), v) for v in range(0, top + 1, stap)),
        x_labels=tuple(
            (round(LINKS + (i + 0.5) * dx, 1), short_month(m)) for i, m in enumerate(maanden)
        ),
        as_y=y(0),
    )
