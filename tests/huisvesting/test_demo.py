"""The statushouders demo data: every gemeente of the province, every rating, marked demo."""

from datetime import date

import pytest

from huisvesting.models import Realisatie, Taakstelling
from huisvesting.saldo import ACHTER, ENIGSZINS_ACHTER, OP_SCHEMA
from huisvesting.selectors import statushouders
from portaal.demo_huisvesting import demo_huisvesting

from .factories import gemeenten

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_rating_and_is_marked_demo(provincie):
    gemeenten(provincie, 26)
    demo_huisvesting(provincie.code, vandaag=date(2026, 12, 2))
    overzicht = statushouders(provincie, date(2026, 12, 2))
    assert overzicht.halfjaar == "2026-H2"
    assert {g.stand.oordeel for g in overzicht.gemeenten} == {OP_SCHEMA, ENIGSZINS_ACHTER, ACHTER}
    assert overzicht.gesignaleerd
    assert all(t.is_demo and t.bron.startswith("Demo") for t in Taakstelling.objects.all())
    assert not Realisatie.objects.filter(maand__gte=date(2026, 12, 1)).exists()
    voor = Realisatie.history.count()
    demo_huisvesting(provincie.code)
    assert Realisatie.history.count() == voor
