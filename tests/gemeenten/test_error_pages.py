"""Error pages are Dutch, in the site's layout, lead back home and reveal nothing inside."""

import pytest
from django.test import Client
from django.urls import reverse
from django.views.defaults import server_error

from tests.factories import TEST_PASSWORD

from .error_urls import DETAIL

pytestmark = [pytest.mark.urls("tests.gemeenten.error_urls")]

# Django's English defaults, which must never show.
ENGLISH = [
    "Not Found",
    "Server Error",
    "Bad Request",
    "Forbidden",
    "CSRF verification failed",
    "The requested resource",
    "Request aborted",
]


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def assert_dutch_error_page(response, status, heading):
    content = response.content.decode()
    assert response.status_code == status
    assert '<html lang="nl">' in content
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in content
    assert 'href="/"' in content, "a way back to the start page"
    assert 'class="utrecht-page-header' in content, "the site's layout"
    for text in ENGLISH:
        assert text not in content
    assert DETAIL not in content
    return content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/fout/400/", 400, "Ongeldig verzoek"),
        ("/fout/403/", 403, "Geen toegang"),
        ("/fout/404/", 404, "Pagina niet gevonden"),
        ("/fout/500/", 500, "Er is iets misgegaan"),
    ],
)
def test_each_error_page_is_dutch_and_shows_no_internals(client, url, status, heading):
    client.raise_request_exception = False
    assert_dutch_error_page(client.get(url), status, heading)


@pytest.mark.django_db
def test_the_404_page_does_not_echo_the_path(client):
    content = assert_dutch_error_page(
        client.get("/bestaat-niet-<b>x</b>/"), 404, "Pagina niet gevonden"
    )
    assert "bestaat-niet" not in content
    assert "Deze pagina bestaat niet, of u hebt er geen toegang toe." in content


@pytest.mark.django_db
def test_a_signed_in_user_gets_the_404_page_in_the_layout(client, gemeente_user):
    client.force_login(gemeente_user)
    content = assert_dutch_error_page(client.get("/fout/404/"), 404, "Pagina niet gevonden")
    assert "Uitloggen" in content


def test_the_500_page_renders_without_a_database_or_context(rf):
    # No django_db mark: any query would fail the test. Django renders 500.html with an
    # empty context, so no context processor (user, messages) runs either.
    response = server_error(rf.get("/"))
    assert_dutch_error_page(response, 500, "Er is iets misgegaan")


@pytest.mark.django_db
def test_a_csrf_failure_shows_a_dutch_page_and_is_logged(security_events):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    content = assert_dutch_error_page(response, 403, "De pagina is verlopen")
    assert "Probeer het opnieuw: ga terug, laad de pagina opnieuw" in content
    assert security_events[-1]["event"] == "csrf.failure"
    assert security_events[-1]["result"] == "refused"


@pytest.mark.django_db
def test_the_lockout_page_stays_dutch(client, settings, prt_user):
    settings.AXES_ENABLED = True
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "prt", "password": "fout-fout-123"})
    content = assert_dutch_error_page(response, 429, "Inloggen tijdelijk geblokkeerd")
    assert "Probeer het over 30 minuten opnieuw." in content
    client.post(reverse("login"), {"username": "prt", "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.urls("tests.gemeenten.no_urls")
def test_the_500_page_renders_when_urls_and_static_files_are_broken(rf, settings, tmp_path):
    # A broken URLconf or a missing static file manifest must not break the 500 page too.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    content = server_error(rf.get("/")).content.decode()
    assert '<h1 class="utrecht-heading-1">Er is iets misgegaan</h1>' in content
    assert '<link rel="stylesheet" href="/static/css/app.css">' in content
