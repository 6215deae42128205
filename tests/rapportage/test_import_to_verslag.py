"""An uitvraag workbook whose locations add up like the source letter's yields its figures."""

import io

import pytest
from django.core.management import call_command

from opvang.excel.writer import locatie_rij, sjabloon_maken
from opvang.models import Locatie
from rapportage.selectors import verslag_rapport
from rapportage.serializers import rapport_als_json
from scenarios.models import ScenarioBesluit, ScenarioVervallen

from .conftest import BRIEF_CIJFERS, PEILDATUM

pytestmark = pytest.mark.django_db


def cijfers(provincie, cyclus):
    rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM)
    return rapport_als_json(rapport)


def test_importeer_uitvraag_of_the_letters_locations_gives_the_letters_figures(
    demo, cyclus1, tmp_path
):
    locaties = Locatie.objects.filter(gemeente__provincie=demo).select_related("gemeente")
    werkboek = sjabloon_maken(locatie_rijen=[locatie_rij(loc.gemeente, loc) for loc in locaties])
    voor = cijfers(demo, cyclus1)
    assert {k: voor[k] for k in BRIEF_CIJFERS} == BRIEF_CIJFERS
    # Start from an empty register, as a new province would (without the demo
    # scenario's changes, which keep the locations they name).
    ScenarioBesluit.objects.all().delete()
    ScenarioVervallen.objects.all().delete()
    for locatie in locaties:
        locatie.delete()
    assert cijfers(demo, cyclus1)["harde_opvangcapaciteit"]["plekken"] == 0
    pad = tmp_path / "uitvraag-utrecht.xlsx"
    pad.write_bytes(werkboek)

    uit = io.StringIO()
    call_command("importeer_uitvraag", str(pad), cyclus=1, gebruiker="beheer", stdout=uit)

    na = cijfers(demo, cyclus1)
    assert {k: na[k] for k in BRIEF_CIJFERS} == BRIEF_CIJFERS
    assert na["gemeenten"] == voor["gemeenten"]  # every gemeente's figures as by hand
    assert "90 locaties toegevoegd" in uit.getvalue()
