"""A beheer user who is no superuser manages users, reference data and targets only."""

import pytest
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.models import User
from gemeenten.services import gebruiker_rechten_toepassen
from tests.factories import LocatieFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(provincie):
    user = UserFactory(username="beheerder", rol=Rol.BEHEER, gemeente=None)
    gebruiker_rechten_toepassen(user=user)
    return user


def test_beheer_manages_users_reference_data_and_targets(client, beheerder):
    client.force_login(beheerder)
    for naam in [
        "admin:gemeenten_user_changelist",
        "admin:gemeenten_user_add",
        "admin:gemeenten_gemeente_changelist",
        "admin:opvang_cyclus_add",
        "admin:opvang_opgave_add",
        "admin:opvang_locatie_changelist",
        "admin:otp_totp_totpdevice_changelist",
    ]:
        assert client.get(reverse(naam)).status_code == 200, naam


def test_beheer_changes_no_location(client, beheerder, gemeente):
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:opvang_locatie_change", args=[locatie.pk]),
        {
            "gemeente": gemeente.pk,
            "naam": locatie.naam,
            "soort": locatie.soort,
            "status": locatie.status,
            "plekken": "1",
            "amv_plekken": "0",
            "beschikbaar_vanaf": "2024-01-01",
        },
    )
    locatie.refresh_from_db()
    assert response.status_code == 403
    assert locatie.plekken == 100


def test_another_role_loses_the_beheer_rights(beheerder, gemeente):
    beheerder.rol, beheerder.gemeente = Rol.GEMEENTE, gemeente
    beheerder.save()
    gebruiker_rechten_toepassen(user=beheerder)
    assert not beheerder.is_staff
    assert not beheerder.groups.exists()


def test_saving_a_user_in_the_admin_applies_the_role(client, beheer_user, gemeente):
    client.force_login(beheer_user)
    response = client.post(
        reverse("admin:gemeenten_user_add"),
        {
            "username": "nieuwe-beheerder",
            "password1": "een-lang-wachtwoord-2026",
            "password2": "een-lang-wachtwoord-2026",
            "usable_password": "true",
            "rol": Rol.BEHEER,
            "gemeente": "",
            "provincie": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    nieuw = User.objects.get(username="nieuwe-beheerder")
    assert nieuw.is_staff and nieuw.groups.filter(name="Beheer").exists()
