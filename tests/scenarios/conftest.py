"""A province with an opgave, a registered location, an initiative and a scenario."""

from datetime import date

import pytest

from opvang.constants import Soort, Status
from scenarios import services
from tests.factories import LocatieFactory, OpgaveFactory

PEILDATUM = date(2024, 10, 15)


@pytest.fixture
def opgaven(gemeente, andere_gemeente, cyclus):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1000, amv_plekken=100)
    OpgaveFactory(gemeente=andere_gemeente, cyclus=cyclus, plekken=500, amv_plekken=50)


@pytest.fixture
def azc(gemeente, opgaven):
    """Hard: in use since 2024, open-ended (300 places)."""
    return LocatieFactory(gemeente=gemeente, naam="azc Centrum", plekken=300, amv_plekken=30)


@pytest.fixture
def initiatief(gemeente, opgaven):
    """Planvoorraad 100–160 places, 10 AMV."""
    return LocatieFactory(
        gemeente=gemeente,
        naam="Initiatief Noord",
        soort=Soort.REGIONAAL,
        status=Status.IN_VOORBEREIDING,
        plekken=100,
        plekken_max=160,
        amv_plekken=10,
        beschikbaar_vanaf=None,
    )


@pytest.fixture
def scenario(provincie, cyclus, prt_user, opgaven):
    data = {"naam": "Wat als", "toelichting": "", "peildatum": PEILDATUM, "cyclus": cyclus}
    return services.scenario_aanmaken(provincie=provincie, data=data, user=prt_user)
