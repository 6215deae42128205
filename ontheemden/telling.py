"""The GOO figures on a peildatum: one pure function of plain values (DOMAIN.md §6.2).

The gemeente page, the province dashboard, the workbook, the JSON export and part 2 of
the plan all count through `telling()`, so that they cannot disagree. The rules, for a
location with capacity `c` (beds), first day `vanaf`, last day `tot` (empty: open-ended)
and a status, on peildatum `d` (docs/ontheemden.md says the same in Dutch):

- **telt mee op d**: status *in gebruik* or *beëindigd*, `vanaf ≤ d` and (`tot` empty or
  `tot ≥ d`). A beëindigde location always has a last day (a database constraint) and
  counts up to it: it was in use until then, so the history stays right. A location
  *in voorbereiding* never counts: its beds are *komend*, together with the beds of
  locations in use that start after d.
- **bezetting op d**: per location that counts on d, its latest bezetting with a
  peildatum on or before d. A counting location without one is *onbekend*, never 0;
  the rate (bezettingsgraad) is taken over the capacity of the locations whose
  bezetting is known.
- **aflopend binnen N maanden**: the beds of counting locations with `tot` in
  [d, d + N maanden]. `tot` is the last day: a location whose last day is d still
  counts today and is gone tomorrow, so it ends within the period; one whose last day
  is exactly d + N maanden too. A month later is the same day of the month, or the
  month's last day when it has no such day (31 August + 6 = 28/29 February).
- **capaciteit na N maanden** = capaciteit − aflopend binnen N maanden: what remains
  of today's capacity when the known end dates have passed (komende beds not included).
- **tekort** = streefgetal − capaciteit when positive, else 0; none without streefgetal.
  A regio's streefgetal is compared with the sum of its gemeenten.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

IN_GEBRUIK = "in_gebruik"
IN_VOORBEREIDING = "in_voorbereiding"
BEEINDIGD = "beeindigd"
TELLENDE_STATUSSEN = (IN_GEBRUIK, BEEINDIGD)
HORIZONNEN = (3, 6)


def plus_maanden(d: date, maanden: int) -> date:
    """Return the same day maanden later, or that month's last day if it is shorter."""
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    jaar, maand = d.year + jaar, maand + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


@dataclass(frozen=True)
class GooLocatieWaarden:
    """What the rules need of one location; bezettingen: (peildatum, bezette bedden)."""

    capaciteit: int
    vanaf: date
    tot: date | None
    status: str
    bezettingen: tuple[tuple[date, int], ...] = ()


def telt_op(loc: GooLocatieWaarden, d: date) -> bool:
    """Return whether the location's beds count as capacity on d."""
    return loc.status in TELLENDE_STATUSSEN and loc.vanaf <= d and (loc.tot is None or loc.tot >= d)


def is_komend(loc: GooLocatieWaarden, d: date) -> bool:
    """Return whether the beds are expected: in voorbereiding, or in use from after d."""
    if loc.tot is not None and loc.tot < d:
        return False
    return loc.status == IN_VOORBEREIDING or (loc.status == IN_GEBRUIK and loc.vanaf > d)


def loopt_af_binnen(loc: GooLocatieWaarden, d: date, maanden: int) -> bool:
    """Return whether a location counting on d has its last day in [d, d + maanden]."""
    return telt_op(loc, d) and loc.tot is not None and loc.tot <= plus_maanden(d, maanden)


def bezetting_op(loc: GooLocatieWaarden, d: date) -> int | None:
    """Return the latest bezetting on or before d; None when there is none (onbekend)."""
    eerder = [(p, n) for p, n in loc.bezettingen if p <= d]
    return max(eerder)[1] if eerder else None


