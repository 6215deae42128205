"""The base template: language, skip link, vendored CSS, demo banner, no inline code."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

LOGIN_URL = "/inloggen/"
DEMO_TEXT = "Demo-omgeving: alle locaties en gebruikers zijn voorbeeldgegevens, geen echte cijfers."
VENDORED_CSS = [
    "vendor/@nl-design-system-unstable/voorbeeld-design-tokens/theme.css",
    "vendor/@utrecht/component-library-css/index.css",
    "css/app.css",
]


@pytest.fixture
def login_page(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    return response.content.decode()


def test_login_page_is_dutch(login_page):
    assert '<html lang="nl">' in login_page
    assert "<title>Inloggen — Opvangregister</title>" in login_page
    assert ">Gebruikersnaam" in login_page
    assert ">Wachtwoord" in login_page


def test_it_has_a_skip_link_to_the_main_content(login_page):
    assert re.search(r'<a [^>]*href="#inhoud"[^>]*>Naar de inhoud</a>', login_page)
    assert '<main id="inhoud"' in login_page


def test_it_links_the_vendored_css(login_page):
    for path in VENDORED_CSS:
        assert f'<link rel="stylesheet" href="{staticfiles_storage.url(path)}">' in login_page


def test_the_css_it_links_exists_with_its_licences():
    for path in VENDORED_CSS:
        assert finders.find(path), path
    for package in (
        "@nl-design-system-unstable/voorbeeld-design-tokens",
        "@utrecht/component-library-css",
    ):
        assert finders.find(f"vendor/{package}/LICENSE.md"), package


def test_it_has_no_inline_script_or_style(login_page):
    # A strict Content-Security-Policy will forbid both.
    assert "<script" not in login_page
    assert "style=" not in login_page
    assert "<style" not in login_page


def test_it_shows_no_demo_banner_by_default(client, settings, db):
    settings.DEMO_MODE = False
    assert DEMO_TEXT not in client.get(LOGIN_URL).content.decode()


def test_it_shows_the_demo_banner_in_demo_mode(client, settings, db):
    settings.DEMO_MODE = True
    assert DEMO_TEXT in client.get(LOGIN_URL).content.decode()


def test_a_failed_login_shows_the_error_as_an_alert(client, gemeente_user):
    response = client.post(LOGIN_URL, {"username": "ambtenaar", "password": "fout"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in content
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in content


def test_an_empty_login_marks_the_fields_invalid(client, db):
    content = client.post(LOGIN_URL, {"username": "", "password": ""}).content.decode()

    assert re.search(r'<input [^>]*class="utrecht-textbox[^"]*utrecht-textbox--invalid', content)
    assert 'aria-invalid="true"' in content
    assert 'id="id_username_error"' in content
    assert 'aria-describedby="id_username_error"' in content


def _render_base(user, **context):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("base.html", {"user": user, **context}, request=request)


def test_the_header_shows_who_is_logged_in(gemeente_user):
    gemeente_user.first_name, gemeente_user.last_name = "Anna", "de Vries"

    html = _render_base(gemeente_user)

    assert f'<a class="app-header__brand" href="{reverse("home")}">Opvangregister</a>' in html
    assert "Anna de Vries" in html
    assert "Gemeente · gemeente Utrecht" in html
    assert ">Uitloggen</button>" in html
    assert ">Beheer</a>" not in html


def test_the_header_shows_the_beheer_link_to_staff(prt_user):
    prt_user.is_staff = True

    html = _render_base(prt_user)

    assert "provincie Utrecht" in html
    assert 'href="/beheer/">Beheer</a>' in html


def test_breadcrumbs_mark_the_last_item_as_current(gemeente_user):
    crumbs = [("Overzicht", "/"), ("Locaties", "/locaties/"), ("Wijk C", "/locaties/3/")]

    html = _render_base(gemeente_user, crumbs=crumbs)

    assert '<a class="utrecht-breadcrumb-nav__link' in html
    assert 'href="/locaties/">Locaties</a>' in html
    assert 'aria-current="page">Wijk C</span>' in html
    assert 'href="/locaties/3/"' not in html
