"""Progress of an uitvraag at a glance: counts, days to the deadline, who is overdue.

A pure function of the statuses voortgang() returns, the deadline and today, so the
uitvraag page, the gemeente page and later notices say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .constants import VoortgangStatus

INGEDIEND = frozenset(
    {VoortgangStatus.INGEDIEND, VoortgangStatus.AKKOORD, VoortgangStatus.TERUGGESTUURD}
)
# Still owed by the gemeente: nothing submitted yet, or returned and not resubmitted.
OPENSTAAND = frozenset(
    {VoortgangStatus.NIET_GESTART, VoortgangStatus.CONCEPT, VoortgangStatus.TERUGGESTUURD}
)


@dataclass(frozen=True)
class Samenvatting:
    aantal: int
    ingediend: int
    akkoord: int
    teruggestuurd: int
    dagen_tot_deadline: int  # negative once the deadline has passed
    te_laat: frozenset  # the gemeente ids that still owe a submission after the deadline

    @property
    def deadline_tekst(self):
        dagen = self.dagen_tot_deadline
        if dagen == 0:
            return "de deadline is vandaag"
        if dagen > 0:
            return f"nog {dagen} {'dag' if dagen == 1 else 'dagen'} tot de deadline"
        return f"de deadline is {-dagen} {'dag' if dagen == -1 else 'dagen'} verstreken"

    @property
    def tekst(self):
        return (
            f"{self.ingediend} van {self.aantal} ingediend, {self.akkoord} akkoord, "
            f"{self.teruggestuurd} teruggestuurd"
        )


def samenvatting(statussen: dict, *, deadline: date, vandaag: date) -> Samenvatting:
    """Summarise {gemeente_id: VoortgangStatus} against the deadline on `vandaag`.

    The deadline day itself is still in time; from the day after, every gemeente that
    still owes a submission (OPENSTAAND) is overdue.
    """
    verstreken = vandaag > deadline
    return Samenvatting(
        aantal=len(statussen),
        ingediend=sum(s in INGEDIEND for s in statussen.values()),
        akkoord=sum(s == VoortgangStatus.AKKOORD for s in statussen.values()),
        teruggestuurd=sum(s == VoortgangStatus.TERUGGESTUURD for s in statussen.values()),
        dagen_tot_deadline=(deadline - vandaag).days,
        te_laat=frozenset(g for g, s in statussen.items() if verstreken and s in OPENSTAAND),
    )
