"""A scenario's figures: the counting rules applied to the changed locations, nothing else."""

from datetime import date

import pytest

from opvang.constants import Categorie, Soort, Status
from opvang.telregels import tel
from rapportage.selectors import verslag_rapport
from scenarios import services
from scenarios.constants import TeltAls
from scenarios.models import ScenarioBesluit, ScenarioLocatie, ScenarioVervallen
from scenarios.selectors import vergelijking
from tests.factories import LocatieFactory

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db

VOOR_BEGIN, NA_BEGIN = date(2025, 6, 1), date(2025, 10, 1)  # window starts 1 July 2025


def besluit(scenario, user, locatie, telt_als, vanaf, aantal=None):
    rij = ScenarioBesluit(locatie=locatie, telt_als=telt_als, aantal=aantal, vanaf=vanaf)
    return services.wijziging_toevoegen(scenario=scenario, wijziging=rij, user=user)


def gemeente_rij(rapport, gemeente):
    return next(r for r in rapport.gemeenten if r.code == gemeente.code)


@pytest.mark.parametrize(
    ("telt_als", "aantal", "vanaf", "hard", "hard_plan", "hard_amv"),
    [
        (TeltAls.MINIMUM, None, VOOR_BEGIN, 300 + 100, 0, 30 + 10),
        (TeltAls.MAXIMUM, None, VOOR_BEGIN, 300 + 160, 0, 30 + 10),
        (TeltAls.AANTAL, 120, VOOR_BEGIN, 300 + 120, 0, 30 + 10),
        (TeltAls.MINIMUM, None, NA_BEGIN, 300, 100, 30),
        (TeltAls.MAXIMUM, None, NA_BEGIN, 300, 160, 30),
        (TeltAls.AANTAL, 150, NA_BEGIN, 300, 150, 30),
        (TeltAls.MINIMUM, None, date(2025, 7, 1), 300 + 100, 0, 40),  # W0 itself: hard
    ],
)
def test_a_decided_initiative_counts_hard_or_hard_plan_as_the_rules_say(
    scenario,
    prt_user,
    gemeente,
    azc,
    initiatief,
    telt_als,
    aantal,
    vanaf,
    hard,
    hard_plan,
    hard_amv,
):
    besluit(scenario, prt_user, initiatief, telt_als, vanaf, aantal)

    v = vergelijking(scenario)

    nu = gemeente_rij(v.werkelijk, gemeente).telling
    straks = gemeente_rij(v.in_scenario, gemeente).telling
    assert (nu.hard, nu.hard_plan, nu.planvoorraad_min, nu.planvoorraad_max) == (300, 0, 100, 160)
    assert (straks.hard, straks.hard_plan) == (hard, hard_plan)
    assert (straks.hard_amv, straks.minimale_dekking_amv) == (hard_amv, 40)
    assert (straks.planvoorraad_min, straks.planvoorraad_max) == (0, 0)
    assert v.verschil == hard + hard_plan - 300
    assert gemeente_rij(v.in_scenario, gemeente).dekking_percentage == (hard + hard_plan) / 10


def test_the_scenario_counts_with_the_counting_function_unchanged(
    scenario, prt_user, gemeente, azc, initiatief, cyclus
):
    besluit(scenario, prt_user, initiatief, TeltAls.MAXIMUM, NA_BEGIN)
    v = vergelijking(scenario)
    rij = gemeente_rij(v.in_scenario, gemeente)
    # The same tel() over the values the report shows for the gemeente.
    assert rij.telling == tel([loc.waarden for loc in rij.locaties], cyclus.telvenster, PEILDATUM)
    besloten = next(loc for loc in rij.locaties if loc.naam == "Initiatief Noord")
    assert besloten.waarden.status == Status.IN_REALISATIE
    assert besloten.categorie == Categorie.HARD_PLAN
    assert v.wijzigingen[0].categorie == "harde plancapaciteit"


