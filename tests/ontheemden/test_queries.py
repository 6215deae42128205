"""The GOO pages run in a fixed number of queries, whatever the amount of data."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from ontheemden import services
from tests.factories import GemeenteFactory

from .factories import GooLocatieFactory, hand_computed_case

pytestmark = pytest.mark.django_db
Q = "?peildatum=2026-03-31"
# Session, user, gemeente or province, then the selector's fixed reads.
MAX_GEMEENTE_PAGE = 11
MAX_DASHBOARD = 9


def grow(provincie, user, gemeenten, locaties):
    for _ in range(gemeenten):
        g = GemeenteFactory(provincie=provincie)
        services.streefgetal_vastleggen(
            provincie=provincie,
            gemeente_code=g.code,
            aantal=40,
            bron="PRT",
            datum=date(2026, 1, 1),
            user=user,
        )
        for i in range(locaties):
            loc = GooLocatieFactory(gemeente=g, beschikbaar_tot=date(2026, 4, 1) + timedelta(i))
            for dag in (1, 15):
                services.bezetting_vastleggen(
                    locatie=loc, peildatum=date(2026, 3, dag), bezet=10, user=user
                )


def extra_locations(gemeente, user, n):
    for i in range(n):
        loc = GooLocatieFactory(gemeente=gemeente, naam=f"Extra {i}")
        services.bezetting_vastleggen(
            locatie=loc, peildatum=date(2026, 3, 1), bezet=i % 40, user=user
        )


@pytest.mark.parametrize("size", [1, 4])
def test_the_gemeente_page_runs_in_a_fixed_number_of_queries(
    client, gemeente, gemeente_user, prt_user, size, django_assert_max_num_queries
):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    extra_locations(gemeente, gemeente_user, 3 * size)
    grow(gemeente.provincie, prt_user, size, size)
    client.force_login(gemeente_user)
    with django_assert_max_num_queries(MAX_GEMEENTE_PAGE):
        response = client.get(reverse("ontheemden:gemeente_detail", args=[gemeente.code]) + Q)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 5])
def test_the_dashboard_and_exports_run_in_a_fixed_number_of_queries(
    client, gemeente, gemeente_user, prt_user, size, django_assert_max_num_queries
):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    grow(gemeente.provincie, prt_user, 2 * size, size)
    client.force_login(prt_user)
    for name in ("ontheemden:dashboard", "ontheemden:dashboard_csv", "ontheemden:dashboard_xlsx"):
        with django_assert_max_num_queries(MAX_DASHBOARD):
            response = client.get(reverse(name, args=[gemeente.provincie.code]) + Q)
        assert response.status_code == 200
        if name == "ontheemden:dashboard":
            assert f"van {1 + 2 * size})" in response.content.decode()
