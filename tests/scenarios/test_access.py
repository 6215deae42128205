"""Only the province's PRT and cvdK see or change its scenarios; every other role gets 404."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from scenarios import services
from scenarios.models import Scenario, ScenarioVervallen
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LEES = ["detail", "wijzigen", "xlsx", "bijlage"]


def urls(scenario):
    return [
        reverse("scenarios:lijst", args=["PV26"]),
        reverse("scenarios:nieuw", args=["PV26"]),
    ] + [reverse(f"scenarios:{n}", args=[scenario.pk]) for n in LEES]


@pytest.mark.parametrize("wie", ["prt_user", "cvdk_user"])
def test_the_provinces_prt_and_cvdk_read_every_scenario_page(request, client, scenario, wie):
    client.login(username=request.getfixturevalue(wie).username, password=TEST_PASSWORD)
    for url in urls(scenario):
        response = client.get(url)
        assert response.status_code == 200, url
        if "xlsx" not in url:
            assert "Scenario — geen officieel cijfer" in response.content.decode(), url


@pytest.mark.parametrize(
    "wie",
    [
        "gemeente_user",
        "andere_gemeente_user",
        "vreemde_prt_user",
        "lrt_user",
        "beheer_user",
        "provinciale_beheer_user",
        "landelijke_beheer_user",
    ],
)
def test_everyone_else_gets_404_and_changes_nothing(request, client, scenario, azc, wie):
    client.login(username=request.getfixturevalue(wie).username, password=TEST_PASSWORD)
    voor = Scenario.history.count(), ScenarioVervallen.history.count()
    for url in urls(scenario):
        assert client.get(url).status_code == 404, url
    nieuw = {"naam": "Indringer", "cyclus": 1, "peildatum": "2024-10-15"}
    assert client.post(reverse("scenarios:nieuw", args=["PV26"]), nieuw).status_code == 404
    toevoegen = reverse("scenarios:toevoegen", args=[scenario.pk, "vervallen"])
    assert client.post(toevoegen, {"locatie": azc.pk}).status_code == 404
    wijzigen = reverse("scenarios:wijzigen", args=[scenario.pk])
    assert client.post(wijzigen, {**nieuw, "naam": "Gekaapt"}).status_code == 404
    assert (Scenario.history.count(), ScenarioVervallen.history.count()) == voor
    scenario.refresh_from_db()
    assert scenario.naam == "Wat als"


def test_the_list_shows_only_the_provinces_own_scenarios(
    client, scenario, vreemde_prt_user, andere_provincie, cyclus
):
    data = {"naam": "Gelders geheim", "toelichting": "", "peildatum": scenario.peildatum,
            "cyclus": cyclus}  # fmt: skip
    services.scenario_aanmaken(provincie=andere_provincie, data=data, user=vreemde_prt_user)
    client.login(username=vreemde_prt_user.username, password=TEST_PASSWORD)
    inhoud = client.get(reverse("scenarios:lijst", args=["PV25"])).content.decode()
    assert "Gelders geheim" in inhoud
    assert "Wat als" not in inhoud


def test_the_services_refuse_another_provinces_user(scenario, vreemde_prt_user, lrt_user, azc):
    for user in (vreemde_prt_user, lrt_user):
        with pytest.raises(PermissionDenied):
            services.wijziging_toevoegen(
                scenario=scenario, wijziging=ScenarioVervallen(locatie=azc), user=user
            )
        with pytest.raises(PermissionDenied):
            services.scenario_wijzigen(scenario=scenario, data={"naam": "x"}, user=user)
    assert not ScenarioVervallen.objects.exists()


def test_the_dashboard_links_to_the_scenarios_for_prt_only(
    client, scenario, prt_user, beheer_user, cyclus
):
    url = reverse("rapportage:dashboard", args=["PV26"])
    lijst = reverse("scenarios:lijst", args=["PV26"])
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    assert lijst in client.get(url).content.decode()
    client.login(username=beheer_user.username, password=TEST_PASSWORD)
    assert lijst not in client.get(url).content.decode()
