"""Two gemeenten of province Utrecht (and a third) with an opgave and taakstellingen."""

import importlib
from datetime import date

import pytest

from huisvesting import services as huisvesting_services
from huisvesting.models import Halfjaar
from tests.factories import GemeenteFactory, OpgaveFactory

REFERENTIE = importlib.import_module("huisvesting.migrations.0002_halfjaren_landelijk")


@pytest.fixture(autouse=True)
def halfjaren(db):
    if not Halfjaar.objects.exists():
        from django.apps import apps

        REFERENTIE.laden(apps, None)
    return {h.code: h for h in Halfjaar.objects.all()}


@pytest.fixture
def zeist(provincie):
    return GemeenteFactory(code="GM0355", naam="Zeist", provincie=provincie)


def taakstelling(gemeente, halfjaar, personen):
    huisvesting_services.taakstelling_vastleggen(
        gemeente=gemeente, halfjaar=halfjaar, personen=personen, bron="Test",
        datum=halfjaar.begin, user=None,
    )  # fmt: skip


@pytest.fixture
def figuren(gemeente, andere_gemeente, zeist, cyclus, halfjaren):
    """Opgaven Utrecht 1.946, Amersfoort 600, Zeist 300; taakstellingen per half year."""
    for g, plekken, amv in ((gemeente, 1946, 152), (andere_gemeente, 600, 40), (zeist, 300, 20)):
        OpgaveFactory(gemeente=g, cyclus=cyclus, plekken=plekken, amv_plekken=amv)
    for code in ("2025-H1", "2025-H2"):
        for g, personen in ((gemeente, 200), (andere_gemeente, 90), (zeist, 40)):
            taakstelling(g, halfjaren[code], personen)
    # A newer version of Zeist's 2025-H2 figure applies, the older one not.
    huisvesting_services.taakstelling_vastleggen(
        gemeente=zeist, halfjaar=halfjaren["2025-H2"], personen=45, bron="Test, herzien",
        datum=date(2025, 8, 1), user=None,
    )  # fmt: skip
    return halfjaren
