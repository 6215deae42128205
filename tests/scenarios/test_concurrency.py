"""Two PRT members changing one scenario at once: the checks hold, one of them is told."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from scenarios import services
from scenarios.models import Scenario, ScenarioBesluit, ScenarioVervallen
from tests.parallel import in_parallel, winners_and_losers

pytestmark = pytest.mark.django_db(transaction=True)


def _besluit(scenario, initiatief, user):
    rij = ScenarioBesluit(locatie=initiatief, telt_als="maximum", vanaf=date(2025, 6, 1))
    return services.wijziging_toevoegen(
        scenario=Scenario.objects.get(pk=scenario.pk), wijziging=rij, user=user
    )


def _vervallen(scenario, initiatief, user):
    return services.wijziging_toevoegen(
        scenario=Scenario.objects.get(pk=scenario.pk),
        wijziging=ScenarioVervallen(locatie=initiatief),
        user=user,
    )


def test_the_same_besluit_twice_at_once_lands_once(
    committed_db, scenario, initiatief, prt_user, cvdk_user
):
    outcomes = in_parallel(
        lambda: _besluit(scenario, initiatief, prt_user),
        lambda: _besluit(scenario, initiatief, cvdk_user),
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert len(losers) == 1
    assert isinstance(losers[0], ValidationError), losers
    assert ScenarioBesluit.objects.filter(scenario=scenario).count() == 1


def test_a_besluit_and_a_drop_of_one_initiative_at_once_never_both_land(
    committed_db, scenario, initiatief, prt_user, cvdk_user
):
    outcomes = in_parallel(
        lambda: _besluit(scenario, initiatief, prt_user),
        lambda: _vervallen(scenario, initiatief, cvdk_user),
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert isinstance(losers[0], ValidationError), losers
    besluiten = ScenarioBesluit.objects.filter(scenario=scenario).count()
    vervallen = ScenarioVervallen.objects.filter(scenario=scenario).count()
    assert besluiten + vervallen == 1
