from datetime import date

import pytest
from django.urls import reverse

from opvang.constants import Soort, Status
from tests.factories import TEST_PASSWORD, LocatieFactory, OpgaveFactory

pytestmark = pytest.mark.django_db


def test_the_gemeente_page_shows_the_figures_under_the_counting_rules(
    client, gemeente_user, gemeente, cyclus
):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1000, amv_plekken=80)
    LocatieFactory(
        gemeente=gemeente, plekken=400, amv_plekken=30, beschikbaar_vanaf=date(2025, 7, 1)
    )
    LocatieFactory(
        gemeente=gemeente,
        plekken=99,
        beschikbaar_vanaf=date(2025, 7, 2),
        status=Status.IN_REALISATIE,
    )
    LocatieFactory(gemeente=gemeente, plekken=50, soort=Soort.NOODOPVANG)
    LocatieFactory(
        gemeente=gemeente,
        plekken=70,
        status=Status.IN_VOORBEREIDING,
        plekken_max=120,
        beschikbaar_vanaf=None,
    )
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("opvang:gemeente_detail", args=[gemeente.code]), {"cyclus": 1})
    cijfers = response.context["cijfers"]
    assert (cijfers.telling.hard, cijfers.telling.hard_amv, cijfers.telling.hard_plan) == (
        400,
        30,
        99,
    )
    assert (cijfers.telling.planvoorraad_min, cijfers.telling.planvoorraad_max) == (70, 120)
    assert str(cijfers.dekking_percentage) == "49.9"
    content = response.content.decode()
    assert "49,9%" in content
    assert "1.000" in content


def test_the_latest_version_of_the_opgave_applies(client, gemeente_user, gemeente, cyclus):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1988, datum=date(2024, 2, 1))
    OpgaveFactory(
        gemeente=gemeente,
        cyclus=cyclus,
        plekken=1946,
        grondslag="verdeelbesluit",
        datum=date(2024, 12, 31),
    )
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("opvang:gemeente_detail", args=[gemeente.code]))
    assert response.context["cijfers"].opgave_plekken == 1946
    assert "1.988" in response.content.decode()  # the earlier version is still shown


def test_the_gemeente_page_runs_in_constant_queries(
    client, gemeente_user, gemeente, cyclus, django_assert_max_num_queries
):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    LocatieFactory.create_batch(3, gemeente=gemeente)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("opvang:gemeente_detail", args=[gemeente.code]))
    LocatieFactory.create_batch(40, gemeente=gemeente)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("opvang:gemeente_detail", args=[gemeente.code]))


def test_prt_sees_every_gemeente_of_the_province_only(
    client,
    prt_user,
    gemeente,
    andere_gemeente,
    vreemde_gemeente,
    cyclus,
    django_assert_max_num_queries,
):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "rapportage:dashboard", args=[prt_user.provincie.code]
    )
    namen = [row.record.naam for row in response.context["overzicht"].table.rows]
    assert sorted(namen) == ["Amersfoort", "Utrecht"]
    assert (
        client.get(reverse("opvang:gemeente_detail", args=[andere_gemeente.code])).status_code
        == 200
    )
    assert (
        client.get(reverse("opvang:gemeente_detail", args=[vreemde_gemeente.code])).status_code
        == 404
    )


def test_anonymous_users_go_to_the_login_page(client, gemeente):
    response = client.get(reverse("opvang:gemeente_detail", args=[gemeente.code]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_peildatum_in_the_url_sets_the_current_capacity(client, prt_user, gemeente, cyclus):
    LocatieFactory(
        gemeente=gemeente,
        plekken=40,
        beschikbaar_vanaf=date(2024, 1, 1),
        beschikbaar_tot=date(2024, 12, 31),
        status=Status.BEEINDIGD,
    )
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    url = reverse("opvang:gemeente_detail", args=[gemeente.code])
    toen = client.get(url, {"cyclus": 1, "peildatum": "2024-10-15"}).context["cijfers"]
    nu = client.get(url, {"cyclus": 1}).context["cijfers"]
    assert (toen.peildatum, toen.telling.huidig) == (date(2024, 10, 15), 40)
    assert nu.telling.huidig == 0
