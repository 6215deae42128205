"""The counting rules of DOMAIN.md §4: one pure function over plain values.

Everything that shows a figure (gemeente page, dashboard, PDF, Excel, JSON) calls
`tel()` or `categorie()`; nothing else decides whether a place counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kern.formatting import long_date

from .constants import ZEKERE_STATUSSEN, Categorie, Soort, Status


@dataclass(frozen=True)
class Telvenster:
    """A cycle's counting window [van, tot], both days inclusive; None while unknown.

    minimale_looptijd (years; None: none, as in cycle 1) is how long a certain place
    must last to count as hard or hard plan (DOMAIN.md §4).
    """

    van: date | None
    tot: date | None
    noodopvang_telt: bool = False
    minimale_looptijd: int | None = None

    @property
    def is_bekend(self):
        return self.van is not None and self.tot is not None


@dataclass(frozen=True)
class LocatieWaarden:
    status: str
    soort: str
    plekken: int
    amv_plekken: int = 0
    plekken_max: int | None = None
    vanaf: date | None = None
    tot: date | None = None


@dataclass(frozen=True)
class Telling:
    """Totals of one or more locations; adding two Tellingen adds every figure."""

    hard: int = 0
    hard_amv: int = 0
    hard_plan: int = 0
    hard_plan_amv: int = 0
    planvoorraad_min: int = 0
    planvoorraad_max: int = 0
    planvoorraad_amv: int = 0
    huidig: int = 0

    def __add__(self, other: Telling) -> Telling:
        return Telling(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def minimale_dekking(self):
        return self.hard + self.hard_plan

    @property
    def minimale_dekking_amv(self):
        return self.hard_amv + self.hard_plan_amv

    @property
    def perspectief_min(self):
        return self.minimale_dekking + self.planvoorraad_min

    @property
    def perspectief_max(self):
        return self.minimale_dekking + self.planvoorraad_max


def percentage(deel: int, geheel: int | None) -> Decimal | None:
    """Return deel as a percentage of geheel, rounded half up to one decimal."""
    if not geheel:
        return None
    return (Decimal(deel) * 100 / Decimal(geheel)).quantize(Decimal("0.1"), ROUND_HALF_UP)


# A plain string: comparing with the enum member costs a lookup per location counted.
_NOODOPVANG = Soort.NOODOPVANG.value


class Dekking:
    """Coverage against the opgave, for anything with opgave_plekken and a Telling."""

    @property
    def dekking_percentage(self):
        return percentage(self.telling.minimale_dekking, self.opgave_plekken)

    @property
    def tekort(self):
        """Return the places still missing for minimale dekking (never negative)."""
        if self.opgave_plekken is None:
            return None
        return max(self.opgave_plekken - self.telling.minimale_dekking, 0)


def telt_soort(soort: str, venster: Telvenster) -> bool:
    return soort != _NOODOPVANG or venster.noodopvang_telt


def plus_jaren(d: date, jaren: int) -> date:
    """Return the same day jaren years later; 29 February becomes 28 February if needed."""
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:
        return d.replace(year=d.year + jaren, day=28)


def looptijd_tot(loc: LocatieWaarden, venster: Telvenster) -> date | None:
    """Return the last day a certain place must reach for the minimale looptijd, or None.

    Counted from vanaf, or from the window start for a place that was there already
    (vanaf ≤ W₀); None without a minimale looptijd or while the window or vanaf is unknown.
    """
    if not venster.minimale_looptijd or not venster.is_bekend or loc.vanaf is None:
        return None
    return plus_jaren(max(loc.vanaf, venster.van), venster.minimale_looptijd)


def categorie(loc: LocatieWaarden, venster: Telvenster) -> Categorie:
    """Return where the location's places count in the cycle of this window."""
    if not telt_soort(loc.soort, venster):
        return Categorie.TELT_NIET
    if loc.status == Status.IN_VOORBEREIDING:
        return Categorie.PLANVOORRAAD
    if loc.status not in ZEKERE_STATUSSEN:
        return Categorie.TELT_NIET
    if not venster.is_bekend or loc.vanaf is None:
        return Categorie.ONBEKEND
    return _zeker(loc, venster)


def _zeker(loc: LocatieWaarden, venster: Telvenster) -> Categorie:
    """Return the category of a certain place with a start date in a known window."""
    if loc.tot is not None:
        if loc.tot < venster.tot:
            return Categorie.TIJDELIJK
        if venster.minimale_looptijd and loc.tot < looptijd_tot(loc, venster):
            return Categorie.TE_KORT
    if loc.vanaf <= venster.van:
        return Categorie.HARD
    return Categorie.HARD_PLAN


def omschrijving(loc: LocatieWaarden, venster: Telvenster) -> str:
    """Return in Dutch where the location counts and, when it is too short, why.

    The gemeente page, the location's page and the workbook show this text; reports
    show the category's label (the annex has no room for a sentence).
    """
    cat = categorie(loc, venster)
    if cat != Categorie.TE_KORT:
        return cat.label
    jaren = venster.minimale_looptijd
    return (
        f"tijdelijk: loopt tot en met {long_date(loc.tot)}, korter dan de minimale looptijd "
        f"van {jaren} jaar (daarvoor tot ten minste {long_date(looptijd_tot(loc, venster))})"
    )


def is_in_gebruik_op(loc: LocatieWaarden, peildatum: date) -> bool:
    """Return whether the location's places were in use on peildatum.

    A closed (beëindigd) location with an end date was in use until that date, so it
    counts for earlier dates: that is what makes the capacity history right.
    """
    was_in_gebruik = loc.status == Status.IN_GEBRUIK or (
        loc.status == Status.BEEINDIGD and loc.tot is not None
    )
    if not was_in_gebruik or loc.vanaf is None or loc.vanaf > peildatum:
        return False
    return loc.tot is None or loc.tot >= peildatum


def tel(locaties: Iterable[LocatieWaarden], venster: Telvenster, peildatum: date) -> Telling:
    """Count the locations under the rules of DOMAIN.md §4."""
    totals = dict.fromkeys((f.name for f in fields(Telling)), 0)
    for loc in locaties:
        cat = categorie(loc, venster)
        if cat == Categorie.HARD:
            totals["hard"] += loc.plekken
            totals["hard_amv"] += loc.amv_plekken
        elif cat == Categorie.HARD_PLAN:
            totals["hard_plan"] += loc.plekken
            totals["hard_plan_amv"] += loc.amv_plekken
        elif cat == Categorie.PLANVOORRAAD:
            totals["planvoorraad_min"] += loc.plekken
            totals["planvoorraad_max"] += (
                loc.plekken_max if loc.plekken_max is not None else loc.plekken
            )
            totals["planvoorraad_amv"] += loc.amv_plekken
        if is_in_gebruik_op(loc, peildatum):
            totals["huidig"] += loc.plekken
    return Telling(**totals)
