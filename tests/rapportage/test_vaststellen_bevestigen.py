"""Vaststellen takes two steps: the form, then what will be drawn up, confirmed."""

import pytest
from django.urls import reverse

from rapportage.documenten_forms import NIET_BEVESTIGD
from rapportage.models import DocumentOpdracht, DocumentVersie

pytestmark = pytest.mark.django_db

GEGEVENS = {
    "kenmerk": "D/24/161337",
    "peildatum": "2024-10-15",
    "bron": "actueel",
    "knelpunten": "Te weinig AMV-plekken.",
    "vervolg": "Overleg in januari.",
}


@pytest.fixture
def url():
    return reverse("rapportage:document_vaststellen", args=["PV26", 1, "verslag"])


def niets_vastgesteld():
    return not DocumentVersie.objects.exists() and not DocumentOpdracht.objects.exists()


def test_the_form_leads_to_a_confirmation_with_the_figures_and_draws_up_nothing(
    client, demo_cvdk, url
):
    client.force_login(demo_cvdk)
    response = client.post(url, {**GEGEVENS, "stap": "controleren"})

    assert response.status_code == 200
    assert response.templates[0].name == "rapportage/document_vaststellen_bevestigen.html"
    html = response.content.decode()
    assert "D/24/161337" in html and "15 oktober 2024" in html
    # The letter's figures at its peildatum: 4.098 = 49,9% of 8.207.
    assert "4.098" in html and "49,9" in html and "8.207" in html
    assert 'type="hidden" name="knelpunten" value="Te weinig AMV-plekken."' in html
    assert NIET_BEVESTIGD not in html
    assert niets_vastgesteld()


def test_confirming_without_the_tick_is_refused_in_dutch(client, demo_cvdk, url):
    client.force_login(demo_cvdk)
    response = client.post(url, {**GEGEVENS, "stap": "bevestigen"})

    assert response.status_code == 200
    assert NIET_BEVESTIGD in response.content.decode()
    assert niets_vastgesteld()


def test_changing_returns_to_the_form_with_what_was_entered(client, demo_cvdk, url):
    client.force_login(demo_cvdk)
    response = client.post(url, {**GEGEVENS, "stap": "wijzigen", "bevestigd": "on"})

    assert response.templates[0].name == "rapportage/document_vaststellen.html"
    assert response.context["form"]["kenmerk"].value() == "D/24/161337"
    assert niets_vastgesteld()


def test_an_invalid_form_never_reaches_the_confirmation(client, demo_cvdk, url):
    client.force_login(demo_cvdk)
    gegevens = {**GEGEVENS, "kenmerk": "", "stap": "bevestigen", "bevestigd": "on"}
    response = client.post(url, gegevens)

    assert response.templates[0].name == "rapportage/document_vaststellen.html"
    assert response.context["form"].errors["kenmerk"]
    assert niets_vastgesteld()


def test_confirmed_it_is_drawn_up_once(client, demo_cvdk, url):
    client.force_login(demo_cvdk)
    response = client.post(url, {**GEGEVENS, "stap": "bevestigen", "bevestigd": "on"})

    assert response.status_code == 302
    versie = DocumentVersie.objects.get()
    assert (versie.kenmerk, versie.vastgesteld_door) == ("D/24/161337", demo_cvdk)
