"""One hand-computed case appears identically in every output (tests/ontheemden/factories.py).

Gemeente Utrecht on 31 March 2026: capacity 185 beds, bezetting 138 (86,3% of the 160
beds with a count), ending within 3 months 40 and within 6 months 65 (so 145 and 120
remain), komend 60, streefgetal 170: shortfall 0 now, 25 after 3 and 50 after 6 months,
so it is flagged as below target after known end dates.
"""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from rapportage.documenten import CONCEPT, Kop, document_context, document_pdf
from rapportage.selectors import verslag_rapport

from .factories import PEILDATUM, hand_computed_case

pytestmark = pytest.mark.django_db
Q = "?peildatum=2026-03-31"


@pytest.fixture
def geval(gemeente, gemeente_user, prt_user, cyclus):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    return gemeente


def text(response):
    return " ".join(response.content.decode().split())


def test_the_gemeente_page_shows_the_case(client, geval, prt_user):
    client.force_login(prt_user)
    html = text(client.get(reverse("ontheemden:gemeente_detail", args=[geval.code]) + Q))
    for verwacht in [
        "<dt>Capaciteit op de peildatum</dt><dd>185 bedden</dd>",
        "<dt>Bezetting</dt><dd>138 bedden <small>(1 locatie zonder telling)</small></dd>",
        "<dt>Bezettingsgraad</dt><dd>86,3%</dd>",
        "<dt>Streefgetal</dt><dd>170</dd>",
        "<dt>Tekort nu</dt><dd>0</dd>",
        "<dt>Loopt af binnen 3 maanden</dt><dd>40 bedden</dd>",
        "<dt>Loopt af binnen 6 maanden</dt><dd>65 bedden</dd>",
        "<dt>Capaciteit na 3 maanden</dt><dd>145 bedden</dd>",
        "<dt>Capaciteit na 6 maanden</dt><dd>120 bedden</dd>",
        "<dt>Tekort na 3 maanden</dt><dd>25</dd>",
        "<dt>Tekort na 6 maanden</dt><dd>50</dd>",
        "<dt>Komende capaciteit</dt><dd>60 bedden</dd>",
        "Onder het streefgetal na bekende einddata",
        '31-5-2026 <span class="badge badge--afloop-3">loopt af binnen 3 maanden</span>',
        '31-8-2026 <span class="badge badge--afloop-6">loopt af binnen 6 maanden</span>',
    ]:
        assert verwacht in html


def test_the_dashboard_shows_the_case(client, geval, prt_user):
    client.force_login(prt_user)
    html = text(client.get(reverse("ontheemden:dashboard", args=[geval.provincie.code]) + Q))
    cellen = ["185", "138", "86,3%", "170", "0", "40", "65", "120", "50"]
    rij = "".join(f'<td class="utrecht-table__cell num">{c}</td> ' for c in cellen)
    assert rij.strip() in html
    assert "onder streefgetal na einddata" in html


def test_the_xlsx_holds_the_case(client, geval, prt_user):
    client.force_login(prt_user)
    response = client.get(reverse("ontheemden:dashboard_xlsx", args=[geval.provincie.code]) + Q)
    blad = load_workbook(io.BytesIO(response.content)).active
    koppen = [c.value for c in blad[1]]
    rij = dict(zip(koppen, [c.value for c in blad[2]], strict=True))
    assert rij["Gemeente"] == "Utrecht"
    assert [rij[k] for k in koppen[4:17]] == [
        185,
        138,
        86.3,
        1,
        170,
        "gemeente",
        0,
        40,
        65,
        145,
        120,
        25,
        50,
    ]
    assert rij["Onder streefgetal na einddata"] == "ja"
    assert rij["Particuliere opvang (personen)"] == "onbekend"


def test_the_json_export_holds_the_case(client, geval, prt_user):
    client.force_login(prt_user)
    data = client.get(reverse("rapportage:verslag_json", args=[geval.provincie.code, 1]) + Q)
    goo = data.json()["ontheemden"]
    rij = next(g for g in goo["gemeenten"] if g["code"] == geval.code)
    assert {k: rij[k] for k in list(rij)[3:18]} == {
        "locaties": 3,
        "capaciteit": 185,
        "bezetting": 138,
        "bezettingsgraad": 86.3,
        "locaties_zonder_bezetting": 1,
        "aflopend_3_maanden": 40,
        "aflopend_6_maanden": 65,
        "capaciteit_na_3_maanden": 145,
        "capaciteit_na_6_maanden": 120,
        "komend": 60,
        "streefgetal": 170,
        "tekort_nu": 0,
        "tekort_na_3_maanden": 25,
        "tekort_na_6_maanden": 50,
        "onder_streefgetal_na_einddata": True,
    }
    assert rij["particuliere_opvang"] is None
    assert rij["streefgetal_bron"]["bron"] == "Brief PRT"
    assert [loc["naam"] for loc in rij["locaties_met_einddatum"]] == [
        "Paviljoen Stationsweg",
        "Vakantiepark Zonneveld",
    ]
    assert goo["provincie"]["capaciteit"] == 185
    assert goo["peildatum"] == "2026-03-31"


def test_the_plan_pdf_prints_the_case(geval, cyclus):
    rapport = verslag_rapport(provincie=geval.provincie, cyclus=cyclus, peildatum=PEILDATUM)
    kop = Kop(kenmerk="", datum=date(2026, 4, 1), status=CONCEPT)
    pdf = document_pdf(document_context(document="plan", rapport=rapport, kop=kop))
    reader = PdfReader(io.BytesIO(pdf))
    inhoud = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Deel 2. Opvang Oekraïense ontheemden" in inhoud
    assert "Utrecht (!) 185 138 86,3% 170 0 40 65 120 50" in inhoud
    assert "Capaciteit (bedden) 185" in inhoud
    assert "Bezettingsgraad 86,3%" in inhoud
    assert "Utrecht Vakantiepark Zonneveld 40 31 mei 2026 binnen 3 maanden" in inhoud
    assert "Utrecht Paviljoen Stationsweg 25 31 augustus 2026 binnen 6 maanden" in inhoud
    titels = [o["/Title"] for o in reader.outline if not isinstance(o, list)]
    assert "Deel 2. Opvang Oekraïense ontheemden" in titels
