"""The GOO demo data: all 26 gemeenten of Utrecht, end dates ahead, over and under target."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ontheemden.models import GooLocatie, Streefgetal
from ontheemden.selectors import provincie_overzicht
from portaal.demo_ontheemden import DEMO_BRON, DEMO_TOELICHTING, demo_ontheemden

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht(settings):
    settings.DEMO_MODE = True
    call_command("loaddata", "referentie", verbosity=0)
    call_command("demo", stdout=StringIO())
    from gemeenten.models import Provincie

    return Provincie.objects.get(code="PV26")


def test_every_gemeente_has_demo_locations_marked_as_demo(utrecht):
    locaties = GooLocatie.objects.filter(gemeente__provincie=utrecht)
    assert locaties.values("gemeente").distinct().count() == 26
    assert set(locaties.values_list("toelichting", flat=True)) == {DEMO_TOELICHTING}
    assert set(Streefgetal.objects.values_list("bron", flat=True)) == {DEMO_BRON}


def test_locations_end_within_three_and_six_months_and_targets_differ(utrecht):
    overzicht = provincie_overzicht(utrecht, date.today())
    locaties = overzicht.aflopende_locaties
    assert any(loc.aflopend_3 for loc in locaties)
    assert any(not loc.aflopend_3 for loc in locaties)
    rijen = overzicht.gemeenten
    assert any(g.tekort_nu for g in rijen)
    assert any(g.doel and g.tekort_na_6 == 0 for g in rijen)
    assert any(g.vergelijking.onder_na_einddata and not g.tekort_nu for g in rijen)
    assert overzicht.regios and overzicht.regios[0].naam == "Foodvalley"


def test_running_it_again_adds_nothing(utrecht):
    aantal = GooLocatie.objects.count()
    assert demo_ontheemden() == 0
    assert GooLocatie.objects.count() == aantal
