"""A user's own password: a link when it is forgotten, changing it, and logging out."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import WACHTWOORD_VERGETEN_PER_UUR
from gemeenten.constants import Gebeurtenis
from gemeenten.models import Rechtenwijziging
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NIEUW = "een-nieuwe-lange-zin-voor-2027"
VERSTUURD = "Als het adres bij een actief account hoort"


def vraag_link(client, email):
    return client.post(reverse("wachtwoord_vergeten"), {"email": email}, follow=True)


def test_a_forgotten_password_mails_a_link_that_sets_a_new_one(client, prt_user):
    response = vraag_link(client, prt_user.email.upper())
    assert VERSTUURD in response.content.decode()
    [bericht] = mail.outbox
    assert bericht.to == [prt_user.email]
    [link] = re.findall(r"https?://\S+", bericht.body)
    assert Rechtenwijziging.objects.filter(
        gebruiker=prt_user, gebeurtenis=Gebeurtenis.LINK_VERSTUURD, door=None
    ).exists()
    pad = link.split("://", 1)[1].split("/", 1)[1]
    formulier = client.get("/" + pad, follow=True)
    client.post(
        formulier.redirect_chain[-1][0] if formulier.redirect_chain else "/" + pad,
        {"new_password1": NIEUW, "new_password2": NIEUW},
    )
    prt_user.refresh_from_db()
    assert prt_user.check_password(NIEUW)


def test_an_unknown_or_inactive_address_gets_the_same_page_and_no_mail(client):
    inactief = UserFactory(email="weg@example.nl", is_active=False)
    for email in ("onbekend@example.nl", inactief.email):
        response = vraag_link(client, email)
        assert VERSTUURD in response.content.decode()
    assert mail.outbox == []


def test_an_invalid_address_is_refused_in_dutch(client):
    response = client.post(reverse("wachtwoord_vergeten"), {"email": "geen-adres"})
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert mail.outbox == []


def test_requests_over_the_hourly_limit_send_nothing(client, prt_user):
    for _ in range(WACHTWOORD_VERGETEN_PER_UUR + 2):
        vraag_link(client, prt_user.email)
    assert len(mail.outbox) == WACHTWOORD_VERGETEN_PER_UUR


def test_changing_ones_password_needs_the_old_one_and_is_recorded(client, gemeente_user):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    url = reverse("wachtwoord_wijzigen")
    fout = client.post(
        url, {"old_password": "fout", "new_password1": NIEUW, "new_password2": NIEUW}
    )
    assert fout.status_code == 200
    gemeente_user.refresh_from_db()
    assert gemeente_user.check_password(TEST_PASSWORD)
    goed = client.post(
        url,
        {"old_password": TEST_PASSWORD, "new_password1": NIEUW, "new_password2": NIEUW},
        follow=True,
    )
    assert "Uw wachtwoord is gewijzigd." in goed.content.decode()
    assert goed.context["user"].is_authenticated
    gemeente_user.refresh_from_db()
    assert gemeente_user.check_password(NIEUW)
    assert Rechtenwijziging.objects.filter(
        gebruiker=gemeente_user, gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD, door=gemeente_user
    ).exists()


def test_logging_out_says_so(client, gemeente_user):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.post(reverse("logout"), follow=True)
    assert "U bent uitgelogd." in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_the_footer_names_the_helpdesk_and_links_help_and_accessibility(client, settings):
    settings.HELPDESK = {
        "naam": "Functioneel beheer",
        "email": "opvangregister@provincie.example",
        "telefoon": "030 123 45 67",
        "bereikbaar": "Werkdagen van 9.00 tot 17.00 uur",
    }
    settings.ORGANISATIE = "Provincie Voorbeeld"
    html = client.get(reverse("toegankelijkheid")).content.decode()
    assert "mailto:opvangregister@provincie.example" in html
    assert 'href="tel:0301234567"' in html
    assert "Provincie Voorbeeld wil dat iedereen" in html
    assert reverse("hulp") in html


def test_without_a_helpdesk_the_footer_refers_to_the_province(client, settings):
    settings.HELPDESK = {"naam": "", "email": "", "telefoon": "", "bereikbaar": ""}
    html = client.get(reverse("hulp")).content.decode()
    assert "Neem contact op met de beheerder van het Opvangregister bij uw provincie." in html
    assert "Harde opvangcapaciteit" in html
