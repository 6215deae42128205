"""Every change of a user's rights is in an append-only trail and in the security log."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import DatabaseError, transaction
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import rechtenwijziging_vastleggen
from gemeenten.constants import Gebeurtenis, Rol
from gemeenten.models import Rechtenwijziging, User
from gemeenten.query import RechtenwijzigingIsVastgelegd

pytestmark = pytest.mark.django_db


def trail(user):
    """Return the user's trail, oldest first, as (what, old, new, by whom)."""
    return [
        (w.gebeurtenis, w.oud, w.nieuw, w.door)
        for w in Rechtenwijziging.objects.filter(gebruiker=user).order_by("pk")
    ]


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "rol": user.rol,
        "gemeente": user.gemeente_id or "",
        "provincie": user.provincie_id or "",
    }
    return data | changes


def change_user(client, user, **changes):
    response = client.post(
        reverse("admin:gemeenten_user_change", args=[user.pk]), user_form(user, **changes)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()


@pytest.fixture
def entry(prt_user):
    return rechtenwijziging_vastleggen(
        gebruiker=prt_user, gebeurtenis=Gebeurtenis.GEDEACTIVEERD, oud={"is_active": True}
    )


def test_the_app_refuses_to_change_or_delete_the_trail(entry):
    entry.oud = {"is_active": False}
    with pytest.raises(RechtenwijzigingIsVastgelegd):
        entry.save()
    with pytest.raises(RechtenwijzigingIsVastgelegd):
        entry.delete()
    with pytest.raises(RechtenwijzigingIsVastgelegd):
        Rechtenwijziging.objects.all().delete()
    with pytest.raises(RuntimeError):
        Rechtenwijziging.objects.update(oud=None)


@pytest.mark.parametrize("statement", ["UPDATE {t} SET oud = NULL", "DELETE FROM {t}"])
def test_the_database_refuses_to_change_the_trail(entry, statement):
    table = Rechtenwijziging._meta.db_table
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        transaction.get_connection().cursor() as cursor,
    ):
        cursor.execute(statement.format(t=table))
    assert Rechtenwijziging.objects.get().oud == {"is_active": True}


def test_a_user_created_in_the_admin_is_recorded_with_who_and_from_where(
    client, provinciale_beheer_user, provincie, security_events
):
    client.force_login(provinciale_beheer_user)
    data = {"username": "nieuw", "email": "nieuw@example.nl", "rol": Rol.CVDK}
    client.post(reverse("admin:gemeenten_user_add"), data | {"provincie": provincie.pk})
    nieuw = User.objects.get(username="nieuw")
    [aangemaakt, link] = Rechtenwijziging.objects.filter(gebruiker=nieuw).order_by("pk")
    assert (aangemaakt.gebeurtenis, aangemaakt.door, aangemaakt.oud) == (
        Gebeurtenis.GEBRUIKER_AANGEMAAKT,
        provinciale_beheer_user,
        None,
    )
    assert aangemaakt.nieuw == {
        "rol": "cvdk",
        "gemeente": None,
        "provincie": "PV26",
        "is_superuser": False,
        "is_staff": False,
        "is_active": True,
        "email": "nieuw@example.nl",
    }
    assert aangemaakt.ip_address == "127.0.0.1"
    assert link.gebeurtenis == Gebeurtenis.LINK_VERSTUURD
    event = security_events[security_events.names().index("gebruiker.aangemaakt")]
    assert (event["actor"], event["object"]) == ("beheer-utrecht", f"gemeenten.user:{nieuw.pk}")
    assert "nieuw@example.nl" not in str(security_events)


def test_a_change_of_role_and_scope_is_recorded_with_old_and_new(
    client, provinciale_beheer_user, prt_user, gemeente
):
    client.force_login(provinciale_beheer_user)
    change_user(client, prt_user, rol=Rol.GEMEENTE, gemeente=gemeente.pk, provincie="")
    oud = {"rol": "prt", "gemeente": None, "provincie": "PV26"}
    nieuw = {"rol": "gemeente", "gemeente": "GM0344", "provincie": None}
    assert trail(prt_user) == [(Gebeurtenis.ROL_GEWIJZIGD, oud, nieuw, provinciale_beheer_user)]


def test_becoming_beheer_records_the_role_the_staff_flag_and_the_group(
    client, provinciale_beheer_user, prt_user
):
    client.force_login(provinciale_beheer_user)
    change_user(client, prt_user, rol=Rol.BEHEER)
    assert [(g, o, n) for g, o, n, _ in trail(prt_user)] == [
        (Gebeurtenis.GROEPEN_GEWIJZIGD, {"groups": []}, {"groups": ["Beheer"]}),
        (Gebeurtenis.ROL_GEWIJZIGD, {"rol": "prt"}, {"rol": "beheer"}),
        (Gebeurtenis.SUPERUSER_STAF_GEWIJZIGD, {"is_staff": False}, {"is_staff": True}),
    ]


def test_a_superuser_change_and_an_email_change_are_recorded(client, beheer_user, prt_user):
    client.force_login(beheer_user)
    change_user(client, prt_user, is_superuser="on", email="ander@example.nl")
    assert trail(prt_user) == [
        (
            Gebeurtenis.SUPERUSER_STAF_GEWIJZIGD,
            {"is_superuser": False, "is_staff": False},
            {"is_superuser": True, "is_staff": True},  # a superuser is staff too
            beheer_user,
        ),
        (
            Gebeurtenis.EMAIL_GEWIJZIGD,
            {"email": "prt@example.nl"},
            {"email": "ander@example.nl"},
            beheer_user,
        ),
    ]


