"""What the cvdK office types when drawing up a document is cleaned like every text."""

from datetime import date

import pytest

from kern.text import MAX_DOCUMENTTEKST, STUURTEKENS, TE_LANG
from rapportage.documenten_forms import VaststellenForm

pytestmark = pytest.mark.django_db

GELDIG = {
    "kenmerk": "D/24/161337",
    "peildatum": "2024-10-15",
    "bron": "akkoord",
    "knelpunten": "Geen.",
    "vervolg": "Geen.",
}


def form(provincie, **wijziging):
    return VaststellenForm({**GELDIG, **wijziging}, provincie=provincie)


def test_the_texts_of_a_document_are_cleaned(provincie):
    f = form(provincie, kenmerk="D/24/\u200b161337 ", knelpunten="Een\u00a0 \r\nTwee\u202e")
    assert f.is_valid(), f.errors
    assert (f.cleaned_data["kenmerk"], f.cleaned_data["knelpunten"]) == ("D/24/161337", "Een\nTwee")
    assert f.cleaned_data["peildatum"] == date(2024, 10, 15)


def test_control_characters_and_overlong_texts_are_refused(provincie):
    f = form(provincie, vervolg="Bel\x07", knelpunten="x" * (MAX_DOCUMENTTEKST + 1))
    assert f.errors["vervolg"] == [STUURTEKENS]
    lengte = MAX_DOCUMENTTEKST + 1
    assert f.errors["knelpunten"] == [TE_LANG.format(max=MAX_DOCUMENTTEKST, lengte=lengte)]