def graad(bezetting: int, capaciteit: int) -> Decimal | None:
    """Return bezetting as a percentage of capaciteit, one decimal; None without beds."""
    if not capaciteit:
        return None
    return (Decimal(bezetting) * 100 / Decimal(capaciteit)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def tekort(streefgetal: int | None, capaciteit: int) -> int | None:
    """Return the shortfall against the streefgetal (never negative); None without one."""
    if streefgetal is None:
        return None
    return max(streefgetal - capaciteit, 0)


@dataclass(frozen=True)
class GooTelling:
    """The figures of some locations (a gemeente's, a regio's, the province's) on d."""

    peildatum: date
    locaties: int
    capaciteit: int
    bezetting: int
    capaciteit_met_bezetting: int
    zonder_bezetting: int
    aflopend_3: int
    aflopend_6: int
    komend: int

    @property
    def bezettingsgraad(self) -> Decimal | None:
        return graad(self.bezetting, self.capaciteit_met_bezetting)

    @property
    def bezetting_bekend(self) -> bool:
        """Whether a bezetting is known for at least one counting location."""
        return self.capaciteit_met_bezetting > 0

    @property
    def capaciteit_na_3(self) -> int:
        return self.capaciteit - self.aflopend_3

    @property
    def capaciteit_na_6(self) -> int:
        return self.capaciteit - self.aflopend_6

    def __add__(self, other: GooTelling) -> GooTelling:
        velden = (
            "locaties",
            "capaciteit",
            "bezetting",
            "capaciteit_met_bezetting",
            "zonder_bezetting",
            "aflopend_3",
            "aflopend_6",
            "komend",
        )
        return GooTelling(
            peildatum=self.peildatum,
            **{v: getattr(self, v) + getattr(other, v) for v in velden},
        )


def _capaciteit(locaties, *, als=None):
    """Return the sum of the capacity of the locations (for which als(loc) holds)."""
    return sum(loc.capaciteit for loc in locaties if als is None or als(loc))


def telling(locaties, d: date) -> GooTelling:
    """Return the figures of the locations (GooLocatieWaarden) on peildatum d."""
    tellend = [loc for loc in locaties if telt_op(loc, d)]
    bezet = [(loc, bezetting_op(loc, d)) for loc in tellend]
    bekend = [(loc, n) for loc, n in bezet if n is not None]
    return GooTelling(
        peildatum=d,
        locaties=len(tellend),
        capaciteit=_capaciteit(tellend),
        bezetting=sum(n for _, n in bekend),
        capaciteit_met_bezetting=_capaciteit(loc for loc, _ in bekend),
        zonder_bezetting=len(tellend) - len(bekend),
        aflopend_3=_capaciteit(tellend, als=lambda loc: loopt_af_binnen(loc, d, 3)),
        aflopend_6=_capaciteit(tellend, als=lambda loc: loopt_af_binnen(loc, d, 6)),
        komend=_capaciteit(locaties, als=lambda loc: is_komend(loc, d)),
    )


def leeg(d: date) -> GooTelling:
    """Return the figures of no locations on d (the start of a sum)."""
    return telling((), d)


@dataclass(frozen=True)
class Doelvergelijking:
    """A streefgetal against the capacity now and after the known end dates."""

    streefgetal: int | None
    capaciteit: int
    capaciteit_na_3: int
    capaciteit_na_6: int

    @property
    def tekort_nu(self):
        return tekort(self.streefgetal, self.capaciteit)

    @property
    def tekort_na_3(self):
        return tekort(self.streefgetal, self.capaciteit_na_3)

    @property
    def tekort_na_6(self):
        return tekort(self.streefgetal, self.capaciteit_na_6)

    @property
    def onder_na_einddata(self) -> bool:
        """Whether end dates within 6 months leave the capacity below the streefgetal."""
        return (
            self.streefgetal is not None
            and self.capaciteit_na_6 < self.capaciteit
            and self.capaciteit_na_6 < self.streefgetal
        )


def vergelijk(streefgetal: int | None, t: GooTelling) -> Doelvergelijking:
    """Return the streefgetal compared with the figures t (a gemeente's or a regio's sum)."""
    return Doelvergelijking(streefgetal, t.capaciteit, t.capaciteit_na_3, t.capaciteit_na_6)
