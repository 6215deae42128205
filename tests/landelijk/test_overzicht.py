"""The national picture: every province beside the others, for the LRT and national beheer."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie
from opvang.models import Cyclus
from rapportage.models import DocumentVersie
from tests.factories import TEST_PASSWORD, GemeenteFactory, LocatieFactory, UserFactory
from tests.rapportage.conftest import demo  # noqa: F401 (the demo fixture)

pytestmark = pytest.mark.django_db

PEILDATUM = "2024-10-15"
# DOMAIN.md §3: the published opgaven of cycle 1; Utrecht's is its gemeenten's sum.
GEPUBLICEERD = {
    "Zuid-Holland": 19776, "Noord-Holland": 16290, "Noord-Brabant": 14689,
    "Gelderland": 11704, "Utrecht": 8207, "Overijssel": 6325, "Limburg": 5662,
    "Fryslân": 3391, "Groningen": 2717, "Drenthe": 2691, "Flevoland": 2441, "Zeeland": 2109,
}  # fmt: skip


@pytest.fixture
def lrt(client, demo):  # noqa: F811
    user = UserFactory(username="lrt-test", rol=Rol.LRT)
    client.login(username=user.username, password=TEST_PASSWORD)
    return client


def feed(client, **params):
    url = reverse("landelijk:json", args=[1])
    response = client.get(url, {"peildatum": PEILDATUM, **params})
    assert response.status_code == 200
    return response.json()


def per_naam(data):
    return {p["naam"]: p for p in data["provincies"]}


def test_the_feed_gives_utrecht_the_letters_figures_and_the_others_their_published_opgave(lrt):
    data = feed(lrt)

    assert data["schema"] == "opvangregister.landelijk/1"
    assert (data["cyclus"], data["peildatum"], data["bron"]) == (1, PEILDATUM, "actueel")
    provincies = per_naam(data)
    assert set(provincies) == set(GEPUBLICEERD)
    utrecht = provincies["Utrecht"]
    assert utrecht["in_register"] is True
    assert utrecht["opgave"]["plekken"] == 8207
    assert utrecht["harde_opvangcapaciteit"]["plekken"] == 3523
    assert utrecht["harde_plancapaciteit"]["plekken"] == 575
    assert utrecht["minimale_dekking"] == {"plekken": 4098, "amv": 395, "percentage": 49.9}
    assert utrecht["gemeenten"]["aantal"] == 26
    # The demo's second province (portaal/demo_noord_holland.py).
    noord_holland = provincies["Noord-Holland"]
    assert noord_holland["in_register"] is True
    assert noord_holland["opgave"] == {"plekken": 16290, "amv": 1381}
    assert noord_holland["minimale_dekking"] == {"plekken": 2410, "amv": 210, "percentage": 14.8}
    zuid_holland = provincies["Zuid-Holland"]
    assert zuid_holland["in_register"] is False
    assert zuid_holland["opgave"] == {"plekken": 19776, "amv": None}
    assert "minimale_dekking" not in zuid_holland  # a gap, not a zero
    nederland = data["nederland"]
    assert nederland["provincies_in_register"] == 2
    assert nederland["opgave"]["plekken"] == sum(GEPUBLICEERD.values())
    assert nederland["minimale_dekking"]["plekken"] == 4098 + 2410
    # 6.508 of 96.002 would read as a national coverage of 6,8%: with ten provinces
    # not in the register there is no national percentage.
    assert nederland["minimale_dekking"]["percentage"] is None


def test_the_feed_is_the_same_as_the_provinces_own_export(lrt):
    eigen = lrt.get(
        reverse("rapportage:verslag_json", args=["PV26", 1]), {"peildatum": PEILDATUM}
    ).json()
    utrecht = per_naam(feed(lrt))["Utrecht"]
    for veld in ("opgave", "harde_opvangcapaciteit", "minimale_dekking", "planvoorraad"):
        assert utrecht[veld] == eigen[veld]


def test_the_page_shows_a_gap_as_a_gap_and_links_to_each_dashboard(lrt):
    response = lrt.get(reverse("landelijk:overzicht"), {"peildatum": PEILDATUM, "cyclus": 1})

    html = response.content.decode()
    assert response.status_code == 200
    tabel = html[: html.index('id="kaart-kop"')]  # the map names every gemeente without data
    assert tabel.count("geen gegevens in het register") == 10
    assert "16.290" in html and "4.098" in html and "49,9%" in html and "14,8%" in html
    assert reverse("rapportage:dashboard", args=["PV26"]) in html
    assert reverse("rapportage:dashboard", args=["PV27"]) in html
    assert 'aria-sort="ascending"' in html  # by name


def test_sorting_puts_provinces_without_figures_last_either_way(lrt):
    for sort, volgorde in (
        ("dekking", ["Noord-Holland", "Utrecht"]),
        ("-dekking", ["Utrecht", "Noord-Holland"]),
    ):
        response = lrt.get(reverse("landelijk:csv"), {"peildatum": PEILDATUM, "sort": sort})
        rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert [r[1] for r in rijen[1:3]] == volgorde
    response = lrt.get(reverse("landelijk:csv"), {"peildatum": PEILDATUM, "sort": "-opgave"})
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [r[1] for r in rijen[1:4]] == ["Zuid-Holland", "Noord-Holland", "Noord-Brabant"]


def test_the_csv_and_the_workbook_hold_the_same_rows(lrt):
    response = lrt.get(reverse("landelijk:csv"), {"peildatum": PEILDATUM})
    assert response["Content-Disposition"].endswith('landelijk-cyclus1-2024-10-15.csv"')
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    utrecht = next(r for r in rijen if r[1] == "Utrecht")
    assert utrecht[:3] == ["PV26", "Utrecht", "8207"]
    assert utrecht[-1] == "in het register"
    assert next(r for r in rijen if r[1] == "Zeeland")[-1] == "geen gegevens in het register"
    assert rijen[-1][1] == "Nederland (2 van 12 in het register)"

    boek = load_workbook(io.BytesIO(lrt.get(reverse("landelijk:xlsx")).content))
    waarden = list(boek["Provincies"].iter_rows(values_only=True))
    assert len(waarden) == len(rijen)
    assert waarden[0][1] == "Provincie"


def test_a_vastgesteld_verslag_shows_its_kenmerk_and_date(lrt, demo):  # noqa: F811
    DocumentVersie(
        provincie=demo,
        cyclus=Cyclus.objects.get(nummer=1),
        document="verslag",
        versie=1,
        kenmerk="D/24/161337",
        datum=date(2024, 10, 30),
        peildatum=date(2024, 10, 15),
        bron="akkoord",
        rapport={},
        pdf=b"%PDF-1.7",
        vastgesteld_door=UserFactory(username="cvdk-x", rol=Rol.CVDK, provincie=demo),
    ).save()

    verslag = per_naam(feed(lrt))["Utrecht"]["verslag"]

    assert verslag == {"kenmerk": "D/24/161337", "datum": "2024-10-30", "versie": 1}
    html = lrt.get(reverse("landelijk:overzicht")).content.decode()
    assert "D/24/161337 (30 oktober 2024)" in html


def test_the_query_count_does_not_grow_with_the_data(lrt):
    def warm_queries(url, params=None):
        lrt.get(url, params)  # the reports are cached per data version
        with CaptureQueriesContext(connection) as queries:
            assert lrt.get(url, params).status_code == 200
        return len(queries)

    overzicht, json_url = reverse("landelijk:overzicht"), reverse("landelijk:json", args=[1])
    before = warm_queries(overzicht), warm_queries(json_url, {"peildatum": PEILDATUM})
    utrecht = Gemeente.objects.get(naam="Utrecht")
    LocatieFactory.create_batch(20, gemeente=utrecht)
    noord_holland = GemeenteFactory(provincie=Provincie.objects.get(naam="Noord-Holland"))
    LocatieFactory.create_batch(20, gemeente=noord_holland)
    after = warm_queries(overzicht), warm_queries(json_url, {"peildatum": PEILDATUM})

    assert after == before
    # One data-version query per province, the rest for the page itself.
    assert max(before) <= 8 + Provincie.objects.count()


def test_a_bad_peildatum_is_refused_in_dutch(lrt):
    response = lrt.get(reverse("landelijk:json", args=[1]), {"peildatum": "15-10-2024"})
    assert response.status_code == 400
    assert "peildatum" in response.json()["fout"].lower()
    response = lrt.get(reverse("landelijk:overzicht"), {"peildatum": "gisteren"})
    assert response.status_code == 400


def test_the_lrt_lands_on_the_national_picture(lrt):
    assert lrt.get(reverse("home")).url == reverse("landelijk:overzicht")
