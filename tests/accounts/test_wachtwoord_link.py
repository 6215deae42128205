"""Nobody sets another user's password: beheer sends a link, the user sets it themselves."""

import re

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse

from accounts.services import wachtwoordlink
from gemeenten.constants import Rol
from gemeenten.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NIEUW_WACHTWOORD = "een-zelfgekozen-lange-zin-2026"


def new_user_form(provincie, **changes):
    data = {
        "username": "nieuwe-prt",
        "first_name": "Nieuwe",
        "last_name": "Collega",
        "email": "nieuwe-prt@example.nl",
        "rol": Rol.PRT,
        "gemeente": "",
        "provincie": provincie.pk,
    }
    return data | changes


def link_in(message):
    [link] = re.findall(r"https?://\S+", message.body)
    return link


@pytest.mark.parametrize("persona", ["beheer_user", "provinciale_beheer_user"])
def test_the_admin_has_no_page_to_set_another_users_password(request, client, persona, prt_user):
    client.force_login(request.getfixturevalue(persona))
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_user_password_change", args=[prt_user.pk])
    response = client.get(f"/beheer/gemeenten/user/{prt_user.pk}/password/", follow=True)
    assert 'name="password1"' not in response.content.decode()
    change = client.get(reverse("admin:gemeenten_user_change", args=[prt_user.pk]))
    assert change.status_code == 200
    assert "password" not in change.context["adminform"].form.fields
    assert "/password/" not in change.content.decode()


def test_adding_a_user_sends_a_link_and_sets_no_password(
    client, provinciale_beheer_user, provincie
):
    client.force_login(provinciale_beheer_user)
    data = new_user_form(
        provincie, password1="van-de-beheerder-2026", password2="van-de-beheerder-2026"
    )
    response = client.post(reverse("admin:gemeenten_user_add"), data)
    assert response.status_code == 302
    nieuw = User.objects.get(username="nieuwe-prt")
    assert not nieuw.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["nieuwe-prt@example.nl"]
    assert message.subject == "Opvangregister: stel uw wachtwoord in"
    assert link_in(message).startswith("http://127.0.0.1:8000/wachtwoord/instellen/")
    assert "nieuwe-prt" in message.body


def test_a_new_user_needs_an_email_address(client, provinciale_beheer_user, provincie):
    client.force_login(provinciale_beheer_user)
    response = client.post(reverse("admin:gemeenten_user_add"), new_user_form(provincie, email=""))
    assert response.status_code == 200
    assert not User.objects.filter(username="nieuwe-prt").exists()
    assert mail.outbox == []


def test_the_link_takes_its_host_from_site_url(settings, client, beheer_user, provincie):
    settings.SITE_URL = "https://opvangregister.example.nl"
    client.force_login(beheer_user)
    client.post(reverse("admin:gemeenten_user_add"), new_user_form(provincie))
    assert link_in(mail.outbox[0]).startswith("https://opvangregister.example.nl/wachtwoord/")


def test_the_user_sets_their_password_once_with_the_link(client, beheer_user, provincie):
    client.force_login(beheer_user)
    client.post(reverse("admin:gemeenten_user_add"), new_user_form(provincie))
    client.logout()
    link = link_in(mail.outbox[0]).removeprefix("http://127.0.0.1:8000")

    form = client.get(link, follow=True)
    assert form.status_code == 200
    assert "Wachtwoord instellen" in form.content.decode()
    data = {"new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD}
    done = client.post(form.redirect_chain[-1][0], data, follow=True)
    assert "Uw wachtwoord is ingesteld" in done.content.decode()
    assert client.login(username="nieuwe-prt", password=NIEUW_WACHTWOORD)
    client.logout()

    again = client.get(link, follow=True)
    assert "Deze link werkt niet" in again.content.decode()


def test_a_weak_password_is_refused_in_dutch(client, prt_user):
    url = wachtwoordlink(prt_user).removeprefix("http://127.0.0.1:8000")
    form = client.get(url, follow=True)
    data = {"new_password1": "12345678", "new_password2": "12345678"}
    response = client.post(form.redirect_chain[-1][0], data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Dit wachtwoord is te kort. De minimale lengte is 12 tekens." in content
    assert "This password" not in content


def test_a_bad_link_is_refused_in_dutch(client, prt_user):
    response = client.get(reverse("wachtwoord_instellen", args=["MQ", "onzin-token"]))
    assert response.status_code == 200
    assert "Deze link werkt niet" in response.content.decode()


def test_beheer_sends_a_link_from_the_list_to_users_in_its_scope(
    client, provinciale_beheer_user, prt_user, cvdk_user, vreemde_prt_user
):
    oud = UserFactory(username="oud", rol=Rol.PRT, provincie=prt_user.provincie, is_active=False)
    client.force_login(provinciale_beheer_user)
    response = client.post(
        reverse("admin:gemeenten_user_changelist"),
        {
            "action": "wachtwoordlink_sturen",
            "_selected_action": [prt_user.pk, oud.pk, vreemde_prt_user.pk],
        },
        follow=True,
    )
    assert [m.to for m in mail.outbox] == [[prt_user.email]]
    content = response.content.decode()
    assert "Link om het wachtwoord in te stellen verstuurd naar 1 gebruiker." in content
    assert "1 gebruiker zonder e-mailadres of niet actief kreeg geen link." in content


def test_the_action_is_offered_as_the_readme_names_it(client, provinciale_beheer_user):
    client.force_login(provinciale_beheer_user)
    response = client.get(reverse("admin:gemeenten_user_changelist"))
    assert "Stuur link om wachtwoord in te stellen" in response.content.decode()


def test_beheer_cannot_redirect_the_link_by_changing_an_email_address(
    client, provinciale_beheer_user, prt_user
):
    client.force_login(provinciale_beheer_user)
    page = client.get(reverse("admin:gemeenten_user_change", args=[prt_user.pk]))
    assert "email" not in page.context["adminform"].form.fields


def test_a_superuser_may_correct_an_email_address(client, beheer_user, prt_user):
    client.force_login(beheer_user)
    page = client.get(reverse("admin:gemeenten_user_change", args=[prt_user.pk]))
    assert "email" in page.context["adminform"].form.fields
