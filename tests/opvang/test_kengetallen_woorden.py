"""The gemeente page's key figures say what an empty figure means, not '0–0'."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, OpgaveFactory

pytestmark = pytest.mark.django_db


def test_an_opgave_of_zero_is_not_called_missing_and_an_empty_range_is_a_dash(
    client, gemeente, gemeente_user, cyclus
):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=0, amv_plekken=0)
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    url = reverse("opvang:gemeente_detail", args=[gemeente.code])
    html = client.get(url, {"cyclus": cyclus.nummer}).content.decode()
    assert "de opgave is 0: er worden geen plekken gevraagd" in html
    assert "geen opgave bekend" not in html
    assert "0–0" not in html


def test_without_an_opgave_the_page_says_so(client, gemeente, gemeente_user, cyclus):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    url = reverse("opvang:gemeente_detail", args=[gemeente.code])
    html = client.get(url, {"cyclus": cyclus.nummer}).content.decode()
    assert "geen opgave bekend" in html
