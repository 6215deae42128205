"""Demo data for uitruil: one agreement in Utrecht, marked as demo, akkoord door de PRT.

Amersfoort takes over 40 asylum places of Zeist's opgave in cycle 1, Zeist 30
statushouders of Amersfoort's taakstelling in 2025-H2; recorded and approved by the
demo PRT user through the services (so with its history). Idempotent: a province that
already has a demo agreement is left alone.
"""

from __future__ import annotations

from django.db import transaction

from gemeenten.models import Gemeente, Provincie, User
from huisvesting.models import Halfjaar
from opvang.models import Cyclus
from uitruil import services
from uitruil.models import Uitruilafspraak

GEMEENTE_A, GEMEENTE_B = "GM0307", "GM0355"  # Amersfoort, Zeist
HALFJAAR = "2025-H2"
TOELICHTING = "Demo-afspraak: geen echte afspraak tussen Amersfoort en Zeist."


def demo_uitruil(provinciecode, cyclusnummer=1):
    """Record the province's demo agreement; return a line for the demo's report."""
    provincie = Provincie.objects.get(code=provinciecode)
    klaar = "Uitruil: één demo-afspraak (Amersfoort en Zeist), akkoord door de PRT."
    if Uitruilafspraak.objects.filter(provincie=provincie, is_demo=True).exists():
        return klaar
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=[GEMEENTE_A, GEMEENTE_B])}
    prt = User.objects.filter(username="prt", provincie=provincie).first()
    cyclus = Cyclus.objects.filter(nummer=cyclusnummer).first()
    halfjaar = Halfjaar.objects.filter(code=HALFJAAR).first()
    if len(gemeenten) != 2 or prt is None or cyclus is None or halfjaar is None:
        return "Uitruil: gemeenten, PRT, cyclus of halfjaar ontbreken; geen demo-afspraak."
    data = {
        "cyclus": cyclus,
        "gemeente_a": gemeenten[GEMEENTE_A],
        "gemeente_b": gemeenten[GEMEENTE_B],
        "asiel_plekken": 40,
        "statushouders": 30,
        "halfjaar_van": halfjaar,
        "halfjaar_tot": halfjaar,
        "kenmerk": "DEMO/25/001",
        "toelichting": TOELICHTING,
    }
    with transaction.atomic():
        afspraak = services.afspraak_opslaan(
            provincie=provincie, data=data, user=prt, is_demo=True, reden="Demo: voorgesteld"
        )
        services.afspraak_akkoord(afspraak=afspraak, user=prt, reden="Demo: akkoord door de PRT")
    return klaar
