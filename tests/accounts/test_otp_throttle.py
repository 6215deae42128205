"""Failed two-factor codes are limited per account and per account and IP, briefly."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import otp_throttle

from .test_otp import current_code, log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_with_axes")]

IPS = [f"192.0.2.{n}" for n in range(1, 11)]
GEBLOKKEERD = "Er is te vaak een verkeerde code ingevuld."


@pytest.fixture(autouse=True)
def policy(settings):
    settings.OTP_REQUIRED = True
    settings.OTP_FAILURE_WINDOW_MINUTES = 15
    settings.OTP_ACCOUNT_FAILURE_LIMIT = 10
    settings.OTP_IP_FAILURE_LIMIT = 5
    settings.OTP_COOLOFF_MINUTES = 5


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, which the test moves on (codes keep the real time)."""

    class Clock:
        now = 1_800_000_000.0

        def advance(self, minutes):
            self.now += minutes * 60

    clock = Clock()
    monkeypatch.setattr(otp_throttle, "_now", lambda: clock.now)
    return clock


@pytest.fixture
def app(prt_user):
    return TOTPDevice.objects.create(user=prt_user, name="app", confirmed=True)


@pytest.fixture
def signed_in(client, prt_user, app):
    """A client past the password of the PRT user, at the code step."""
    log_in(client, prt_user)
    return client


def wrong(app):
    return f"{(int(current_code(app)) + 500_000) % 1_000_000:06d}"


def post_code(client, code, ip="192.0.2.200"):
    return client.post(reverse("otp_verifieren"), {"code": code}, REMOTE_ADDR=ip)


def test_fifty_guesses_from_ten_ips_are_cut_off_at_the_account_limit(
    signed_in, app, clock, security_events
):
    for ip in IPS:
        for _ in range(5):
            response = post_code(signed_in, wrong(app), ip)
            assert response.status_code == 200
    assert security_events.names().count("otp.failure") == 10
    assert security_events.names().count("otp.throttled") == 40
    assert "otp.cooloff" in security_events.names()
    assert GEBLOKKEERD in response.content.decode()
    refused = [e for e in security_events if e["event"] == "otp.throttled"]
    assert {e["result"] for e in refused} == {"refused"}
    assert {e["ip"] for e in refused} == set(IPS[2:])
    assert refused[-1]["scope"] == "account"


def test_a_right_code_in_the_cooloff_is_refused_with_how_long_to_wait(
    signed_in, app, clock, security_events
):
    for ip in IPS[:2]:
        for _ in range(5):
            post_code(signed_in, wrong(app), ip)
    clock.advance(1)
    response = post_code(signed_in, current_code(app), "198.51.100.1")
    content = response.content.decode()
    assert response.status_code == 200
    assert GEBLOKKEERD in content
    assert "Probeer het over 4 minuten opnieuw." in content
    assert signed_in.get(reverse("opvang:uitvraag_list")).status_code == 302
    assert security_events[-1]["event"] == "otp.throttled"
    assert security_events[-1]["wait_seconds"] == 240


def test_after_the_cooloff_the_right_code_works(signed_in, app, clock):
    for ip in IPS[:2]:
        for _ in range(5):
            post_code(signed_in, wrong(app), ip)
    clock.advance(5)
    response = post_code(signed_in, current_code(app), "198.51.100.1")
    assert response.status_code == 302
    assert signed_in.get(reverse("opvang:uitvraag_list")).status_code == 200


def test_one_ip_is_held_back_alone_before_the_account_is(signed_in, app, clock, security_events):
    for _ in range(5):
        post_code(signed_in, wrong(app), IPS[0])
    response = post_code(signed_in, current_code(app), IPS[0])
    assert GEBLOKKEERD in response.content.decode()
    assert security_events[-1]["scope"] == "ip"
    # The user's own device elsewhere is not held back by someone else's failures.
    assert post_code(signed_in, current_code(app), IPS[1]).status_code == 302


def test_a_right_code_resets_the_count(client, prt_user, app, clock, security_events):
    log_in(client, prt_user)
    for ip in IPS[:2]:
        for _ in range(4):
            post_code(client, wrong(app), ip)
    assert post_code(client, current_code(app), IPS[0]).status_code == 302
    client.post(reverse("logout"))

    log_in(client, prt_user)
    for ip in IPS[:2]:
        for _ in range(4):
            post_code(client, wrong(app), ip)
    assert "otp.throttled" not in security_events.names()
    assert security_events.names().count("otp.failure") == 16


def test_failures_older_than_the_window_no_longer_count(signed_in, app, clock, security_events):
    for _ in range(4):
        post_code(signed_in, wrong(app), IPS[0])
    clock.advance(16)
    for _ in range(4):
        post_code(signed_in, wrong(app), IPS[0])
    assert "otp.throttled" not in security_events.names()


def test_the_policy_is_read_from_the_settings(signed_in, app, clock, settings, security_events):
    settings.OTP_IP_FAILURE_LIMIT = 2
    settings.OTP_COOLOFF_MINUTES = 1
    post_code(signed_in, wrong(app), IPS[0])
    post_code(signed_in, wrong(app), IPS[0])
    response = post_code(signed_in, current_code(app), IPS[0])
    assert "Probeer het over 1 minuut opnieuw." in response.content.decode()
