"""The building blocks of `manage.py demo`: a demo user, location and province, and verdeel.

Each demo province (Utrecht in portaal/management/commands/demo.py, Noord-Holland in
portaal/demo_noord_holland.py) is a DemoProvincie: its cycle-1 target, how the demo
estimates split it over its gemeenten, its demo locations and its demo users.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.core.management.base import CommandError

from opvang.constants import Soort, Status

DEMO_OPGAVE_BRON = "Demo-schatting (geen officieel cijfer)"
DEMO_TOELICHTING = "Demo-locatie: fictief voorbeeld, geen echte opvanglocatie."


# Short names for the demo's location tables (demo.py, demo_noord_holland.py).
AZC, REGIONAAL, AMV, GEMENGD, NOOD, OVERIG = (
    Soort.AZC,
    Soort.REGIONAAL,
    Soort.AMV,
    Soort.GEMENGD_WONEN,
    Soort.NOODOPVANG,
    Soort.OVERIG,
)
GEBRUIK, REALISATIE, VOORBEREIDING, BEEINDIGD, VERVALLEN = (
    Status.IN_GEBRUIK,
    Status.IN_REALISATIE,
    Status.IN_VOORBEREIDING,
    Status.BEEINDIGD,
    Status.VERVALLEN,
)


class DemoGebruiker(NamedTuple):
    username: str
    rol: str
    first_name: str
    last_name: str
    gemeentecode: str | None = None
    provinciecode: str | None = None


class DemoLocatie(NamedTuple):
    gemeentecode: str
    naam: str
    soort: str
    status: str
    plekken: int
    amv: int = 0
    vanaf: str | None = None
    tot: str | None = None
    plekken_max: int | None = None
    toelichting: str = ""


class DemoProvincie(NamedTuple):
    code: str
    naam: str
    # The provincial target of cycle 1 and its AMV part: the demo estimates of the
    # gemeenten without a real figure add up to what the real figures leave open.
    opgave: int
    opgave_amv: int
    # The weight of a gemeente in the split of the demo estimates (verdeel).
    gewicht: Callable[[object], int]
    locaties: tuple[DemoLocatie, ...]
    gebruikers: tuple[DemoGebruiker, ...]


def verdeel(totaal, gewichten):
    """Split totaal over the keys pro rata their weights (largest-remainder method).

    The parts add up to totaal exactly; ties go to the key that sorts first.
    """
    som = sum(gewichten.values())
    if not som:
        raise CommandError("Kan niet verdelen: de gewichten tellen op tot 0.")
    delen = {sleutel: totaal * gewicht // som for sleutel, gewicht in gewichten.items()}
    resten = sorted(gewichten, key=lambda s: (-(totaal * gewichten[s] % som), s))
    for sleutel in resten[: totaal - sum(delen.values())]:
        delen[sleutel] += 1
    return delen
