"""The verslag and plan list the agreements with both figures; the archive keeps them."""

import re
from datetime import date

import pytest

from rapportage.documenten import CONCEPT, Kop, document_context, document_html
from rapportage.selectors import verslag_rapport
from rapportage.services import document_vaststellen

from .helpers import akkoord, voorstel

pytestmark = pytest.mark.django_db
PEILDATUM = date(2025, 10, 15)


def tekst(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def afspraken(provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren):
    akkoord(
        provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=40, personen=30,
        van=figuren["2025-H2"],
    )  # fmt: skip
    voorstel(provincie, prt_user, gemeente, zeist, cyclus, plekken=5)


@pytest.mark.parametrize("document", ["verslag", "plan"])
def test_the_document_lists_the_agreements_with_both_figures(
    afspraken, provincie, cyclus, document
):
    rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM)
    kop = Kop(kenmerk="", datum=PEILDATUM, status=CONCEPT)
    inhoud = tekst(document_html(document_context(document=document, rapport=rapport, kop=kop)))
    assert "Uitruil tussen gemeenten" in inhoud
    assert "vóór uitruil 2.846 en na uitruil 2.846" in inhoud
    assert "Amersfoort neemt 40 asielplekken van Zeist over" in inhoud
    assert "Zeist neemt 30 statushouders per halfjaar van Amersfoort over (2025-H2)" in inhoud
    assert "Amersfoort 600 640 (+40) 90 60 (-30)" in inhoud
    assert "Zeist 300 260 (-40) 45 75 (+30)" in inhoud
    assert "→" not in inhoud  # the vendored fonts have no arrow
    assert "Voorgestelde afspraken (tellen nog niet mee)" in inhoud
    assert "Utrecht en Zeist: 5 asielplekken naar Utrecht" in inhoud


def test_without_agreements_the_section_says_so(provincie, cyclus, figuren):
    rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM)
    kop = Kop(kenmerk="", datum=PEILDATUM, status=CONCEPT)
    inhoud = tekst(document_html(document_context(document="verslag", rapport=rapport, kop=kop)))
    assert "geen uitruilafspraken tussen gemeenten in de provincie Utrecht" in inhoud


def test_the_vastgestelde_version_archives_the_agreements(afspraken, provincie, cyclus, cvdk_user):
    versie = document_vaststellen(
        provincie=provincie, cyclus=cyclus, document="verslag", kenmerk="D/25/9",
        knelpunten="", vervolg="", peildatum=PEILDATUM, bron="actueel", user=cvdk_user,
    )  # fmt: skip
    data = versie.rapport["uitruil"]
    assert data["totaal_opgave"] == {"voor": 2846, "na": 2846}
    (regel,) = data["akkoord"]
    assert regel["gemeenten"][0]["opgave"] == {"voor": 600, "na": 640}
    assert regel["gemeenten"][1]["taakstelling"] == {"2025-H2": {"voor": 45, "na": 75}}
    assert len(data["voorgesteld"]) == 1
