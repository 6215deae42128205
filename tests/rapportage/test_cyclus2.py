"""Cycle 2 beside cycle 1: reference data, every page that takes a cycle, the looptijd.

Cycle 2's counting window is not yet fixed (DOMAIN.md §3): every page says so in
Dutch instead of failing or showing zeros as if they were counted. Once beheer sets
the window and a minimale looptijd, a place ending too soon moves from hard to
temporary, with its reason on the gemeente page; cycle 1's figures do not change.
"""

import importlib
import json
import re
from datetime import date
from html import unescape

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from opvang.constants import Categorie, Soort, Status
from opvang.models import Cyclus, Locatie
from opvang.selectors import gemeente_cijfers
from tests.factories import LocatieFactory

from .conftest import BRIEF_CIJFERS, PEILDATUM, pagina_tekst

ONBEKEND = "Het telvenster van cyclus 2 is nog niet vastgesteld"
MIGRATIE = importlib.import_module("opvang.migrations.0017_cycli_raming_en_indeling")


@pytest.fixture
def cycli(demo):
    call_command("loaddata", "cycli", verbosity=0)
    return Cyclus.objects.get(nummer=1), Cyclus.objects.get(nummer=2)


def test_the_fixture_holds_cycle_2_with_its_estimate_and_no_looptijd_yet(cycli):
    eerste, tweede = cycli
    assert (tweede.landelijke_raming, tweede.raming_datum) == (88000, date(2026, 2, 27))
    assert "27 februari 2026" in tweede.raming_bron
    assert not tweede.telvenster.is_bekend
    assert tweede.minimale_looptijd is None
    assert tweede.indeling_per == date(2026, 1, 1)
    assert (eerste.landelijke_raming, eerste.landelijke_raming_amv) == (96000, 8140)
    assert eerste.minimale_looptijd is None
    assert (eerste.telvenster_van, eerste.telvenster_tot) == (date(2025, 7, 1), date(2026, 2, 1))


def test_the_fixture_and_the_data_migration_hold_the_same_values():
    pad = django_settings.BASE_DIR / "fixtures" / "cycli.json"
    fixture = {o["fields"]["nummer"]: o["fields"] for o in json.loads(pad.read_text())}
    for nummer, waarden in MIGRATIE.CYCLI.items():
        for veld, waarde in waarden.items():
            assert fixture[nummer][veld] == waarde, (nummer, veld)


def test_the_data_migration_creates_no_cycle(db):
    from django.apps import apps

    MIGRATIE.invullen(apps, None)
    assert not Cyclus.objects.exists()


def test_the_data_migration_fills_only_empty_fields_and_keeps_history(demo):
    from django.apps import apps

    eerste = Cyclus.objects.get(nummer=1)
    eerste.raming_bron = "Eigen invoer van beheer"
    eerste.save()
    MIGRATIE.invullen(apps, None)
    eerste.refresh_from_db()
    assert eerste.landelijke_raming == 96000
    assert eerste.raming_bron == "Eigen invoer van beheer"
    assert eerste.history.latest().history_change_reason == MIGRATIE.REDEN
    assert Cyclus.objects.get(nummer=2).landelijke_raming == 88000

    MIGRATIE.legen(apps, None)
    eerste.refresh_from_db()
    assert (eerste.landelijke_raming, eerste.indeling_per) == (None, None)
    assert eerste.raming_bron == "Eigen invoer van beheer"


def test_cycle_1_keeps_the_letters_figures_beside_cycle_2(client, cycli, demo_prt):
    url = reverse("rapportage:verslag_json", args=["PV26", 1])
    client.force_login(demo_prt)
    data = client.get(url, {"peildatum": PEILDATUM.isoformat()}).json()
    for sleutel, waarde in BRIEF_CIJFERS.items():
        assert data[sleutel] == waarde


def _pagina(client, user, url_naam, args, **query):
    client.force_login(user)
    return client.get(reverse(url_naam, args=args), query)


