"""A beheer user who is no superuser manages users, reference data and targets only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.admin import BUITEN_BEREIK
from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol
from gemeenten.models import User
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
            "email": "nieuwe-beheerder@example.nl",
            "rol": Rol.BEHEER,
            "gemeente": "",
            "provincie": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    nieuw = User.objects.get(username="nieuwe-beheerder")
    assert nieuw.is_staff and nieuw.groups.filter(name="Beheer").exists()


def user_data(user, **changes):
    """The fields of a user's change form in /beheer/, as a browser posts them."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "rol": user.rol,
        "gemeente": user.gemeente_id or "",
        "provincie": user.provincie_id or "",
        "date_joined_0": "2025-01-01",
        "date_joined_1": "12:00:00",
        "last_login_0": "",
        "last_login_1": "",
    }
    data.update(changes)
    return data


def escalation():
    """What a beheer user would post to get more rights than its own."""
    extra = Group.objects.create(name="Alles")
    extra.permissions.set(Permission.objects.all())
    return {
        "is_superuser": "on",
        "is_staff": "on",
        "groups": [g.pk for g in Group.objects.all()],
        "user_permissions": list(Permission.objects.values_list("pk", flat=True)),
    }


def rights(user):
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        sorted(user.groups.values_list("name", flat=True)),
        user.user_permissions.count(),
    )


@pytest.mark.parametrize("persona", ["provinciale_beheer_user", "landelijke_beheer_user"])
def test_beheer_cannot_make_itself_superuser(request, client, persona, gemeente):
    beheerder = request.getfixturevalue(persona)
    before = rights(beheerder)
    client.force_login(beheerder)
    client.post(
        reverse("admin:gemeenten_user_change", args=[beheerder.pk]),
        user_data(beheerder, **escalation()),
    )
    assert rights(beheerder) == before == (False, True, ["Beheer"], 0)
    # And so it still changes no location's figures.
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)
    client.post(reverse("admin:opvang_locatie_change", args=[locatie.pk]), {"plekken": "1"})
    locatie.refresh_from_db()
    assert locatie.plekken == 100


@pytest.mark.parametrize("persona", ["provinciale_beheer_user", "landelijke_beheer_user"])
def test_beheer_grants_no_other_user_more_than_its_role(request, client, persona, prt_user):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("admin:gemeenten_user_change", args=[prt_user.pk]),
        user_data(prt_user, **escalation()),
    )
    assert response.status_code == 302
    assert rights(prt_user) == (False, False, [], 0)


def test_beheer_of_a_province_cannot_make_a_national_beheer(
    client, provinciale_beheer_user, prt_user
):
    client.force_login(provinciale_beheer_user)
    response = client.post(
        reverse("admin:gemeenten_user_change", args=[prt_user.pk]),
        user_data(prt_user, rol=Rol.BEHEER, provincie=""),
    )
    prt_user.refresh_from_db()
    assert response.status_code == 200
    assert BUITEN_BEREIK.format(provincie="Utrecht") in response.content.decode()
    assert (prt_user.rol, prt_user.provincie_id) == (Rol.PRT, provinciale_beheer_user.provincie_id)


@pytest.mark.parametrize("persona", ["provinciale_beheer_user", "landelijke_beheer_user"])
def test_beheer_cannot_see_or_change_a_superuser(request, client, persona, beheer_user):
    client.force_login(request.getfixturevalue(persona))
    change = reverse("admin:gemeenten_user_change", args=[beheer_user.pk])
    assert client.get(change).status_code == 302  # "does not exist" back to the index
    client.post(change, user_data(beheer_user, is_active="", first_name="Overgenomen"))
    beheer_user.refresh_from_db()
    assert beheer_user.is_active and beheer_user.first_name == ""
    listing = client.get(reverse("admin:gemeenten_user_changelist")).content.decode()
    assert f"/{beheer_user.pk}/change/" not in listing


def test_a_superuser_may_make_a_superuser(client, beheer_user, prt_user):
    client.force_login(beheer_user)
    response = client.post(
        reverse("admin:gemeenten_user_change", args=[prt_user.pk]),
        user_data(prt_user, is_superuser="on", is_staff="on"),
    )
    assert response.status_code == 302
    assert rights(prt_user)[:2] == (True, True)
