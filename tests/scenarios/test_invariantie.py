"""A scenario never changes an official figure: the verslag and the JSON feed stay byte for byte.

Every write of a scenario (create, edit, each kind of change added and removed) and
every read (detail, workbook, annex) happens between a "before" and an "after"; the
report of verslag_rapport(), the feed's body, the province's data version and the
keys of the report cache are the same on both sides.
"""

import pickle
from datetime import date

import pytest
from django.core.cache import caches
from django.urls import reverse

from kern.dataversie import dataversie
from opvang.models import Cyclus
from rapportage.selectors import BRON_AKKOORD, verslag_rapport
from scenarios.models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen
from tests.factories import TEST_PASSWORD

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db


def officieel(provincie, cyclus):
    """The official outputs, counted now: the report (each source) pickled and repr'd."""
    rapporten = [
        verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM, bron=bron, **k)
        for bron in ("actueel", BRON_AKKOORD)
        for k in ({}, {"met_locaties": False})
    ]
    return [pickle.dumps(r) for r in rapporten], [repr(r) for r in rapporten]


def feed(client, provincie):
    url = reverse("rapportage:verslag_json", args=[provincie.code, 1])
    response = client.get(url, {"peildatum": PEILDATUM.isoformat()})
    assert response.status_code == 200
    return response.content


def cache_sleutels():
    return sorted(caches["rapporten"]._cache)


def alle_scenario_schrijfacties(client, prt_user, gemeente, andere_gemeente, azc, initiatief):
    """Create, edit, add every kind of change, remove one, and read every page."""
    cyclus = Cyclus.objects.get(nummer=1).pk  # not always id 1 (PostgreSQL's sequences)
    client.post(
        reverse("scenarios:nieuw", args=["PV26"]),
        {"naam": "Invariant", "cyclus": cyclus, "peildatum": "2024-10-15", "toelichting": "x"},
    )
    s = Scenario.objects.get(naam="Invariant")
    toevoegen = lambda soort, data: client.post(  # noqa: E731
        reverse("scenarios:toevoegen", args=[s.pk, soort]), data
    )
    toevoegen(
        "besluit",
        {"locatie": initiatief.pk, "telt_als": "maximum", "vanaf": "2025-06-01"},
    )
    toevoegen(
        "locatie",
        {
            "gemeente": andere_gemeente.pk, "naam": "Hypothese", "soort": "azc",
            "plekken": "400", "amv_plekken": "40", "vanaf": "2025-01-01",
        },
    )  # fmt: skip
    toevoegen("vervallen", {"locatie": azc.pk})
    client.post(
        reverse("scenarios:wijzigen", args=[s.pk]),
        {"naam": "Invariant 2", "cyclus": cyclus, "peildatum": "2025-01-01", "toelichting": "y"},
    )
    s.refresh_from_db()
    assert (s.naam, s.peildatum) == ("Invariant 2", date(2025, 1, 1))
    weg = ScenarioLocatie.objects.get(scenario=s)
    client.post(reverse("scenarios:weghalen", args=[s.pk, "locatie", weg.pk]))
    for naam in ("detail", "xlsx", "bijlage"):
        assert client.get(reverse(f"scenarios:{naam}", args=[s.pk])).status_code == 200
    assert ScenarioBesluit.objects.filter(scenario=s).count() == 1
    assert ScenarioVervallen.objects.filter(scenario=s).count() == 1
    assert ScenarioLocatie.history.filter(id=weg.pk).count() == 2  # added, removed


def test_scenario_writes_and_reads_change_no_official_output_byte_for_byte(
    client, provincie, cyclus, prt_user, gemeente, andere_gemeente, azc, initiatief
):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    voor_rapport = officieel(provincie, cyclus)
    voor_feed = feed(client, provincie)
    voor_versie = dataversie(provincie.pk)
    voor_sleutels = cache_sleutels()
    assert any(k.endswith(":json") for k in voor_sleutels)

    alle_scenario_schrijfacties(client, prt_user, gemeente, andere_gemeente, azc, initiatief)

    assert cache_sleutels() == voor_sleutels  # nothing written into the report cache
    assert dataversie(provincie.pk) == voor_versie
    assert feed(client, provincie) == voor_feed  # served from the cache
    caches["rapporten"].clear()
    assert feed(client, provincie) == voor_feed  # counted again
    assert officieel(provincie, cyclus) == voor_rapport


def test_the_scenario_does_differ_so_the_invariance_test_can_fail(
    client, provincie, cyclus, prt_user, gemeente, andere_gemeente, azc, initiatief
):
    """The same writes on the real location change the feed: the comparison above bites."""
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    voor_feed = feed(client, provincie)
    voor_rapport = officieel(provincie, cyclus)
    azc.plekken = 301
    azc.save()
    assert feed(client, provincie) != voor_feed
    assert officieel(provincie, cyclus) != voor_rapport


def test_a_scenario_on_another_peildatum_leaves_that_days_report_alone(
    provincie, cyclus, prt_user, azc, initiatief
):
    from scenarios import services

    dag = date(2025, 1, 1)
    voor = repr(verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=dag))
    data = {"naam": "Dag", "toelichting": "", "peildatum": dag, "cyclus": cyclus}
    s = services.scenario_aanmaken(provincie=provincie, data=data, user=prt_user)
    rij = ScenarioVervallen(locatie=azc)
    services.wijziging_toevoegen(scenario=s, wijziging=rij, user=prt_user)
    assert repr(verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=dag)) == voor