def _tekst(response):
    """Return a page's text; a document's preview is a whole document without <main>."""
    html = response.content.decode()
    if "<main" in html:
        return pagina_tekst(response)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(
    ("naam", "args"),
    [
        ("rapportage:dashboard", ["PV26"]),
        ("opvang:gemeente_detail", ["GM0344"]),
        ("rapportage:document_voorbeeld", ["PV26", 2, "verslag"]),
    ],
)
def test_a_page_of_cycle_2_says_its_window_is_not_yet_fixed(client, cycli, demo_prt, naam, args):
    response = _pagina(client, demo_prt, naam, args, cyclus=2)
    assert response.status_code == 200
    assert ONBEKEND in _tekst(response)


def test_the_documents_page_of_cycle_2_opens(client, cycli, demo_cvdk):
    response = _pagina(client, demo_cvdk, "rapportage:documenten", ["PV26", 2])
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("naam", "args"),
    [
        ("rapportage:gemeenten_csv", ["PV26"]),
        ("rapportage:gemeenten_xlsx", ["PV26"]),
        ("opvang:excel_locaties_export", ["PV26"]),
        ("landelijk:overzicht", []),
        ("landelijk:csv", []),
    ],
)
def test_exports_and_the_national_view_take_cycle_2(client, cycli, demo_prt, naam, args):
    user = demo_prt
    if naam.startswith("landelijk"):
        from gemeenten.models import User

        user = User.objects.get(username="lrt")
    response = _pagina(client, user, naam, args, cyclus=2)
    assert response.status_code == 200


def test_the_json_of_cycle_2_has_no_window_and_no_hard_places(client, cycli, demo_prt):
    client.force_login(demo_prt)
    data = client.get(reverse("rapportage:verslag_json", args=["PV26", 2])).json()
    assert data["cyclus"] == 2
    assert data["telvenster"] == {"van": None, "tot": None, "minimale_looptijd": None}
    assert data["harde_opvangcapaciteit"]["plekken"] == 0
    assert data["huidige_capaciteit"] > 0


def test_the_national_json_of_cycle_2_opens(client, cycli):
    from gemeenten.models import User

    client.force_login(User.objects.get(username="lrt"))
    response = client.get(reverse("landelijk:json", args=[2]))
    assert response.status_code == 200


def test_the_uitvraag_form_offers_cycle_2(client, cycli, demo_prt):
    response = _pagina(client, demo_prt, "opvang:uitvraag_nieuw", [])
    keuzes = {str(c) for c in response.context["form"].fields["cyclus"].queryset}
    assert keuzes >= {"cyclus 1", "cyclus 2"}


@pytest.fixture
def cyclus2_met_looptijd(cycli):
    _, tweede = cycli
    tweede.telvenster_van, tweede.telvenster_tot = date(2027, 7, 1), date(2028, 2, 1)
    tweede.minimale_looptijd = 5
    tweede.save()
    return tweede


@pytest.fixture
def korte_locatie(cycli):
    from gemeenten.models import Gemeente

    return LocatieFactory(
        gemeente=Gemeente.objects.get(code="GM0344"),
        naam="Paviljoen Kort",
        soort=Soort.AZC,
        status=Status.IN_GEBRUIK,
        plekken=120,
        amv_plekken=10,
        beschikbaar_vanaf=date(2025, 1, 1),
        beschikbaar_tot=date(2029, 3, 1),
    )


