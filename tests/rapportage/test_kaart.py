"""The map of minimale dekking: dashboard, national page and PDF, built once per version."""

import io
import logging
import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from pypdf import PdfReader

from gemeenten import grenzen
from gemeenten.constants import Rol
from gemeenten.models import Gemeente
from opvang import services
from opvang.constants import Status
from opvang.models import Locatie
from rapportage import kaart
from rapportage.documenten import CONCEPT, Kop, document_context, document_html, document_pdf
from rapportage.selectors import verslag_rapport
from tests.factories import UserFactory

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a class="kaart__link" href="([^"]+)" aria-label="([^"]+)">.*?</a>', re.S)
BAND = re.compile(r'class="kaart__gemeente kaart__gemeente--([^"]+)"')
QUERY = {"cyclus": 1, "peildatum": PEILDATUM.isoformat()}


def svg(html):
    return html[
        html.index('<svg class="kaart__svg"') : html.index("</svg>", html.index("kaart__svg"))
    ]


def links(html):
    """Return {accessible name: (href, band)} of the map's linked gemeenten."""
    resultaat = {}
    for match in LINK.finditer(svg(html)):
        band = BAND.search(match.group(0)).group(1)
        resultaat[unescape(match.group(2))] = (match.group(1), band)
    return resultaat


def dashboard(client, **query):
    response = client.get(reverse("rapportage:dashboard", args=["PV26"]), {**QUERY, **query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def prt(client, demo_prt):
    client.force_login(demo_prt)
    return client


@pytest.fixture
def lrt(client, demo):
    client.force_login(UserFactory(username="lrt-kaart", rol=Rol.LRT))
    return client


@pytest.mark.parametrize(
    ("pct", "band"),
    [
        (None, "geen"),
        (Decimal("0.0"), "lt25"),
        (Decimal("24.9"), "lt25"),
        (Decimal("25.0"), "25-50"),
        (Decimal("49.9"), "25-50"),
        (Decimal("50.0"), "50-75"),
        (Decimal("75.0"), "75-100"),
        (Decimal("99.9"), "75-100"),
        (Decimal("100.0"), "ge100"),
        (Decimal("250.0"), "ge100"),
    ],
)
def test_a_percentage_falls_in_its_band(pct, band):
    assert kaart.dekking_band(pct) == band


def test_the_dashboard_links_each_gemeente_of_the_province_with_its_dekking(prt, demo):
    html = dashboard(prt)
    gelinkt = links(html)

    assert len(gelinkt) == Gemeente.objects.filter(provincie=demo).count() == 26
    utrecht = reverse("opvang:gemeente_detail", kwargs={"code": "GM0344"})
    assert gelinkt["Utrecht: 70,2% dekking"] == (utrecht, "50-75")
    assert gelinkt["Utrechtse Heuvelrug: 104,4% dekking"][1] == "ge100"
    assert gelinkt["Lopik: 0,0% dekking"][1] == "lt25"
    assert gelinkt["Woudenberg: opgave 0"][1] == "geen"  # after the verdeelbesluit


def test_neighbouring_gemeenten_are_drawn_grey_without_links(prt):
    kaart_svg = svg(dashboard(prt))
    buren = kaart_svg[kaart_svg.index('class="kaart__buren"') : kaart_svg.index("</g>")]

    assert buren.count("<path") > 20  # Gelderland, Noord- and Zuid-Holland, Flevoland
    assert 'aria-hidden="true"' in buren and "<a " not in buren
    assert kaart_svg.count("<a ") == 26


def test_the_map_has_a_title_a_legend_a_table_and_the_credit(prt):
    html = dashboard(prt)

    assert 'role="group" aria-labelledby="kaart-titel kaart-uitleg"' in svg(html)
    assert '<title id="kaart-titel">Kaart: minimale dekking per gemeente, provincie Utrecht' in html
    for band in kaart.DEKKING_BANDEN:
        assert f"<span>{band.label}</span>" in html
    assert "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0" in html
    tabel = html[html.index("Tabel bij de kaart") :]
    assert re.search(
        r">Utrecht</a></th>\s*<td[^>]*>70,2% dekking</td>\s*<td[^>]*>50% tot 75%", tabel
    )


def test_the_national_page_draws_all_342_gemeenten_and_links_those_with_a_report(lrt):
    response = lrt.get(reverse("landelijk:overzicht"), {"peildatum": PEILDATUM.isoformat()})
    html = response.content.decode()
    kaart_svg = svg(html)

    assert len(BAND.findall(kaart_svg)) == 342
    # The gemeenten of the provinces in the register: Utrecht's 26, Noord-Holland's 44.
    assert len(links(html)) == 26 + 44
    provincies = kaart_svg[kaart_svg.index('class="kaart__provincies"') :]
    assert provincies.count("<path") == 12
    assert "<title>Rotterdam: geen gegevens in het register</title>" in kaart_svg
    href, band = links(html)["Utrecht: 70,2% dekking"]
    assert band == "50-75"
    assert lrt.get(href).status_code == 200  # within the LRT's read scope


def test_the_map_is_built_once_and_a_write_builds_it_again(prt, monkeypatch, demo_prt):
    gebouwd = []
    echt = kaart.dekking_kaart
    monkeypatch.setattr(kaart, "dekking_kaart", lambda r, **k: gebouwd.append(1) or echt(r, **k))

    dashboard(prt)
    dashboard(prt, sort="-dekking")  # another fragment, the same map
    assert len(gebouwd) == 1

    azc = Locatie.objects.filter(gemeente__code="GM0344", status=Status.IN_GEBRUIK).first()
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 500}, user=demo_prt
    )
    assert "Utrecht: 70,2% dekking" not in links(dashboard(prt))
    assert len(gebouwd) == 2


def test_the_boundary_version_is_part_of_the_key(monkeypatch):
    voor = kaart.onderdeel("provincie")
    echte = grenzen.grenzen()
    monkeypatch.setattr(
        kaart, "grenzen", lambda: grenzen.Grenzen(echte.gemeenten, echte.provincies, "ander")
    )
    assert kaart.onderdeel("provincie") != voor


def test_building_the_map_takes_no_query(demo, cyclus1, django_assert_num_queries):
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    with django_assert_num_queries(0):
        kaart.dekking_kaart(rapport)


def test_the_verslag_pdf_has_the_map_as_one_image_with_the_credit(demo, cyclus1, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    kop = Kop(kenmerk="", datum=date(2024, 10, 30), status=CONCEPT)
    context = document_context(document="verslag", rapport=rapport, kop=kop)
    html = document_html(context)
    kaart_svg = svg(html)

    assert 'role="img"' in kaart_svg and "<a " not in kaart_svg
    assert len(BAND.findall(kaart_svg)) == 26
    pdf = document_pdf(context)
    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Kaart van de minimale dekking" in tekst
    assert "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0" in tekst
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
