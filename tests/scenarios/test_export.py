"""The workbook and the annex: the figures as numbers, the banner on every sheet and page."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from scenarios import services
from scenarios.constants import BANNER
from scenarios.models import ScenarioBesluit
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def besloten(scenario, prt_user, azc, initiatief):
    rij = ScenarioBesluit(locatie=initiatief, telt_als="aantal", aantal=150, vanaf=date(2025, 6, 1))
    services.wijziging_toevoegen(scenario=scenario, wijziging=rij, user=prt_user)
    return scenario


def test_the_workbook_has_the_banner_dutch_headers_and_numbers(client, besloten, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("scenarios:xlsx", args=[besloten.pk]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="scenario-PV26-{besloten.pk}.xlsx"'
    )
    boek = load_workbook(io.BytesIO(response.content))
    assert boek.sheetnames == ["Vergelijking", "Wijzigingen"]
    blad = boek["Vergelijking"]
    assert blad["A1"].value == BANNER
    assert blad["A2"].value == "Scenario: Wat als"
    rijen = list(blad.iter_rows(min_row=6, values_only=True))
    assert rijen[0] == (
        "Gemeente", "Opgave", "Minimale dekking nu", "Minimale dekking scenario", "Verschil",
        "Dekking nu", "Dekking scenario", "Tekort nu", "Tekort scenario",
    )  # fmt: skip
    per_naam = {r[0]: r for r in rijen[1:]}
    assert per_naam["Utrecht"] == ("Utrecht", 1000, 300, 450, 150, 0.3, 0.45, 700, 550)
    assert per_naam["Amersfoort"] == ("Amersfoort", 500, 0, 0, 0, 0.0, 0.0, 500, 500)
    assert per_naam["Provincie (totaal)"] == (
        "Provincie (totaal)", 1500, 300, 450, 150, 0.2, 0.3, 1200, 1050,
    )  # fmt: skip
    assert blad.cell(row=8, column=6).number_format == "0.0%"
    wijzigingen = boek["Wijzigingen"]
    assert wijzigingen["A1"].value == BANNER
    assert list(wijzigingen.iter_rows(min_row=7, values_only=True)) == [
        ("besloten", "Utrecht", "Initiatief Noord", "150 plekken vanaf 1 juni 2025",
         "harde opvangcapaciteit"),
    ]  # fmt: skip


def test_the_printable_annex_carries_the_banner_and_the_figures(client, besloten, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    inhoud = client.get(reverse("scenarios:bijlage", args=[besloten.pk])).content.decode()
    assert inhoud.count(BANNER) >= 2
    assert "Initiatief Noord" in inhoud
    assert "kaart-nu" in inhoud and "kaart-scenario" in inhoud
    assert "+150" in inhoud


def test_the_annex_pdf_renders_with_the_banner(client, besloten, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("scenarios:bijlage_pdf", args=[besloten.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    tekst = " ".join(tekst.split())
    assert "Scenario — geen officieel cijfer" in tekst
    assert "Initiatief Noord" in tekst


def test_the_detail_page_shows_now_and_the_scenario_side_by_side(client, besloten, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    inhoud = client.get(reverse("scenarios:detail", args=[besloten.pk])).content.decode()
    assert BANNER in inhoud
    assert "Nu (werkelijkheid)" in inhoud and "In het scenario" in inhoud
    assert inhoud.count('id="kaart-nu') >= 1 and inhoud.count('id="kaart-scenario') >= 1
    assert "30,0%" in inhoud and "45,0%" in inhoud


@pytest.mark.parametrize("pagina", ["detail", "bijlage"])
def test_two_maps_on_one_page_share_no_id(client, besloten, prt_user, pagina):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    inhoud = client.get(reverse(f"scenarios:{pagina}", args=[besloten.pk])).content.decode()
    ids = re.findall(r'\bid="([^"]+)"', inhoud)
    assert "kaart-scenario-staal-ge100" in ids or "kaart-scenario-staal-lt25" in ids
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
