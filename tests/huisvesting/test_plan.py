"""Plan part 3: the hand case's figures in the PDF text, the JSON export and the archive."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from huisvesting import services
from huisvesting.constants import IbtStapSoort, MaatregelSoort, MaatregelStatus
from rapportage.documenten import CONCEPT, Kop, document_context, document_pdf
from rapportage.selectors import verslag_rapport
from rapportage.services import document_vaststellen
from tests.factories import TEST_PASSWORD

from .factories import HAND_PEILDATUM, hand_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def hand(gemeente, prt_user, gemeente_user):
    hand_case(gemeente)
    services.ibt_stap_vastleggen(
        gemeente=gemeente, stap=IbtStapSoort.AMBTELIJK_GESPREK, datum=date(2025, 12, 15),
        reden="Achter op het tempo", user=prt_user,
    )  # fmt: skip
    services.maatregel_opslaan(
        gemeente=gemeente, user=gemeente_user,
        data={"projectnaam": "Flexwonen Overvecht", "soort": MaatregelSoort.FLEXWONINGEN,
              "woningen": 40, "personen": 90, "verwacht_op": date(2026, 9, 1),
              "status": MaatregelStatus.BESLOTEN},
    )  # fmt: skip
    return gemeente


def tekst(pdf):
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_plan_pdf_shows_the_hand_case(hand, cyclus):
    rapport = verslag_rapport(provincie=hand.provincie, cyclus=cyclus, peildatum=HAND_PEILDATUM)
    kop = Kop(kenmerk="", datum=HAND_PEILDATUM, status=CONCEPT)
    inhoud = tekst(document_pdf(document_context(document="plan", rapport=rapport, kop=kop)))
    assert "Deel 3. Huisvesting statushouders" in inhoud
    assert "Utrecht 60 12 72 48 24 66,7% achter" in inhoud
    assert "Utrecht ambtelijk gesprek 15-12-2025 Achter op het tempo" in inhoud
    assert "Gecorrigeerde taakstelling 72" in inhoud
    assert "Verwacht eindsaldo 24" in inhoud
    assert "Flexwonen Overvecht flexwoningen 40 90 september 2026 besloten" in inhoud


def test_the_json_export_carries_the_same_figures(client, hand, cyclus, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    url = reverse("rapportage:verslag_json", args=[hand.provincie.code, cyclus.nummer])
    data = client.get(url + f"?peildatum={HAND_PEILDATUM.isoformat()}").json()["statushouders"]
    assert data["halfjaar"] == "2025-H2"
    rij = data["gemeenten"][0]
    stand = rij["stand"]
    assert (stand["taakstelling"], stand["startsaldo"], stand["gecorrigeerde_taakstelling"]) == (
        60,
        12,
        72,
    )
    assert (stand["gerealiseerd"], stand["verwacht_eindsaldo"]) == (48, 24)
    assert (stand["percentage_van_tempo"], stand["oordeel"]) == (66.7, "achter")
    assert stand["per_maand"] == [10, 8, 0, 15, 9, 6]
    assert rij["ibt_stap"]["stap"] == "ambtelijk_gesprek"
    assert rij["maatregelen"][0]["personen"] == 90
    assert data["provincie"]["verwacht_eindsaldo"] == 24


def test_a_vastgesteld_plan_archives_the_figures(hand, cyclus, cvdk_user):
    versie = document_vaststellen(
        provincie=hand.provincie, cyclus=cyclus, document="plan", kenmerk="D/26/1",
        knelpunten="", vervolg="", peildatum=HAND_PEILDATUM, bron="actueel", user=cvdk_user,
    )  # fmt: skip
    stand = versie.rapport["statushouders"]["gemeenten"][0]["stand"]
    assert (stand["gecorrigeerde_taakstelling"], stand["verwacht_eindsaldo"]) == (72, 24)
    assert "66,7%" in tekst(bytes(versie.pdf))