def test_a_hypothetical_location_is_added_where_no_location_was(
    scenario, prt_user, gemeente, andere_gemeente, azc
):
    rij = ScenarioLocatie(
        gemeente=andere_gemeente, naam="Nieuw", soort=Soort.AZC, plekken=200,
        amv_plekken=20, vanaf=VOOR_BEGIN,
    )  # fmt: skip
    services.wijziging_toevoegen(scenario=scenario, wijziging=rij, user=prt_user)

    v = vergelijking(scenario)

    assert gemeente_rij(v.werkelijk, andere_gemeente).telling.hard == 0
    assert gemeente_rij(v.in_scenario, andere_gemeente).telling.hard == 200
    assert gemeente_rij(v.in_scenario, andere_gemeente).telling.hard_amv == 20
    assert (
        gemeente_rij(v.in_scenario, gemeente).telling == gemeente_rij(v.werkelijk, gemeente).telling
    )
    assert (v.werkelijk.telling.hard, v.in_scenario.telling.hard) == (300, 500)
    assert [g.naam for g in v.gemeenten if g.is_gewijzigd] == ["Amersfoort"]


def test_a_temporary_hypothetical_location_counts_for_neither(scenario, prt_user, gemeente, azc):
    rij = ScenarioLocatie(
        gemeente=gemeente, naam="Kort", soort=Soort.AZC, plekken=50,
        vanaf=VOOR_BEGIN, tot=date(2025, 12, 31),
    )  # fmt: skip
    services.wijziging_toevoegen(scenario=scenario, wijziging=rij, user=prt_user)
    v = vergelijking(scenario)
    assert v.in_scenario.telling.minimale_dekking == v.werkelijk.telling.minimale_dekking == 300
    assert v.wijzigingen[0].categorie == Categorie.TIJDELIJK.label


def test_a_dropped_location_counts_nowhere(scenario, prt_user, gemeente, azc, initiatief):
    services.wijziging_toevoegen(
        scenario=scenario, wijziging=ScenarioVervallen(locatie=azc), user=prt_user
    )
    services.wijziging_toevoegen(
        scenario=scenario, wijziging=ScenarioVervallen(locatie=initiatief), user=prt_user
    )
    v = vergelijking(scenario)
    straks = gemeente_rij(v.in_scenario, gemeente)
    assert (straks.telling.hard, straks.telling.planvoorraad_max, straks.telling.huidig) == (
        0,
        0,
        0,
    )
    assert [loc.naam for loc in straks.locaties] == []
    assert v.verschil == -300
    kern = {k.label: k for k in v.kerncijfers}
    assert (kern["Minimale dekking"].nu, kern["Minimale dekking"].scenario) == ("300", "0")
    assert kern["Minimale dekking"].verschil == "−300"
    assert kern["Tekort (som van de gemeenten)"].scenario == "1.500"


def test_a_besluit_on_a_location_no_longer_in_voorbereiding_is_not_applied_and_said(
    scenario, prt_user, gemeente, azc, initiatief
):
    besluit(scenario, prt_user, initiatief, TeltAls.MAXIMUM, VOOR_BEGIN)
    initiatief.status, initiatief.beschikbaar_vanaf = Status.IN_REALISATIE, NA_BEGIN
    initiatief.save()

    v = vergelijking(scenario)

    assert (
        gemeente_rij(v.in_scenario, gemeente).telling == gemeente_rij(v.werkelijk, gemeente).telling
    )
    assert v.waarschuwingen == (
        "‘Initiatief Noord’ is niet meer in voorbereiding (nu ‘in realisatie’): "
        "dit besluit telt niet mee.",
    )


def test_reality_in_the_comparison_is_the_official_report(scenario, prt_user, azc, initiatief):
    besluit(scenario, prt_user, initiatief, TeltAls.MAXIMUM, VOOR_BEGIN)
    v = vergelijking(scenario)
    officieel = verslag_rapport(
        provincie=scenario.provincie, cyclus=scenario.cyclus, peildatum=PEILDATUM
    )
    assert v.werkelijk == officieel
    assert v.in_scenario != officieel


def test_another_provinces_locations_are_never_counted(scenario, prt_user, vreemde_gemeente, azc):
    LocatieFactory(gemeente=vreemde_gemeente, naam="Elders", plekken=999)
    v = vergelijking(scenario)
    assert v.in_scenario.telling.hard == 300