def test_deactivating_and_activating_are_recorded(
    client, provinciale_beheer_user, prt_user, security_events
):
    client.force_login(provinciale_beheer_user)
    change_user(client, prt_user, is_active="")
    change_user(client, prt_user, is_active="on")
    assert [g for g, *_ in trail(prt_user)] == [Gebeurtenis.GEDEACTIVEERD, Gebeurtenis.GEACTIVEERD]
    assert {"gebruiker.gedeactiveerd", "gebruiker.geactiveerd"} <= set(security_events.names())


def test_a_save_that_changes_no_right_records_nothing(client, provinciale_beheer_user, prt_user):
    client.force_login(provinciale_beheer_user)
    change_user(client, prt_user, first_name="Anders")
    assert trail(prt_user) == []


def test_sending_a_link_and_setting_the_password_with_it_are_recorded(
    client, provinciale_beheer_user, prt_user
):
    client.force_login(provinciale_beheer_user)
    client.post(
        reverse("admin:gemeenten_user_changelist"),
        {"action": "wachtwoordlink_sturen", "_selected_action": [prt_user.pk]},
    )
    client.logout()
    [link] = re.findall(r"http://127\.0\.0\.1:8000(\S+)", mail.outbox[0].body)
    form = client.get(link, follow=True)
    wachtwoord = "een-zelfgekozen-lange-zin-2026"
    data = {"new_password1": wachtwoord, "new_password2": wachtwoord}
    client.post(form.redirect_chain[-1][0], data)
    assert trail(prt_user) == [
        (Gebeurtenis.LINK_VERSTUURD, None, None, provinciale_beheer_user),
        (Gebeurtenis.WACHTWOORD_INGESTELD, None, None, prt_user),
    ]


@pytest.mark.parametrize("model", [TOTPDevice, StaticDevice])
def test_removing_a_second_factor_is_recorded_both_ways(
    client, provinciale_beheer_user, prt_user, model, security_events
):
    first = model.objects.create(user=prt_user, name="eerste")
    second = model.objects.create(user=prt_user, name="tweede")
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    client.force_login(provinciale_beheer_user)
    client.post(reverse(f"{prefix}_delete", args=[first.pk]), {"post": "yes"})
    client.post(
        reverse(f"{prefix}_changelist"),
        {"action": "delete_selected", "_selected_action": [second.pk], "post": "yes"},
    )
    assert not model.objects.exists()
    apparaat = model._meta.label_lower
    assert trail(prt_user) == [
        (
            Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD,
            {"apparaat": apparaat, "naam": naam},
            None,
            provinciale_beheer_user,
        )
        for naam in ("eerste", "tweede")
    ]
    assert security_events.names().count("otp.verwijderd") == 2


def test_group_and_permission_changes_are_recorded_whatever_the_path(prt_user):
    groep = Group.objects.create(name="Lezers")
    recht = Permission.objects.get(codename="view_locatie")
    prt_user.groups.add(groep)
    groep.user_set.remove(prt_user)
    groep.user_set.remove(prt_user)  # not a member: nothing changes, nothing is recorded
    prt_user.user_permissions.set([recht])
    recht.user_set.clear()
    assert [(g, o, n) for g, o, n, _ in trail(prt_user)] == [
        (Gebeurtenis.GROEPEN_GEWIJZIGD, {"groups": []}, {"groups": ["Lezers"]}),
        (Gebeurtenis.GROEPEN_GEWIJZIGD, {"groups": ["Lezers"]}, {"groups": []}),
        (
            Gebeurtenis.RECHTEN_GEWIJZIGD,
            {"user_permissions": []},
            {"user_permissions": ["opvang.view_locatie"]},
        ),
        (
            Gebeurtenis.RECHTEN_GEWIJZIGD,
            {"user_permissions": ["opvang.view_locatie"]},
            {"user_permissions": []},
        ),
    ]


def test_beheer_reads_the_trail_of_its_own_scope_and_changes_nothing(
    client, provinciale_beheer_user, prt_user, vreemde_prt_user, entry
):
    vreemd = rechtenwijziging_vastleggen(
        gebruiker=vreemde_prt_user, gebeurtenis=Gebeurtenis.GEDEACTIVEERD
    )
    client.force_login(provinciale_beheer_user)
    listing = client.get(reverse("admin:gemeenten_rechtenwijziging_changelist"))
    assert listing.status_code == 200
    content = listing.content.decode()
    assert reverse("admin:gemeenten_rechtenwijziging_change", args=[entry.pk]) in content
    assert reverse("admin:gemeenten_rechtenwijziging_change", args=[vreemd.pk]) not in content
    view = client.get(reverse("admin:gemeenten_rechtenwijziging_change", args=[entry.pk]))
    assert view.status_code == 200
    assert not view.context["has_change_permission"]
    assert client.get(reverse("admin:gemeenten_rechtenwijziging_add")).status_code == 403
    delete = reverse("admin:gemeenten_rechtenwijziging_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403


def test_a_change_of_a_groups_rights_is_logged(security_events):
    groep = Group.objects.get(name="Beheer")
    groep.permissions.add(Permission.objects.get(codename="change_locatie"))
    [event] = [e for e in security_events if e["event"] == "groep.rechten_gewijzigd"]
    assert (event["object"], event["action"]) == (f"auth.group:{groep.pk}", "add")
