"""Sessions end when idle, after a maximum time, at logout and when the user is deactivated."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.middleware import LOGIN_AT, SEEN_AT
from gemeenten.models import UserSession
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PAGE = "/uitvragen/"


def log_in(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)


def shift(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_active_session_goes_on(client, prt_user):
    log_in(client, prt_user)
    shift(client, _seen_at=29 * 60, _login_at=7 * 3600)
    assert client.get(PAGE).status_code == 200
    assert time.time() - client.session[SEEN_AT] < 5


def test_thirty_idle_minutes_end_the_session(client, prt_user, security_events):
    log_in(client, prt_user)
    shift(client, _seen_at=31 * 60)
    assert_sent_to_login(client.get(PAGE))
    assert "_auth_user_id" not in client.session
    [event] = [e for e in security_events if e["event"] == "session.expired"]
    assert event["reason"] == "idle"
    assert event["actor"] == "prt"


def test_eight_hours_after_login_the_session_ends_however_active(client, prt_user):
    log_in(client, prt_user)
    shift(client, _login_at=8 * 3600 + 1, _seen_at=10)
    assert_sent_to_login(client.get(PAGE))


def test_the_time_limits_are_settings(client, settings, prt_user):
    settings.SESSION_IDLE_TIMEOUT = 60
    log_in(client, prt_user)
    shift(client, _seen_at=61)
    assert_sent_to_login(client.get(PAGE))


def test_a_login_records_its_moment_and_its_session(client, prt_user):
    log_in(client, prt_user)
    assert abs(client.session[LOGIN_AT] - time.time()) < 5
    assert UserSession.objects.get(user=prt_user).session_key == client.session.session_key


def test_after_logout_the_old_cookie_leads_to_the_login_page(client, prt_user):
    log_in(client, prt_user)
    old_cookie = client.cookies["sessionid"].value
    assert client.get(PAGE).status_code == 200
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=old_cookie).exists()
    assert not UserSession.objects.filter(user=prt_user).exists()

    client.cookies["sessionid"] = old_cookie
    assert_sent_to_login(client.get(PAGE))


def test_deactivating_a_user_ends_all_their_sessions(prt_user, cvdk_user, security_events):
    laptop, telefoon, collega = Client(), Client(), Client()
    log_in(laptop, prt_user)
    log_in(telefoon, prt_user)
    log_in(collega, cvdk_user)

    prt_user.is_active = False
    prt_user.save()

    assert UserSession.objects.filter(user=prt_user).count() == 0
    assert Session.objects.count() == 1
    assert_sent_to_login(laptop.get(PAGE))
    assert_sent_to_login(telefoon.get(PAGE))
    assert collega.get(PAGE).status_code == 200
    [event] = [e for e in security_events if e["event"] == "sessions.ended"]
    assert event["object"] == f"gemeenten.user:{prt_user.pk}"
    assert event["count"] == 2
