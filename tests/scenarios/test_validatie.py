"""Bad input is refused with a Dutch message on its field, and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from opvang.constants import Soort, Status
from scenarios import services
from scenarios.models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen
from tests.factories import TEST_PASSWORD, LocatieFactory

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db


def sporen():
    return [
        m.history.count() for m in (Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen)
    ]


def fouten(scenario, user, wijziging):
    voor = sporen()
    with pytest.raises(ValidationError) as exc:
        services.wijziging_toevoegen(scenario=scenario, wijziging=wijziging, user=user)
    assert sporen() == voor
    return exc.value.message_dict


def test_a_besluit_on_a_location_that_is_no_initiative(scenario, prt_user, azc):
    rij = ScenarioBesluit(locatie=azc, telt_als="minimum", vanaf=date(2025, 6, 1))
    assert fouten(scenario, prt_user, rij) == {
        "locatie": [
            "Alleen een initiatief in voorbereiding (planvoorraad) kan in een scenario "
            "besloten worden; ‘azc Centrum’ is ‘in gebruik’."
        ]
    }


def test_a_besluit_on_another_provinces_initiative(scenario, prt_user, vreemde_gemeente):
    elders = LocatieFactory(
        gemeente=vreemde_gemeente, status=Status.IN_VOORBEREIDING, beschikbaar_vanaf=None
    )
    rij = ScenarioBesluit(locatie=elders, telt_als="minimum", vanaf=date(2025, 6, 1))
    assert fouten(scenario, prt_user, rij)["locatie"] == [
        "Deze locatie ligt niet in de provincie van het scenario."
    ]


@pytest.mark.parametrize(
    ("telt_als", "aantal", "fout"),
    [
        (
            "aantal", 200,
            "Het aantal (200) ligt buiten de bandbreedte van het initiatief (100–160). Voor "
            "een ander aantal plekken: voeg een hypothetische locatie toe.",
        ),
        (
            "aantal", 99,
            "Het aantal (99) ligt buiten de bandbreedte van het initiatief (100–160). Voor "
            "een ander aantal plekken: voeg een hypothetische locatie toe.",
        ),
        ("aantal", None, "Vul het aantal plekken in waarmee het initiatief meetelt."),
        (
            "maximum", 120,
            "Vul alleen een aantal in als het initiatief telt met een gegeven aantal.",
        ),
    ],
)  # fmt: skip
def test_the_number_of_a_besluit_lies_in_the_initiatives_range(
    scenario, prt_user, initiatief, telt_als, aantal, fout
):
    rij = ScenarioBesluit(
        locatie=initiatief, telt_als=telt_als, aantal=aantal, vanaf=date(2025, 6, 1)
    )
    assert fouten(scenario, prt_user, rij) == {"aantal": [fout]}


def test_a_besluit_after_the_initiatives_last_day(scenario, prt_user, initiatief):
    initiatief.beschikbaar_tot = date(2026, 12, 31)
    initiatief.save()
    rij = ScenarioBesluit(locatie=initiatief, telt_als="minimum", vanaf=date(2027, 1, 1))
    assert fouten(scenario, prt_user, rij) == {
        "vanaf": [
            "De besluitdatum ligt na de laatste dag van de locatie (31 december 2026); dan "
            "telt het initiatief nergens mee."
        ]
    }


def test_one_location_is_decided_or_dropped_once(scenario, prt_user, initiatief):
    eerst = ScenarioBesluit(locatie=initiatief, telt_als="minimum", vanaf=date(2025, 6, 1))
    services.wijziging_toevoegen(scenario=scenario, wijziging=eerst, user=prt_user)
    nog_eens = ScenarioBesluit(locatie=initiatief, telt_als="maximum", vanaf=date(2025, 6, 1))
    assert fouten(scenario, prt_user, nog_eens) == {
        "__all__": ["Over deze locatie is in dit scenario al een besluit."]
    }
    assert fouten(scenario, prt_user, ScenarioVervallen(locatie=initiatief)) == {
        "locatie": ["Over deze locatie is in dit scenario al een besluit; haal dat eerst weg."]
    }


def test_a_dropped_location_cannot_also_be_decided(scenario, prt_user, initiatief):
    weg = ScenarioVervallen(locatie=initiatief)
    services.wijziging_toevoegen(scenario=scenario, wijziging=weg, user=prt_user)
    rij = ScenarioBesluit(locatie=initiatief, telt_als="minimum", vanaf=date(2025, 6, 1))
    assert fouten(scenario, prt_user, rij) == {
        "locatie": ["Deze locatie vervalt al in dit scenario; haal dat eerst weg."]
    }


def test_a_closed_location_cannot_be_dropped(scenario, prt_user, gemeente, opgaven):
    dicht = LocatieFactory(gemeente=gemeente, status=Status.BEEINDIGD)
    assert fouten(scenario, prt_user, ScenarioVervallen(locatie=dicht)) == {
        "locatie": ["Deze locatie telt al niet mee (status ‘beëindigd’)."]
    }


def test_a_hypothetical_location_keeps_the_locations_invariants(
    scenario, prt_user, gemeente, vreemde_gemeente
):
    rij = ScenarioLocatie(
        gemeente=gemeente, naam="Te veel", soort=Soort.AMV, plekken=10, amv_plekken=12,
        vanaf=date(2025, 6, 1), tot=date(2025, 1, 1),
    )  # fmt: skip
    assert fouten(scenario, prt_user, rij) == {
        "amv_plekken": ["Het aantal AMV-plekken (12) is groter dan het aantal plekken (10)."],
        "tot": ["‘Beschikbaar tot en met’ ligt vóór ‘beschikbaar vanaf’."],
    }
    rij = ScenarioLocatie(
        gemeente=vreemde_gemeente, naam="Elders", soort=Soort.AZC, plekken=10,
        vanaf=date(2025, 6, 1),
    )  # fmt: skip
    assert fouten(scenario, prt_user, rij) == {
        "gemeente": ["Deze gemeente ligt niet in de provincie van het scenario."]
    }


def test_a_second_scenario_of_the_same_name_is_refused(scenario, provincie, prt_user, cyclus):
    data = {"naam": "WAT ALS", "toelichting": "", "peildatum": PEILDATUM, "cyclus": cyclus}
    with pytest.raises(ValidationError) as exc:
        services.scenario_aanmaken(provincie=provincie, data=data, user=prt_user)
    assert exc.value.messages == ["Deze provincie heeft al een scenario met deze naam."]
    assert Scenario.objects.count() == 1


def test_the_page_shows_the_error_in_dutch_and_keeps_nothing(
    client, scenario, prt_user, initiatief
):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    voor = sporen()
    response = client.post(
        reverse("scenarios:toevoegen", args=[scenario.pk, "besluit"]),
        {"locatie": initiatief.pk, "telt_als": "aantal", "aantal": "1.000", "vanaf": "2025-06-01"},
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert "Het aantal (1000) ligt buiten de bandbreedte van het initiatief (100–160)" in inhoud
    assert "Scenario — geen officieel cijfer" in inhoud
    assert sporen() == voor


def test_the_page_refuses_a_location_outside_the_list(
    client, scenario, prt_user, vreemde_gemeente, azc
):
    elders = LocatieFactory(gemeente=vreemde_gemeente)
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    voor = sporen()
    for soort, pk in (("vervallen", elders.pk), ("besluit", azc.pk)):
        response = client.post(
            reverse("scenarios:toevoegen", args=[scenario.pk, soort]),
            {"locatie": pk, "telt_als": "minimum", "vanaf": "2025-06-01"},
        )
        assert response.status_code == 400
        assert "Kies een locatie uit de lijst." in response.content.decode()
    assert sporen() == voor


def test_an_unknown_kind_of_change_is_404(client, scenario, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    url = reverse("scenarios:toevoegen", args=[scenario.pk, "opgave"])
    assert client.post(url, {}).status_code == 404
    url = reverse("scenarios:weghalen", args=[scenario.pk, "besluit", 999])
    voor = sporen()
    assert client.post(url).status_code == 302  # nothing there: nothing happens
    assert sporen() == voor


def test_editing_with_a_bad_peildatum_keeps_the_scenario_as_it_was(client, scenario, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    voor = sporen()
    response = client.post(
        reverse("scenarios:wijzigen", args=[scenario.pk]),
        {"naam": "Nieuwe naam", "cyclus": scenario.cyclus.pk, "peildatum": "31-02-2025"},
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert "Scenario ‘Wat als’ wijzigen" in inhoud
    assert "Peildatum" in inhoud and "het formulier is niet verwerkt" in inhoud
    scenario.refresh_from_db()
    assert (scenario.naam, scenario.peildatum) == ("Wat als", PEILDATUM)
    assert sporen() == voor
