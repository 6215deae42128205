"""The gemeente table as CSV and XLSX: exactly the filtered and sorted rows, no formulas."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gemeenten.models import Regio
from rapportage.exports import KOPPEN, gemeenten_csv, gemeenten_xlsx
from rapportage.selectors import verslag_rapport
from tests.factories import GemeenteFactory, LocatieFactory, OpgaveFactory, RegioFactory

from .conftest import PEILDATUM

MAX_QUERIES = 20
HYPERLINK = '=HYPERLINK("http://example.com","klik")'


def url(extension, provincie="PV26", **query):
    base = reverse(f"rapportage:gemeenten_{extension}", args=[provincie])
    return base + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def lees_xlsx(response):
    boek = load_workbook(io.BytesIO(response.content))
    return boek["Gemeenten"], boek["Over dit bestand"]


def lees_csv(response):
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def getal(tekst):
    return int(tekst) if tekst else 0


def test_the_xlsx_has_every_row_and_totals_equal_to_their_sum(client, demo_prt):
    client.force_login(demo_prt)
    blad, over = lees_xlsx(client.get(url("xlsx", peildatum="2024-10-15")))
    rijen = list(blad.iter_rows(values_only=True))

    assert list(rijen[0]) == KOPPEN
    gemeenten, totaal = rijen[1:-1], rijen[-1]
    assert len(gemeenten) == 26
    assert totaal[1] == "Totaal (26 gemeenten)"
    for kolom in ("Opgave", "Harde opvangcapaciteit", "Harde plancapaciteit", "Tekort"):
        i = KOPPEN.index(kolom)
        assert totaal[i] == sum(r[i] or 0 for r in gemeenten), kolom
    assert totaal[KOPPEN.index("Harde opvangcapaciteit")] == 3523
    assert totaal[KOPPEN.index("Minimale dekking")] == 4098
    assert totaal[KOPPEN.index("Dekking %")] == 0.499  # a percentage cell: 49,9%
    assert totaal[KOPPEN.index("Huidige capaciteit")] == 4705
    assert "Alle gemeenten" in [c.value for c in over["A"]]


def test_the_export_has_exactly_the_filtered_rows_in_the_tables_order(client, demo_prt):
    client.force_login(demo_prt)
    query = {"regio": "U16", "peildatum": "2024-10-15", "sort": "-dekking"}
    dashboard = client.get(reverse("rapportage:dashboard", args=["PV26"]), query)
    verwacht = [row.record.naam for row in dashboard.context["overzicht"].table.rows]

    blad, over = lees_xlsx(client.get(url("xlsx", **query)))
    rijen = list(blad.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rijen[:-1]] == verwacht
    assert len(verwacht) < 26
    assert rijen[-1][1] == f"Totaal ({len(verwacht)} van 26 gemeenten; gefilterd op regio: U16)"
    assert "Gefilterd op regio: U16" in [c.value for c in over["A"]]
    opgave = KOPPEN.index("Opgave")
    assert rijen[-1][opgave] == sum(r[opgave] for r in rijen[:-1])

    csv_rijen = lees_csv(client.get(url("csv", **query)))
    assert [r[1] for r in csv_rijen[1:-1]] == verwacht
    assert getal(csv_rijen[-1][opgave]) == sum(getal(r[opgave]) for r in csv_rijen[1:-1])


def test_the_csv_is_for_dutch_excel(client, demo_prt):
    client.force_login(demo_prt)
    response = client.get(url("csv", peildatum="2024-10-15"))
    rijen = lees_csv(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="gemeenten-PV26-cyclus1-2024-10-15.csv"' in response["Content-Disposition"]
    assert rijen[0] == KOPPEN
    assert rijen[-1][KOPPEN.index("Dekking %")] == "49,9"
    assert rijen[-1][KOPPEN.index("Harde opvangcapaciteit")] == "3523"


@pytest.fixture
def gevaarlijke_gemeente(demo, cyclus1):
    regio = RegioFactory(provincie=demo, naam="@SUM(1+1)*cmd|' /C calc'!A0")
    gemeente = GemeenteFactory(code="GM0997", naam=HYPERLINK, provincie=demo, regio=regio)
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus1, plekken=10, amv_plekken=1)
    return gemeente


def test_no_cell_of_the_xlsx_is_a_formula_and_text_round_trips(
    client, demo_prt, gevaarlijke_gemeente
):
    client.force_login(demo_prt)
    blad, over = lees_xlsx(client.get(url("xlsx")))

    for b in (blad, over):
        for rij in b.iter_rows():
            for cel in rij:
                assert cel.data_type != "f", cel.coordinate
    rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "GM0997")
    assert rij[1].value == HYPERLINK
    assert rij[1].data_type == "s"
    assert rij[2].value == Regio.objects.get(gemeenten=gevaarlijke_gemeente).naam


def test_every_dangerous_csv_cell_starts_with_a_quote(client, demo_prt, gevaarlijke_gemeente):
    client.force_login(demo_prt)
    rijen = lees_csv(client.get(url("csv")))

    rij = next(r for r in rijen if r[0] == "GM0997")
    assert rij[1] == "'" + HYPERLINK
    assert rij[2] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    for rij in rijen:
        for cel in rij:
            assert not cel.startswith(("=", "+", "-", "@", "\t", "\r")), cel


@pytest.mark.parametrize("waarde", ["=1+1", "+31", "-2", "@x", "\tA", "\rB"])
def test_the_csv_writer_quotes_each_dangerous_start(demo, cyclus1, waarde):
    GemeenteFactory(code="GM0996", naam=waarde, provincie=demo)
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    rij = next(r for r in rapport.gemeenten if r.code == "GM0996")

    tekst = gemeenten_csv(rapport, [rij])
    regels = list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))
    assert regels[1][1] == "'" + waarde


def test_the_writers_are_plain_functions_without_queries(demo, cyclus1, django_assert_num_queries):
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    with django_assert_num_queries(0):
        gemeenten_csv(rapport, rapport.gemeenten)
        boek = gemeenten_xlsx(rapport, rapport.gemeenten, filter_omschrijving="regio: U16")
    blad = load_workbook(io.BytesIO(boek))["Gemeenten"]
    cel = blad.cell(row=2, column=KOPPEN.index("Dekking %") + 1)
    assert cel.value == float(rapport.gemeenten[0].dekking_percentage) / 100
    assert cel.number_format == "0.0%"


def test_the_workbook_is_the_provincial_overview(demo, cyclus1):
    LocatieFactory(
        gemeente=demo.gemeenten.get(code="GM0344"), naam='=HYPERLINK("http://x")', plekken=5
    )
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    boek = load_workbook(io.BytesIO(gemeenten_xlsx(rapport, rapport.gemeenten)))
    assert boek.sheetnames == ["Gemeenten", "Locaties", "Over dit bestand"]
    locaties = list(boek["Locaties"].iter_rows(min_row=2, values_only=True))
    assert len(locaties) == sum(len(r.locaties) for r in rapport.gemeenten)
    zuilen = next(r for r in locaties if r[2] == "Opvang Zuilen Amsterdamsestraatweg")
    assert zuilen[3:6] == ("regionale opvanglocatie", "in gebruik", 150)
    assert zuilen[10] == "harde opvangcapaciteit"
    gevaarlijk = next(
        c
        for rij in boek["Locaties"].iter_rows(min_row=2)
        for c in rij
        if c.value == '=HYPERLINK("http://x")'
    )
    assert gevaarlijk.data_type == "s"
    over = [c.value for c in boek["Over dit bestand"]["A"] if c.value]
    assert "Provincie Utrecht, cyclus 1: cijfers per gemeente" in over
    assert any(regel.startswith("Harde plancapaciteit:") for regel in over)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_exports_run_in_a_fixed_number_of_queries_for_utrecht(
    client, demo_prt, extension, django_assert_max_num_queries
):
    client.force_login(demo_prt)
    for query in ({}, {"bron": "akkoord", "band": "onder_50"}):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url(extension, **query)).status_code == 200


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_exports_run_in_a_fixed_number_of_queries_for_a_large_province(
    client, grote_provincie, extension, django_assert_max_num_queries
):
    client.force_login(grote_provincie.prt)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(extension, provincie="PV90"))
    assert response.status_code == 200


def test_another_province_and_gemeenten_get_404(client, gelderland_prt, demo_gemeente_user):
    for user in (gelderland_prt, demo_gemeente_user):
        client.force_login(user)
        assert client.get(url("xlsx")).status_code == 404
        assert client.get(url("csv")).status_code == 404


def test_a_bad_choice_is_a_400(client, demo_prt):
    client.force_login(demo_prt)
    assert client.get(url("xlsx", peildatum="gisteren")).status_code == 400
