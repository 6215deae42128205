"""Demo data for the opvang van Oekraïense ontheemden (GOO) in all gemeenten of Utrecht.

Called by `manage.py demo` (portaal/management/commands/demo.py). Every location, figure
and streefgetal is marked as demo (its toelichting or bron says so) and fictitious. The
dates are relative to today, so that there are always locations ending within the next
3 and 6 months; some gemeenten are above their streefgetal, some below, and some fall
below it after the known end dates. Regio Foodvalley has a regio streefgetal, the other
gemeenten one of their own. Running it again adds nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from gemeenten.models import Gemeente, Provincie
from kern.audit import attribute_to
from ontheemden import services
from ontheemden.constants import Soort, Status
from ontheemden.models import Bezetting, GooLocatie
from ontheemden.telling import plus_maanden

DEMO_TOELICHTING = "Demo-locatie GOO: fictief voorbeeld, geen echte opvanglocatie."
DEMO_BRON = "Demo-streefgetal (fictief, geen officieel cijfer)"
DEMO_BRON_PARTICULIER = "Demo-aantal (fictief)"
REGIO_MET_STREEFGETAL = "Foodvalley"
# Streefgetal as a share of the gemeente's beds: above even after the end dates (0.6),
# above now but below after the end dates (0.95), below now (1.15).
VERHOUDINGEN = (0.6, 0.95, 1.15)


def _locaties(i, g, bedden, vandaag):
    """Return the demo locations of the i-th gemeente: (naam, soort, status, c, vanaf, tot)."""
    binnen_3 = vandaag + timedelta(days=20 + (i * 7) % 65)
    binnen_6 = vandaag + timedelta(days=100 + (i * 11) % 75)
    hotel_tot = binnen_3 if i % 2 == 0 else binnen_6
    rijen = [
        (
            f"Gemeentelijke locatie {g.naam}",
            Soort.GEMEENTELIJK,
            Status.IN_GEBRUIK,
            max(bedden // 2, 4),
            date(2022, 4, 1),
            None,
        ),
        (
            f"Hotel {g.naam}",
            Soort.HOTEL,
            Status.IN_GEBRUIK,
            max(bedden // 4, 2),
            date(2023, 1, 1),
            hotel_tot,
        ),
        (
            f"Woningen {g.naam}",
            Soort.PARTICULIERE_WONING,
            Status.IN_GEBRUIK,
            max(bedden // 4, 2),
            date(2022, 9, 1),
            vandaag + timedelta(days=400 + i),
        ),
    ]
    if i % 3 == 0:
        rijen.append(
            (
                f"Paviljoen {g.naam}",
                Soort.PAVILJOEN,
                Status.IN_VOORBEREIDING,
                max(bedden // 5, 2),
                vandaag + timedelta(days=60),
                None,
            )
        )
    if i % 4 == 1:
        rijen.append(
            (
                f"Vakantiepark {g.naam}",
                Soort.HOTEL,
                Status.BEEINDIGD,
                max(bedden // 5, 2),
                date(2022, 5, 1),
                date(2025, 6, 30),
            )
        )
    return rijen


def _bezetting(i, locatie, vandaag):
    """Record the occupied beds on the first of every third month of the last year.

    Saved directly (with their history) rather than through the service: the values
    are valid by construction, and the demo runs in every report test's setup.
    """
    eerste = vandaag.replace(day=1)
    for n in range(-12, 1, 3):
        d = plus_maanden(eerste, n)
        if locatie.status == Status.IN_VOORBEREIDING or d < locatie.beschikbaar_vanaf:
            continue
        if locatie.beschikbaar_tot and d > locatie.beschikbaar_tot:
            continue
        aandeel = 0.78 + ((i + n) % 6) * 0.04
        bezet = min(locatie.capaciteit, round(locatie.capaciteit * aandeel))
        bezetting = Bezetting(locatie=locatie, peildatum=d, bezet=bezet)
        attribute_to(bezetting, None, "Demogegevens")
        bezetting.save()


def _gemeente(i, g, vandaag):
    bedden = max((g.inwoners or 20000) // 500, 10)
    for naam, soort, status, capaciteit, vanaf, tot in _locaties(i, g, bedden, vandaag):
        locatie = services.goo_locatie_aanmaken(
            gemeente=g,
            data={
                "naam": naam,
                "soort": soort,
                "status": status,
                "capaciteit": capaciteit,
                "beschikbaar_vanaf": vanaf,
                "beschikbaar_tot": tot,
                "toelichting": DEMO_TOELICHTING,
            },
            user=None,
            reden="Demogegevens",
        )
        _bezetting(i, locatie, vandaag)
    services.particuliere_opvang_vastleggen(
        gemeente=g,
        peildatum=vandaag.replace(day=1),
        aantal=(g.inwoners or 20000) // 2500 if i % 3 else None,
        bron=DEMO_BRON_PARTICULIER,
        user=None,
    )
    return bedden


def demo_ontheemden(provinciecode="PV26", vandaag=None):
    """Add the GOO demo data of the province; return the number of locations added."""
    vandaag = vandaag or timezone.localdate()
    provincie = Provincie.objects.get(code=provinciecode)
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).select_related("regio"))
    if GooLocatie.objects.filter(gemeente__provincie=provincie).exists():
        return 0
    regio_bedden = 0
    with transaction.atomic():
        for i, g in enumerate(sorted(gemeenten, key=lambda g: g.naam)):
            bedden = _gemeente(i, g, vandaag)
            if g.regio and g.regio.naam == REGIO_MET_STREEFGETAL:
                regio_bedden += bedden
                continue
            services.streefgetal_vastleggen(
                provincie=provincie,
                gemeente_code=g.code,
                bron=DEMO_BRON,
                user=None,
                aantal=round(bedden * VERHOUDINGEN[i % 3]),
                datum=date(2025, 1, 15),
            )
        if regio_bedden:
            services.streefgetal_vastleggen(
                provincie=provincie,
                regio_naam=REGIO_MET_STREEFGETAL,
                bron=DEMO_BRON,
                user=None,
                aantal=round(regio_bedden * 1.1),
                datum=date(2025, 1, 15),
            )
    return GooLocatie.objects.filter(gemeente__provincie=provincie).count()
