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
    """Return the capacity history of the locations' values (capaciteit_per_maand)."""
    return capaciteit_uit_delen([maand_delta(waarden)], venster, peildatum, vandaag=vandaag)


def _maand_index(d: date) -> int:
    return d.year * 12 + d.month - 1


@dataclass(frozen=True)
class MaandDelta:
    """Some locations' part of the capacity history, small enough to keep per gemeente.

    eerste: the earliest vanaf of a location in use (None: none in use); delta: per
    month (its index, year * 12 + month - 1) the places that start counting on its
    first day minus those that stop. A location counts on the firsts from its vanaf up
    to its tot (the rule of is_in_gebruik_op for a location in use from its vanaf), so
    it adds its places in its first counted month and takes them off after its last.
    """

    eerste: date | None
    delta: dict[int, int]


def maand_delta(waarden) -> MaandDelta:
    """Return the MaandDelta of the locations' values, in one pass."""
    delta, eerste = {}, None
    for w in waarden:
        if w.vanaf is None or not is_in_gebruik_op(w, w.vanaf):
            continue
        eerste = w.vanaf if eerste is None else min(eerste, w.vanaf)
        start = _maand_index(w.vanaf) + (w.vanaf.day != 1)
        delta[start] = delta.get(start, 0) + w.plekken
        if w.tot is not None:
            stop = _maand_index(w.tot) + 1
            delta[stop] = delta.get(stop, 0) - w.plekken
    return MaandDelta(eerste, delta)


def capaciteit_uit_delen(delen, venster, peildatum, *, vandaag) -> tuple[Maandstand, ...]:
    """Return the capacity history of the sum of some MaandDelta (one per gemeente).

    It runs to the end of the counting window, or to the peildatum when that is later,
    or to this month while the window is unknown; it starts at the first location in
    use, but at most MAX_MAANDEN months before its end. A change before the first
    month counts in the first month (a location that started and stopped before it
    adds nothing), one after the last month not at all: one pass over the changes and
    one over the months, never their product.
    """
    delen = [d for d in delen if d.eerste is not None]
    if not delen:
        return ()
    eind = max(venster.tot if venster.is_bekend else vandaag, peildatum)
    begin = max(min(d.eerste for d in delen), _maanden_terug(eind, MAX_MAANDEN - 1))
    dagen = maanden(begin, eind)
    eerste, aantal = _maand_index(dagen[0]), len(dagen)
    per_maand = [0] * aantal
    for deel in delen:
        for index, verschil in deel.delta.items():
            plaats = index - eerste
            if plaats < aantal:
                per_maand[max(plaats, 0)] += verschil
    stand, result = 0, []
    for dag, verschil in zip(dagen, per_maand, strict=True):
        stand += verschil
        result.append(Maandstand(dag, stand))
    return tuple(result)
