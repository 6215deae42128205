"""Extra fields posted to any form change nothing the form is not meant to change.

Every form has an explicit field list; these tests post what an attacker would add
(gemeente, provincie, status, version, id, is_demo, who submitted or reviewed) and
check the stored objects.
"""

from datetime import date

import pytest
from django.urls import reverse

from gemeenten.constants import Rol
from opvang.constants import IndieningStatus, Status
from opvang.models import Locatie, Uitvraag
from tests.factories import TEST_PASSWORD, LocatieFactory, ingediende_indiening

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvaller_velden(andere_gemeente, vreemde_prt_user, andere_provincie):
    """Fields no form offers, pointing at someone else's data."""
    return {
        "id": 987654,
        "pk": 987654,
        "gemeente": andere_gemeente.pk,
        "gemeente_id": andere_gemeente.pk,
        "provincie": andere_provincie.pk,
        "versie": 99,
        "is_demo": "on",
        "submitted_by": vreemde_prt_user.pk,
        "ingediend_door": vreemde_prt_user.pk,
        "beoordeeld_door": vreemde_prt_user.pk,
        "geopend_door": vreemde_prt_user.pk,
        "gesloten_op": "2025-01-01T00:00",
        "snapshot": "{}",
        "aangemaakt_op": "2000-01-01T00:00",
    }


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)


LOCATIE_DATA = {
    "naam": "Nieuwe locatie",
    "soort": "azc",
    "status": Status.IN_GEBRUIK,
    "plekken": 50,
    "amv_plekken": 0,
    "beschikbaar_vanaf": "2025-01-01",
    "toelichting": "",
}


def test_creating_a_location_ignores_extra_fields(
    client, gemeente, gemeente_user, aanvaller_velden
):
    login(client, gemeente_user)
    url = reverse("opvang:locatie_nieuw", args=[gemeente.code])
    response = client.post(url, {**aanvaller_velden, **LOCATIE_DATA})
    assert response.status_code == 302
    locatie = Locatie.objects.get()
    assert locatie.gemeente == gemeente
    assert locatie.pk != 987654
    assert locatie.versie == 1
    assert locatie.aangemaakt_op.year > 2000


def test_changing_a_location_ignores_extra_fields(
    client, gemeente, gemeente_user, aanvaller_velden
):
    locatie = LocatieFactory(gemeente=gemeente, naam="Oud")
    login(client, gemeente_user)
    data = {**aanvaller_velden, **LOCATIE_DATA, "naam": "Nieuw", "versie": locatie.versie}
    response = client.post(reverse("opvang:locatie_wijzigen", args=[locatie.pk]), data)
    assert response.status_code == 302
    locatie.refresh_from_db()
    assert (locatie.naam, locatie.gemeente, locatie.versie) == ("Nieuw", gemeente, 2)
    assert Locatie.objects.count() == 1


def test_closing_a_location_changes_only_status_and_end_date(
    client, gemeente, gemeente_user, aanvaller_velden
):
    locatie = LocatieFactory(gemeente=gemeente, naam="Blijft", plekken=100)
    login(client, gemeente_user)
    data = {
        **aanvaller_velden,
        "naam": "Anders",
        "plekken": 1,
        "status": Status.BEEINDIGD,
        "beschikbaar_tot": "2025-06-30",
        "reden": "Gesloten",
        "versie": locatie.versie,
    }
    response = client.post(reverse("opvang:locatie_afsluiten", args=[locatie.pk]), data)
    assert response.status_code == 302
    locatie.refresh_from_db()
    assert (locatie.naam, locatie.plekken, locatie.gemeente) == ("Blijft", 100, gemeente)
    assert (locatie.status, locatie.beschikbaar_tot) == (Status.BEEINDIGD, date(2025, 6, 30))


def test_opening_an_uitvraag_ignores_extra_fields(
    client, provincie, prt_user, cyclus, aanvaller_velden
):
    login(client, prt_user)
    data = {**aanvaller_velden, "cyclus": cyclus.pk, "deadline": "2100-12-01", "bericht": "x"}
    response = client.post(reverse("opvang:uitvraag_nieuw"), data)
    assert response.status_code == 302
    uitvraag = Uitvraag.objects.get()
    assert (uitvraag.provincie, uitvraag.geopend_door) == (provincie, prt_user)
    assert uitvraag.gesloten_op is None
    assert uitvraag.pk != 987654


def test_reviewing_a_submission_ignores_extra_fields(
    client, gemeente, gemeente_user, prt_user, cyclus, aanvaller_velden
):
    indiening = ingediende_indiening(
        gemeente=gemeente, gemeente_user=gemeente_user, prt_user=prt_user, cyclus=cyclus
    )
    snapshot = indiening.snapshot
    login(client, prt_user)
    data = {
        **aanvaller_velden,
        "status": IndieningStatus.AKKOORD,
        "besluit": "terugsturen",
        "opmerking": "Graag aanvullen.",
    }
    response = client.post(reverse("opvang:indiening_beoordelen", args=[indiening.pk]), data)
    assert response.status_code == 302
    indiening.refresh_from_db()
    assert indiening.status == IndieningStatus.TERUGGESTUURD
    assert (indiening.gemeente, indiening.ingediend_door) == (gemeente, gemeente_user)
    assert indiening.beoordeeld_door == prt_user
    assert indiening.snapshot == snapshot


def test_logging_in_ignores_extra_fields(client, gemeente_user, aanvaller_velden):
    data = {
        **aanvaller_velden,
        "username": gemeente_user.username,
        "password": TEST_PASSWORD,
        "rol": Rol.BEHEER,
        "is_staff": "on",
        "is_superuser": "on",
        "is_active": "on",
    }
    assert client.post(reverse("login"), data).status_code == 302
    gemeente_user.refresh_from_db()
    assert (gemeente_user.rol, gemeente_user.gemeente_id) == (
        Rol.GEMEENTE,
        gemeente_user.gemeente.pk,
    )
    assert not gemeente_user.is_staff
    assert not gemeente_user.is_superuser
