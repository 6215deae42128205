"""Every scenario write is attributable: who, when, why, in the history of each row."""

from datetime import date

import pytest
from django.urls import reverse

from opvang.constants import Soort, Status
from portaal.demo_scenario import NAAM, demo_scenario
from scenarios.models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen
from tests.factories import TEST_PASSWORD, GemeenteFactory, LocatieFactory

pytestmark = pytest.mark.django_db


def test_adding_and_removing_changes_leaves_their_history_with_the_user(
    client, scenario, prt_user, cvdk_user, initiatief
):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    client.post(
        reverse("scenarios:toevoegen", args=[scenario.pk, "besluit"]),
        {"locatie": initiatief.pk, "telt_als": "minimum", "vanaf": "2025-06-01"},
        REMOTE_ADDR="192.0.2.9",
    )
    besluit = ScenarioBesluit.objects.get()
    client.login(username=cvdk_user.username, password=TEST_PASSWORD)
    client.post(reverse("scenarios:weghalen", args=[scenario.pk, "besluit", besluit.pk]))

    assert not ScenarioBesluit.objects.exists()
    records = list(ScenarioBesluit.history.filter(id=besluit.pk).order_by("history_date"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in records] == [
        ("+", prt_user, "toegevoegd aan scenario"),
        ("-", cvdk_user, "weggehaald uit scenario"),
    ]
    assert records[0].ip_address == "192.0.2.9"
    redenen = list(
        Scenario.history.filter(id=scenario.pk)
        .order_by("history_date")
        .values_list("history_user__username", "history_change_reason")
    )
    assert redenen == [
        ("prt", "scenario aangemaakt"),
        ("prt", "besloten initiatief toegevoegd"),
        ("cvdk", "besloten initiatief weggehaald"),
    ]
    scenario.refresh_from_db()
    assert (scenario.aangemaakt_door, scenario.gewijzigd_door) == (prt_user, cvdk_user)


def test_the_demo_scenario_is_made_once_marked_as_demo_by_the_demo_prt(provincie, cyclus, prt_user):
    utrecht = GemeenteFactory(code="GM0344", naam="Utrecht", provincie=provincie)
    amersfoort = GemeenteFactory(code="GM0307", naam="Amersfoort", provincie=provincie)
    GemeenteFactory(code="GM0355", naam="Zeist", provincie=provincie)
    initiatief = {"status": Status.IN_VOORBEREIDING, "beschikbaar_vanaf": None}
    LocatieFactory(gemeente=utrecht, naam="Opvang Merwedekanaalzone", plekken=400,
                   plekken_max=460, **initiatief)  # fmt: skip
    LocatieFactory(gemeente=amersfoort, naam="Regionale opvang Isselt", plekken=270,
                   plekken_max=310, **initiatief)  # fmt: skip
    LocatieFactory(gemeente=utrecht, naam="AMV-opvang Hoograven", soort=Soort.AMV,
                   status=Status.IN_REALISATIE, plekken=20, amv_plekken=20,
                   beschikbaar_vanaf=date(2026, 1, 15))  # fmt: skip

    # The same line both times: `manage.py demo` prints the same when run again.
    assert (
        demo_scenario("PV26")
        == demo_scenario("PV26")
        == f"Scenario: ‘{NAAM}’ (demo, gemaakt door de PRT)."
    )

    scenario = Scenario.objects.get()
    assert (scenario.naam, scenario.is_demo, scenario.aangemaakt_door) == (NAAM, True, prt_user)
    assert NAAM.startswith("Demo")
    assert ScenarioBesluit.objects.count() == 2
    assert ScenarioLocatie.objects.count() == ScenarioVervallen.objects.count() == 1
    assert Scenario.history.count() == 5  # made, and one record per change
