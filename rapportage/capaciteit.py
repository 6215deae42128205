"""The capacity history: the places in use on the first of every month (the dashboard's
chart, the verslag's table), counted with opvang's rule of huidige capaciteit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opvang.telregels import is_in_gebruik_op

# The capacity history shows at most the last 30 years, whatever the dates: a chart, its
# table and the PDF stay small (a location from the year 1 once made 24.000 points).
MAX_MAANDEN = 360


@dataclass(frozen=True)
class Maandstand:
    """The places in use on the first day of a month (the capacity history)."""

    datum: date
    plekken: int


def maanden(van: date, tot: date) -> list[date]:
    """Return the first day of every month from van's month up to and including tot's."""
    n = (tot.year - van.year) * 12 + tot.month - van.month
    return [
        date(van.year + (van.month - 1 + i) // 12, (van.month - 1 + i) % 12 + 1, 1)
        for i in range(n + 1)
    ]


def _maanden_terug(d: date, n: int) -> date:
    """Return the first day of the month n months before d's month."""
    index = d.year * 12 + d.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def capaciteit_per_maand(rijen, venster, peildatum, *, vandaag) -> tuple[Maandstand, ...]:
    """Return the places in use on the first of every month, from the first location in use.

    Counted with the rule of huidige capaciteit (opvang.telregels.is_in_gebruik_op)
    over the rows' locations; it runs to the end of the counting window, or to the
    peildatum when that is later, or to this month while the window is unknown. It
    starts at the first location in use, but at most MAX_MAANDEN months before its end.
    """
    return capaciteit_uit_waarden(
        [loc.waarden for rij in rijen for loc in rij.locaties], venster, peildatum, vandaag=vandaag
    )


def capaciteit_uit_waarden(waarden, venster, peildatum, *, vandaag):
    locaties = [w for w in waarden if w.vanaf is not None and is_in_gebruik_op(w, w.vanaf)]
    if not locaties:
        return ()
    eind = max(venster.tot if venster.is_bekend else vandaag, peildatum)
    begin = max(min(w.vanaf for w in locaties), _maanden_terug(eind, MAX_MAANDEN - 1))
    dagen = maanden(begin, eind)
    return tuple(
        Maandstand(d, p) for d, p in zip(dagen, _lopende_som(locaties, dagen), strict=True)
    )


def _maand_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _lopende_som(locaties, dagen):
    """Return the places in use on each first of a month in dagen, as a running sum.

    The same rule as is_in_gebruik_op for locations in use from their vanaf: a location
    counts on the firsts from its vanaf up to its tot. Each adds its places where it
    starts and takes them off after its last month, so the cost is one pass over the
    locations plus one over the months (not their product).
    """
    eerste = _maand_index(dagen[0])
    delta = [0] * (len(dagen) + 1)
    for w in locaties:
        start = _maand_index(w.vanaf) + (w.vanaf.day != 1) - eerste
        stop = len(dagen) if w.tot is None else _maand_index(w.tot) + 1 - eerste
        start, stop = max(start, 0), min(stop, len(dagen))
        if start < stop:
            delta[start] += w.plekken
            delta[stop] -= w.plekken
    stand, result = 0, []
    for verschil in delta[:-1]:
        stand += verschil
        result.append(stand)
    return result
