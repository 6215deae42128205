"""Opening and closing an uitvraag: no deadline in the past, closing only when confirmed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from opvang import services
from opvang.forms import DEADLINE_VERSTREKEN, SLUITEN_NIET_BEVESTIGD
from opvang.models import Uitvraag
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def prt(client, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    return client


def test_an_uitvraag_with_a_deadline_in_the_past_is_refused(prt, cyclus):
    gisteren = timezone.localdate() - timedelta(days=1)
    response = prt.post(
        reverse("opvang:uitvraag_nieuw"), {"cyclus": cyclus.pk, "deadline": gisteren}
    )
    assert response.status_code == 200
    assert DEADLINE_VERSTREKEN in response.content.decode()
    assert not Uitvraag.objects.exists()


def test_an_uitvraag_with_todays_deadline_opens(prt, cyclus):
    vandaag = timezone.localdate()
    response = prt.post(
        reverse("opvang:uitvraag_nieuw"), {"cyclus": cyclus.pk, "deadline": vandaag}
    )
    assert response.status_code == 302
    assert Uitvraag.objects.get().deadline == vandaag


@pytest.fixture
def open_uitvraag(prt_user, cyclus):
    deadline = timezone.localdate() + timedelta(days=14)
    return services.uitvraag_openen(
        provincie=prt_user.provincie, user=prt_user, cyclus=cyclus, deadline=deadline, bericht=""
    )


def test_closing_without_confirmation_changes_nothing(prt, open_uitvraag):
    url = reverse("opvang:uitvraag_sluiten", args=[open_uitvraag.pk])
    response = prt.post(url, follow=True)
    open_uitvraag.refresh_from_db()
    assert open_uitvraag.is_open
    assert SLUITEN_NIET_BEVESTIGD in response.content.decode()


def test_closing_with_confirmation_closes(prt, open_uitvraag):
    detail = prt.get(open_uitvraag.get_absolute_url()).content.decode()
    assert 'name="bevestigd"' in detail
    url = reverse("opvang:uitvraag_sluiten", args=[open_uitvraag.pk])
    response = prt.post(url, {"bevestigd": "on"}, follow=True)
    open_uitvraag.refresh_from_db()
    assert not open_uitvraag.is_open
    assert "De uitvraag is gesloten." in response.content.decode()


def test_the_review_remark_is_not_called_optional_and_selects_ask_for_a_choice(
    client, prt_user, gemeente_user, open_uitvraag
):
    indiening, _ = services.indiening_indienen(
        uitvraag=open_uitvraag, gemeente=gemeente_user.gemeente, user=gemeente_user
    )
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    review = client.get(indiening.get_absolute_url()).content.decode()
    assert "Verplicht bij terugsturen" in review
    assert "(optioneel)" not in review
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    nieuw = client.get(reverse("opvang:locatie_nieuw", args=[gemeente_user.gemeente.code]))
    html = nieuw.content.decode()
    assert '<option value="" selected>Maak een keuze</option>' in html
    assert "---------" not in html


def test_the_uitvraag_page_shows_progress_and_overdue_gemeenten(
    prt, prt_user, gemeente_user, cyclus
):
    uitvraag = services.uitvraag_openen(
        provincie=prt_user.provincie,
        user=prt_user,
        cyclus=cyclus,
        deadline=timezone.localdate() - timedelta(days=2),
        bericht="",
    )
    html = prt.get(uitvraag.get_absolute_url()).content.decode()
    assert "ingediend, 0 akkoord, 0 teruggestuurd" in html
    assert "de deadline is 2 dagen verstreken" in html
    assert "te laat" in html