def test_with_the_looptijd_a_place_ending_too_soon_moves_from_hard_to_temporary(
    cyclus2_met_looptijd, korte_locatie
):
    met = Cyclus.objects.get(nummer=2)
    zonder = Cyclus.objects.get(nummer=2)
    zonder.minimale_looptijd = None
    assert korte_locatie.categorie_in(zonder) == Categorie.HARD
    assert korte_locatie.categorie_in(met) == Categorie.TE_KORT
    gemeente = korte_locatie.gemeente
    peildatum = date(2027, 10, 1)
    hard_met = gemeente_cijfers(gemeente=gemeente, cyclus=met, peildatum=peildatum).telling
    hard_zonder = gemeente_cijfers(gemeente=gemeente, cyclus=zonder, peildatum=peildatum).telling
    # The demo's other locations with an end date before mid-2032 move with it.
    te_kort = [
        loc
        for loc in Locatie.objects.filter(gemeente=gemeente)
        if loc.categorie_in(met) == Categorie.TE_KORT
    ]
    assert korte_locatie in te_kort
    assert all(loc.categorie_in(zonder) == Categorie.HARD for loc in te_kort)
    assert hard_zonder.hard - hard_met.hard == sum(loc.plekken for loc in te_kort)
    assert hard_zonder.hard_amv - hard_met.hard_amv == sum(loc.amv_plekken for loc in te_kort)
    assert hard_met.huidig == hard_zonder.huidig


def test_the_gemeente_page_shows_why_a_place_is_temporary(
    client, cyclus2_met_looptijd, korte_locatie, demo_gemeente_user
):
    response = _pagina(
        client, demo_gemeente_user, "opvang:gemeente_detail", ["GM0344"], cyclus=2, naam="Kort"
    )
    tekst = pagina_tekst(response)
    assert (
        "tijdelijk: loopt tot en met 1 maart 2029, korter dan de minimale looptijd van 5 jaar "
        "(daarvoor tot ten minste 1 juli 2032)"
    ) in tekst
    assert "Minimale looptijd" in tekst


def test_the_same_place_counts_as_hard_in_cycle_1(client, korte_locatie, demo_gemeente_user):
    response = _pagina(
        client, demo_gemeente_user, "opvang:gemeente_detail", ["GM0344"], cyclus=1, naam="Kort"
    )
    tekst = pagina_tekst(response)
    assert "harde opvangcapaciteit" in tekst
    assert "minimale looptijd" not in tekst


def test_the_location_page_shows_the_reason_too(
    client, cyclus2_met_looptijd, korte_locatie, demo_gemeente_user
):
    client.force_login(demo_gemeente_user)
    response = client.get(reverse("opvang:locatie_detail", args=[korte_locatie.pk]), {"cyclus": 2})
    assert "korter dan de minimale looptijd van 5 jaar" in pagina_tekst(response)


def test_report_json_and_verslag_name_the_too_short_place(
    client, cyclus2_met_looptijd, korte_locatie, demo_prt
):
    client.force_login(demo_prt)
    data = client.get(
        reverse("rapportage:verslag_json", args=["PV26", 2]), {"volledig": "1"}
    ).json()
    assert data["telvenster"]["minimale_looptijd"] == 5
    voorbeeld = _pagina(client, demo_prt, "rapportage:document_voorbeeld", ["PV26", 2, "verslag"])
    tekst = _tekst(voorbeeld)
    assert "tijdelijk (korter dan de minimale looptijd)" in tekst
    assert "ten minste 5 jaar beschikbaar" in tekst
    assert Locatie.objects.filter(pk=korte_locatie.pk).exists()


def test_the_national_view_names_the_estimate_of_cycle_2_with_its_source(client, cycli):
    from gemeenten.models import User

    client.force_login(User.objects.get(username="lrt"))
    tekst = pagina_tekst(client.get(reverse("landelijk:overzicht"), {"cyclus": 2}))
    assert "Landelijke capaciteitsraming voor cyclus 2: 88.000 plekken" in tekst
    assert "27 februari 2026" in tekst


def test_the_locations_workbook_gives_the_reason_too(
    client, cyclus2_met_looptijd, korte_locatie, demo_prt
):
    from io import BytesIO

    from openpyxl import load_workbook

    response = _pagina(client, demo_prt, "opvang:excel_locaties_export", ["PV26"], cyclus=2)
    blad = load_workbook(BytesIO(response.content), read_only=True).worksheets[0]
    rijen = [tuple(str(c) for c in rij) for rij in blad.iter_rows(values_only=True)]
    rij = next(r for r in rijen if "Paviljoen Kort" in r)
    assert any(c.startswith("tijdelijk: loopt tot en met 1 maart 2029") for c in rij)
