"""Security headers on every page, and production settings that pass Django's deploy check."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from gemeenten.checks import SQLITE_IN_PRODUCTION, production_database_is_postgresql
from tests.factories import TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CSP = {
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "img-src 'self' data:",
}
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "een-lange-willekeurige-productiesleutel-" + "x" * 40,
    "ALLOWED_HOSTS": "opvangregister.example.nl,testserver",
    "CSRF_TRUSTED_ORIGINS": "https://opvangregister.example.nl",
    "DATABASE_URL": "postgres://opvangregister@127.0.0.1:5432/opvangregister",
    "HELPDESK_NAAM": "Functioneel beheer",
    "HELPDESK_EMAIL": "opvangregister@example.nl",
    "ORGANISATIE": "Provincie Voorbeeld",
}


def directives(policy):
    return {d.strip() for d in policy.split(";")}


def run_with(env, *args):
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DATABASE_URL")}
    return subprocess.run(  # noqa: S603 (our own manage.py and script)
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.django_db
def test_a_logged_in_page_carries_every_security_header(client, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("opvang:uitvraag_list"))
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "no-store" in response["Cache-Control"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    content = response.content.decode()
    assert "<script" not in content
    assert "style=" not in content
    assert "<style" not in content


@pytest.mark.django_db
def test_the_session_cookie_is_httponly_and_samesite(client, prt_user):
    client.post(reverse("login"), {"username": "prt", "password": TEST_PASSWORD})
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_production_without_a_helpdesk_is_warned():
    env = {k: v for k, v in PRODUCTION_ENV.items() if not k.startswith("HELPDESK")}
    result = run_with(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 1
    assert "gemeenten.W001" in result.stdout + result.stderr


def test_production_settings_pass_the_deploy_check_with_nothing_silenced():
    result = run_with(PRODUCTION_ENV, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_on_sqlite_refuse_to_start():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///productie.sqlite3"}
    result = run_with(env, "manage.py", "check")
    assert result.returncode != 0
    assert "gemeenten.E001" in result.stderr


def test_the_database_check_passes_in_development_and_on_postgresql(settings, monkeypatch):
    database = settings.DATABASES["default"]
    monkeypatch.setitem(database, "ENGINE", "django.db.backends.sqlite3")
    settings.PRODUCTION = False
    assert production_database_is_postgresql(None) == []
    settings.PRODUCTION = True
    assert production_database_is_postgresql(None) == [SQLITE_IN_PRODUCTION]
    monkeypatch.setitem(database, "ENGINE", "django.db.backends.postgresql")
    assert production_database_is_postgresql(None) == []


PRODUCTION_RESPONSE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
host = {"host": "opvangregister.example.nl"}
# A redirect renders no template, so no collected static files are needed.
response = Client().get("/", secure=True, headers=host)
assert response.status_code == 302, response.status_code
print(json.dumps({
    "headers": dict(response.headers),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
}))
"""


def test_production_responses_carry_hsts_and_cookies_are_secure():
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = run_with(env, "-c", PRODUCTION_RESPONSE)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    hsts = out["headers"]["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert directives(out["headers"]["Content-Security-Policy"]) == CSP
    assert out["session_secure"] and out["csrf_secure"]


@pytest.mark.django_db
def test_the_admin_loads_under_the_same_policy(client, beheer_user):
    """Django's admin needs no exception: its scripts are files; one inline <style>
    (a column width on change lists without actions) is merely ignored."""
    client.login(username=beheer_user.username, password=TEST_PASSWORD)
    for url in ("/beheer/", "/beheer/opvang/locatie/", "/beheer/gemeenten/user/add/"):
        response = client.get(url)
        assert response.status_code == 200
        assert directives(response["Content-Security-Policy"]) == CSP
        assert "<script>" not in response.content.decode()
