"""Factories and the hand-computed case of the GOO tests."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from ontheemden import services
from ontheemden.constants import Soort, Status
from ontheemden.models import GooLocatie

from ..factories import GemeenteFactory

PEILDATUM = date(2026, 3, 31)


class GooLocatieFactory(DjangoModelFactory):
    class Meta:
        model = GooLocatie

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"GOO-locatie {n}")
    soort = Soort.GEMEENTELIJK
    status = Status.IN_GEBRUIK
    capaciteit = 50
    beschikbaar_vanaf = date(2024, 1, 1)
    beschikbaar_tot = None


def hand_computed_case(gemeente, user, prt_user):
    """Build the case of test_telling.test_the_hand_computed_case in gemeente.

    On 31 March 2026: capacity 185, bezetting 138 of 160 beds with a count (86,3%),
    ending within 3 months 40, within 6 months 65, after them 145 and 120; komend 60;
    streefgetal 170: shortfall 0 now, 25 after 3 and 50 after 6 months.
    """
    maak = lambda **kw: GooLocatieFactory(gemeente=gemeente, **kw)  # noqa: E731
    hotel = maak(naam="Hotel De Linde", soort=Soort.HOTEL, capaciteit=120)
    park = maak(
        naam="Vakantiepark Zonneveld",
        soort=Soort.HOTEL,
        capaciteit=40,
        beschikbaar_vanaf=date(2025, 6, 1),
        beschikbaar_tot=date(2026, 5, 31),
    )
    maak(
        naam="Paviljoen Stationsweg",
        soort=Soort.PAVILJOEN,
        capaciteit=25,
        beschikbaar_vanaf=date(2025, 9, 1),
        beschikbaar_tot=date(2026, 8, 31),
    )
    maak(
        naam="Kantoor Oost",
        soort=Soort.KANTOOR,
        capaciteit=60,
        status=Status.IN_VOORBEREIDING,
        beschikbaar_vanaf=date(2026, 5, 1),
    )
    maak(
        naam="Oude school",
        capaciteit=15,
        status=Status.BEEINDIGD,
        beschikbaar_tot=date(2026, 1, 31),
    )
    services.bezetting_vastleggen(locatie=hotel, peildatum=PEILDATUM, bezet=100, user=user)
    services.bezetting_vastleggen(locatie=park, peildatum=date(2026, 3, 1), bezet=35, user=user)
    services.bezetting_vastleggen(locatie=park, peildatum=PEILDATUM, bezet=38, user=user)
    services.streefgetal_vastleggen(
        provincie=gemeente.provincie,
        gemeente_code=gemeente.code,
        aantal=170,
        bron="Brief PRT",
        datum=date(2026, 1, 15),
        user=prt_user,
    )
