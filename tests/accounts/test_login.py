"""Login with a password: lockout after five failures, logging, new session, password rules."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_with_axes")]


def post_login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_a_right_password_logs_in_and_is_logged(client, prt_user, security_events):
    response = post_login(client, "prt", TEST_PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")
    [event] = [e for e in security_events if e["event"] == "login.success"]
    assert event["actor"] == "prt"
    assert event["actor_id"] == prt_user.pk
    assert event["ip"] == "127.0.0.1"
    assert event["result"] == "ok"
    assert event["time"].endswith("Z")


def test_a_wrong_password_is_refused_and_logged(client, prt_user, security_events):
    response = post_login(client, "prt", "verkeerd-wachtwoord-123")
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    [event] = security_events
    assert event == {**event, "event": "login.failure", "actor": "prt", "result": "refused"}


def test_five_wrong_passwords_lock_the_account_out_with_a_dutch_message(
    client, prt_user, security_events
):
    for _ in range(4):
        assert post_login(client, "prt", "verkeerd-wachtwoord-123").status_code == 200
    response = post_login(client, "prt", "verkeerd-wachtwoord-123")
    assert response.status_code == 429
    content = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in content
    assert "Probeer het over 30 minuten opnieuw." in content
    assert "login.lockout" in security_events.names()

    # Now even the right password is refused, and that attempt is logged too.
    response = post_login(client, "prt", TEST_PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert security_events[-1]["event"] == "login.failure"
    assert security_events[-1]["result"] == "locked"


def test_the_lockout_is_per_username_and_ip(client, prt_user, cvdk_user):
    for _ in range(5):
        post_login(client, "prt", "verkeerd-wachtwoord-123")
    # Another user from the same address, and the same user from elsewhere, still get in.
    assert post_login(client, "cvdk", TEST_PASSWORD).status_code == 302
    client.logout()
    assert post_login(client, "prt", TEST_PASSWORD, REMOTE_ADDR="192.0.2.9").status_code == 302


def test_behind_one_proxy_the_forwarded_client_ip_is_counted_and_logged(
    client, settings, prt_user, security_events
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        post_login(
            client,
            "prt",
            "verkeerd-wachtwoord-123",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7",
        )
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == "203.0.113.7"
    assert attempt.failures_since_start == 2
    assert {e["ip"] for e in security_events} == {"203.0.113.7"}


def test_a_login_starts_a_new_session(client, prt_user):
    session = client.session
    session["iets"] = "voor het inloggen"
    session.save()
    before = session.session_key
    post_login(client, "prt", TEST_PASSWORD)
    assert client.cookies["sessionid"].value != before
    assert client.session["iets"] == "voor het inloggen"
    assert client.session["_auth_user_id"] == str(prt_user.pk)


@pytest.mark.parametrize(
    ("password", "code"),
    [("kort-wacht1", "password_too_short"), ("qwertyqwerty", "password_too_common")],
)
def test_short_and_common_passwords_are_refused(prt_user, password, code):
    with pytest.raises(ValidationError) as exc:
        validate_password(password, prt_user)
    assert code in [e.code for e in exc.value.error_list]


def test_a_long_passphrase_is_accepted(prt_user):
    passphrase = "de zeven gemeenten van de regio tellen samen hun opvangplekken op 15 oktober"
    assert len(passphrase) >= 64
    validate_password(passphrase, prt_user)
