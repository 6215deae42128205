from datetime import date

import pytest
from django.urls import reverse

from opvang import forms, velden
from opvang.constants import Soort, Status
from opvang.models import Locatie
from tests.factories import TEST_PASSWORD, LocatieFactory

pytestmark = pytest.mark.django_db

GELDIG = {
    "naam": "azc Joseph Haydnlaan",
    "soort": Soort.AZC,
    "status": Status.IN_GEBRUIK,
    "plekken": "400",
    "plekken_max": "",
    "amv_plekken": "20",
    "beschikbaar_vanaf": "2024-03-01",
    "beschikbaar_tot": "",
    "toelichting": "",
}


@pytest.fixture
def ingelogd(client, gemeente_user):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    return client


def test_a_gemeente_user_adds_a_location(ingelogd, gemeente, cyclus):
    response = ingelogd.post(reverse("opvang:locatie_nieuw", args=[gemeente.code]), GELDIG)
    locatie = Locatie.objects.get(naam="azc Joseph Haydnlaan")
    assert response.status_code == 302
    assert response.url == locatie.get_absolute_url()
    assert (locatie.gemeente, locatie.plekken, locatie.amv_plekken) == (gemeente, 400, 20)


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"amv_plekken": "500"},
            "amv_plekken",
            velden.AMV_TE_GROOT.format(amv_plekken=500, plekken=400),
        ),
        ({"plekken_max": "500"}, "plekken_max", forms.MAX_ALLEEN_INITIATIEF),
        (
            {"status": Status.IN_VOORBEREIDING, "plekken_max": "300"},
            "plekken_max",
            velden.MAX_TE_KLEIN.format(plekken_max=300, plekken=400),
        ),
        (
            {"beschikbaar_vanaf": ""},
            "beschikbaar_vanaf",
            velden.VANAF_VERPLICHT.format(status="in gebruik"),
        ),
        ({"beschikbaar_tot": "2024-01-01"}, "beschikbaar_tot", velden.TOT_VOOR_VANAF),
        (
            {"plekken": "-3"},
            "plekken",
            "Zorg ervoor dat deze waarde minstens 0 is.",
        ),
    ],
)
def test_invalid_input_gets_a_dutch_message_and_saves_nothing(
    ingelogd, gemeente, wijziging, veld, melding
):
    response = ingelogd.post(
        reverse("opvang:locatie_nieuw", args=[gemeente.code]), {**GELDIG, **wijziging}
    )
    assert response.status_code == 200
    assert melding in response.context["form"].errors[veld]
    assert not Locatie.objects.exists()


def test_a_duplicate_name_in_the_same_gemeente_is_refused(ingelogd, gemeente):
    LocatieFactory(gemeente=gemeente, naam="azc Joseph Haydnlaan")
    response = ingelogd.post(reverse("opvang:locatie_nieuw", args=[gemeente.code]), GELDIG)
    assert (
        forms.NAAM_BESTAAT.format(naam="azc Joseph Haydnlaan")
        in response.context["form"].errors["naam"]
    )
    assert Locatie.objects.count() == 1


def test_a_gemeente_user_edits_a_location_and_the_version_goes_up(ingelogd, gemeente):
    locatie = LocatieFactory(gemeente=gemeente, naam="azc Joseph Haydnlaan", plekken=300)
    data = {**GELDIG, "plekken": "350", "versie": "1"}
    response = ingelogd.post(reverse("opvang:locatie_wijzigen", args=[locatie.pk]), data)
    locatie.refresh_from_db()
    assert response.status_code == 302
    assert (locatie.plekken, locatie.versie) == (350, 2)


def test_a_stale_edit_is_refused_showing_what_changed_and_keeping_the_input(
    ingelogd, gemeente, gemeente_user
):
    locatie = LocatieFactory(gemeente=gemeente, naam="azc Joseph Haydnlaan", plekken=300)
    # A colleague saves first, from version 1.
    ingelogd.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]),
        {**GELDIG, "plekken": "320", "versie": "1"},
    )
    # The second official still edits version 1.
    response = ingelogd.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]),
        {**GELDIG, "plekken": "999", "amv_plekken": "0", "versie": "1"},
    )
    locatie.refresh_from_db()
    assert response.status_code == 409
    assert locatie.plekken == 320
    content = response.content.decode()
    assert "intussen gewijzigd door iemand anders" in content
    assert ("plekken", 300, 320) in [
        (label, oud, nieuw) for label, oud, nieuw, *_ in response.context["conflict"].wijzigingen
    ]
    assert response.context["form"]["plekken"].value() == "999"


def test_closing_a_location_keeps_it_with_its_end_date(ingelogd, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    response = ingelogd.post(
        reverse("opvang:locatie_afsluiten", args=[locatie.pk]),
        {
            "status": Status.BEEINDIGD,
            "beschikbaar_tot": "2025-03-31",
            "reden": "Pand verkocht",
            "versie": "1",
        },
    )
    locatie.refresh_from_db()
    assert response.status_code == 302
    assert (locatie.status, locatie.beschikbaar_tot) == (Status.BEEINDIGD, date(2025, 3, 31))
    assert locatie.history.first().history_change_reason == "Pand verkocht"


def test_closing_as_beeindigd_needs_an_end_date(ingelogd, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    response = ingelogd.post(
        reverse("opvang:locatie_afsluiten", args=[locatie.pk]),
        {"status": Status.BEEINDIGD, "beschikbaar_tot": "", "reden": "Gesloten", "versie": "1"},
    )
    locatie.refresh_from_db()
    assert forms.EINDDATUM_VERPLICHT in response.context["form"].errors["beschikbaar_tot"]
    assert locatie.status == Status.IN_GEBRUIK


def test_prt_reads_a_location_but_cannot_edit_it(client, prt_user, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    assert client.get(locatie.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]), {**GELDIG, "versie": "1"}
    )
    assert response.status_code == 403
    locatie.refresh_from_db()
    assert locatie.naam != GELDIG["naam"]


def test_another_gemeente_cannot_see_or_change_a_location(client, andere_gemeente_user, gemeente):
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)
    client.login(username=andere_gemeente_user.username, password=TEST_PASSWORD)
    assert client.get(locatie.get_absolute_url()).status_code == 404
    response = client.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]),
        {**GELDIG, "plekken": "1", "versie": "1"},
    )
    assert response.status_code == 404
    locatie.refresh_from_db()
    assert locatie.plekken == 100
