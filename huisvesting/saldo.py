"""The statushouders counting rules (DOMAIN.md §6.1): one pure function of plain values.

For one gemeente in one half year: the taakstelling, the start balance (achterstand
positive, voorsprong negative), the persons housed per month, and how many months of the
half year have passed at the peildatum give

- gecorrigeerde taakstelling = taakstelling + startsaldo;
- gerealiseerd = the sum of the months entered (a month without a figure adds nothing,
  but is listed as missing);
- eindsaldo = gecorrigeerd − gerealiseerd (the start balance of the next half year);
- tempo (the pace) = verstreken maanden / 6 × gecorrigeerd;
- percentage of the pace, and the rating against the province's thresholds.

How the months are counted (docs/statushouders.md): a month has passed once it is over,
so at a peildatum inside month m the months before m have passed (on 1 January none,
on 15 March two, from 1 July all six). Every figure entered for the half year up to the
peildatum counts as realised, the running month's too: a gemeente is never behind for a
month that has not ended. Before the first month ends the pace is 0; when the
gecorrigeerde taakstelling is 0 or less (a voorsprong covers it) the pace is 0 too. A
pace of 0 cannot be behind: the rating is op schema and the percentage is empty.

All comparisons are in whole numbers (realised × 600 ≥ drempel × months × gecorrigeerd),
so a threshold is met exactly on its edge, without rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAANDEN_PER_HALFJAAR = 6

OP_SCHEMA = "op_schema"
ENIGSZINS_ACHTER = "enigszins_achter"
ACHTER = "achter"
OORDEEL_LABELS = {
    OP_SCHEMA: "op schema",
    ENIGSZINS_ACHTER: "enigszins achter",
    ACHTER: "achter",
}


@dataclass(frozen=True)
class Drempels:
    """The province's thresholds, in whole percent of the pace (a province setting)."""

    op_schema: int = 100
    enigszins_achter: int = 75


@dataclass(frozen=True)
class Stand:
    """A gemeente's position in one half year at a peildatum."""

    taakstelling: int
    startsaldo: int
    gecorrigeerd: int
    per_maand: tuple[int | None, ...]
    gerealiseerd: int
    eindsaldo: int
    verstreken_maanden: int
    tempo: Decimal
    percentage: Decimal | None
    oordeel: str
    reden: str

    @property
    def oordeel_label(self):
        return OORDEEL_LABELS[self.oordeel]

    @property
    def ontbrekende_maanden(self):
        """Return the numbers (1–6) of passed months without a figure."""
        return tuple(
            i + 1 for i, n in enumerate(self.per_maand[: self.verstreken_maanden]) if n is None
        )


def verstreken_maanden(begin, peildatum):
    """Return the months of the half year starting on date begin passed at peildatum, 0–6.

    A month has passed once it is over: the running month does not count yet.
    """
    maanden = (peildatum.year - begin.year) * 12 + peildatum.month - begin.month
    return max(0, min(MAANDEN_PER_HALFJAAR, maanden))


def _oordeel(gerealiseerd, maanden, gecorrigeerd, drempels):
    """Return (oordeel, reden) by whole-number comparison against the thresholds."""
    if gecorrigeerd <= 0:
        return OP_SCHEMA, "De voorsprong dekt de taakstelling van dit halfjaar: er is geen tempo."
    if maanden == 0:
        return OP_SCHEMA, "Er is nog geen maand van dit halfjaar verstreken."
    noemer = maanden * gecorrigeerd
    tempo = f"{maanden} van 6 maanden verstreken"
    if gerealiseerd * 600 >= drempels.op_schema * noemer:
        return OP_SCHEMA, (
            f"Gerealiseerd is minstens {drempels.op_schema}% van het tempo ({tempo})."
        )
    if gerealiseerd * 600 >= drempels.enigszins_achter * noemer:
        return ENIGSZINS_ACHTER, (
            f"Gerealiseerd is {drempels.enigszins_achter}% tot {drempels.op_schema}% "
            f"van het tempo ({tempo})."
        )
    return (
        ACHTER,
        f"Gerealiseerd is minder dan {drempels.enigszins_achter}% van het tempo ({tempo}).",
    )


def bereken_stand(*, taakstelling, startsaldo, per_maand, verstreken, drempels=None) -> Stand:
    """Return the Stand of one half year from plain values.

    per_maand: six counts (None: no figure for that month), in calendar order;
    verstreken: months passed at the peildatum (verstreken_maanden()).
    """
    if len(per_maand) != MAANDEN_PER_HALFJAAR:
        raise ValueError("Een halfjaar heeft zes maanden.")
    if any(n is not None and n < 0 for n in per_maand) or taakstelling < 0:
        raise ValueError("Aantallen zijn niet negatief.")
    drempels = drempels or Drempels()
    gecorrigeerd = taakstelling + startsaldo
    gerealiseerd = sum(n for n in per_maand if n is not None)
    tempo_teller = max(gecorrigeerd, 0) * verstreken
    tempo = (Decimal(tempo_teller) / MAANDEN_PER_HALFJAAR).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    percentage = None
    if tempo_teller > 0:
        percentage = (Decimal(gerealiseerd * 600) / tempo_teller).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    oordeel, reden = _oordeel(gerealiseerd, verstreken, gecorrigeerd, drempels)
    return Stand(
        taakstelling=taakstelling,
        startsaldo=startsaldo,
        gecorrigeerd=gecorrigeerd,
        per_maand=tuple(per_maand),
        gerealiseerd=gerealiseerd,
        eindsaldo=gecorrigeerd - gerealiseerd,
        verstreken_maanden=verstreken,
        tempo=tempo,
        percentage=percentage,
        oordeel=oordeel,
        reden=reden,
    )


def kies_bron(coa, gemeente, telbron):
    """Return the figure of the source the province counts (telbron "coa"/"gemeente").

    The other source never fills a gap: a month without a figure of the counted source
    stays a gap (DOMAIN.md §10), and the difference is shown beside it.
    """
    return coa if telbron == "coa" else gemeente


def achter_op_rij(oordelen):
    """Return the longest run of consecutive half years rated achter (in order given)."""
    langste = huidig = 0
    for oordeel in oordelen:
        huidig = huidig + 1 if oordeel == ACHTER else 0
        langste = max(langste, huidig)
    return langste


def reeks(halfjaren, startsaldo, drempels=None):
    """Chain half years: each start balance is the previous end balance.

    halfjaren: [(taakstelling or None, per_maand, verstreken)] in order; startsaldo: the
    first half year's, entered by beheer (None: unknown). A half year without taakstelling
    or without a known start balance has no Stand (None), and the chain stays broken
    after it: an unknown balance is never taken as 0.
    """
    standen = []
    saldo = startsaldo
    for taakstelling, per_maand, verstreken in halfjaren:
        if taakstelling is None or saldo is None:
            standen.append(None)
            saldo = None
            continue
        stand = bereken_stand(
            taakstelling=taakstelling,
            startsaldo=saldo,
            per_maand=per_maand,
            verstreken=verstreken,
            drempels=drempels,
        )
        standen.append(stand)
        saldo = stand.eindsaldo
    return standen
