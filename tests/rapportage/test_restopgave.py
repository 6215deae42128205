"""The restopgave of the report: per gemeente and for the province, and where it is shown.

On the demo (the letter's figures, DOMAIN.md §5): opgave 8.207 (AMV 694), minimale
dekking 4.098 (AMV 395). The demo restopgave designates De Bilt (277, dekking 100)
and Zeist (421, dekking 335) with their whole opgave as minimum (demo estimates).
"""

from datetime import date

import pytest
from django.urls import reverse

from opvang.constants import Grondslag
from rapportage.documenten import CONCEPT, Kop, document_context, document_html
from rapportage.restopgave import restopgave
from rapportage.selectors import verslag_rapport
from tests.factories import CyclusFactory, GemeenteFactory, OpgaveFactory

from .conftest import PEILDATUM, pagina_tekst


@pytest.fixture
def rapport(demo, cyclus1):
    return verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)


def per_naam(rest):
    return {g.naam: g for g in rest.gemeenten}


def test_the_provinces_restopgave_and_the_sum_of_the_gemeenten(rapport):
    rest = restopgave(rapport)
    assert (rest.opgave, rest.dekking) == (8207, 4098)
    assert (rest.provincie, rest.provincie_amv) == (4109, 299)
    # The sum of the shortfalls is the report's own tekort (a surplus fills nothing).
    assert rest.som == sum(r.tekort for r in rapport.gemeenten) == 4123
    assert rest.som > rest.provincie
    assert len(rest.met_tekort) == 24


def test_each_gemeente_against_its_applicable_opgave(rapport):
    gemeenten = per_naam(restopgave(rapport))
    utrecht = gemeenten["Utrecht"]
    assert (utrecht.opgave, utrecht.opgave_amv, utrecht.dekking) == (1946, 152, 1367)
    assert (utrecht.rest, utrecht.rest_amv) == (579, 10)
    assert gemeenten["Woudenberg"].rest == 0
    assert not utrecht.aangewezen and utrecht.minimum_nog is None


def test_the_aangewezen_gemeenten_and_what_they_must_still_realise(rapport):
    rest = restopgave(rapport)
    aangewezen = {g.naam: (g.minimum, g.dekking, g.minimum_nog) for g in rest.aangewezen}
    assert aangewezen == {"De Bilt": (277, 100, 177), "Zeist": (421, 335, 86)}
    assert rest.minimum_nog == 263


def test_the_version_chain_of_utrecht_and_woudenberg(rapport):
    gemeenten = per_naam(restopgave(rapport))
    utrecht, woudenberg = gemeenten["Utrecht"], gemeenten["Woudenberg"]
    assert [(v.soort, v.plekken, v.amv_plekken) for v in utrecht.versies] == [
        ("indicatief", 1988, 169),
        ("verdeelbesluit", 1946, 152),
    ]
    assert (woudenberg.vorige.plekken, woudenberg.geldend.plekken) == (94, 0)
    gewijzigd = {g.naam for g in restopgave(rapport).gewijzigd}
    assert {"Utrecht", "Woudenberg", "De Bilt", "Zeist"} == gewijzigd


@pytest.mark.django_db
def test_a_minimum_already_reached_leaves_nothing_and_an_unknown_window_nothing_to_compute(
    provincie,
):
    cyclus = CyclusFactory(nummer=2, telvenster_van=None, telvenster_tot=None)
    bekend = CyclusFactory(nummer=1)
    g = GemeenteFactory(provincie=provincie)
    for c in (cyclus, bekend):
        OpgaveFactory(
            gemeente=g,
            cyclus=c,
            grondslag=Grondslag.RESTOPGAVE,
            plekken=100,
            amv_plekken=None,
            aangewezen=True,
            minimum_plekken=0,
        )
    onbekend = restopgave(verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM))
    assert (onbekend.provincie, onbekend.som, onbekend.gemeenten[0].minimum_nog) == (
        None,
        None,
        None,
    )
    rest = restopgave(verslag_rapport(provincie=provincie, cyclus=bekend, peildatum=PEILDATUM))
    assert rest.dekking == 0  # no locations
    assert (rest.provincie, rest.provincie_amv, rest.som_amv) == (100, None, None)
    assert rest.gemeenten[0].minimum_nog == 0


def test_the_dashboard_shows_the_restopgave_and_the_previous_versions(client, demo, demo_prt):
    client.force_login(demo_prt)
    url = reverse("rapportage:dashboard", args=["PV26"])
    tekst = pagina_tekst(client.get(url, {"cyclus": 1, "peildatum": PEILDATUM.isoformat()}))
    assert "Restopgave van de provincie 4.109 waarvan 299 AMV" in tekst
    assert "Tekorten per gemeente opgeteld 4.123" in tekst
    assert "1.946 (AMV 152) verdeelbesluit was 1.988 (AMV 169), indicatief" in tekst
    assert "Woudenberg 0 (AMV 0) verdeelbesluit was 94, indicatief" in tekst
    assert "177 van minimum 277" in tekst


def test_the_verslag_states_the_restopgave_and_the_changed_opgaven(rapport):
    kop = Kop(kenmerk="D/24/1", datum=date(2024, 10, 30), status=CONCEPT)
    html = document_html(document_context(document="verslag", rapport=rapport, kop=kop))
    assert "Restopgave en verdeelbesluit" in html
    assert "restopgave van <strong>4.109</strong> plekken, waarvan 299 AMV" in html
    assert "ontbreken <strong>4.123</strong> plekken" in html
    assert "was 1.988 (AMV 169), indicatief" in html
    assert "177 (minimum 277)" in html


def test_the_gemeente_page_says_which_version_applies(client, demo, demo_prt):
    client.force_login(demo_prt)
    url = reverse("opvang:gemeente_detail", args=["GM0344"])
    tekst = pagina_tekst(client.get(url, {"cyclus": 1}))
    assert "Geldende opgave 1.946 (AMV 152): verdeelbesluit van 31-12-2024" in tekst
    assert "Vorige versie 1.988 (AMV 169): indicatief van 1-2-2024" in tekst
    assert "Restopgave 579 (AMV 10)" in tekst
