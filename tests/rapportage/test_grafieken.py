"""The charts: pure data over the report, and SVG that needs no JavaScript or styles."""

from datetime import date

from django.template.loader import render_to_string
from django.urls import reverse

from rapportage import grafieken
from rapportage.selectors import MAX_MAANDEN, maanden, verslag_rapport
from tests.factories import GemeenteFactory, LocatieFactory, OpgaveFactory

from .conftest import PEILDATUM

VANDAAG = date(2026, 11, 28)


def rapport(demo, cyclus, peildatum=PEILDATUM):
    return verslag_rapport(provincie=demo, cyclus=cyclus, peildatum=peildatum, vandaag=VANDAAG)


def reeks_van(r):
    """Return the report's capacity history as (first of the month, places) pairs."""
    return [(p.datum, p.plekken) for p in r.capaciteit]


def test_maanden_runs_from_the_first_month_to_the_last_inclusive():
    assert maanden(date(2023, 11, 20), date(2024, 2, 1)) == [
        date(2023, 11, 1),
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
    ]
    assert grafieken.maand_label(date(2024, 3, 1)) == "mrt 2024"


def test_the_history_equals_the_current_capacity_at_those_dates(demo, cyclus1):
    reeks = dict(reeks_van(rapport(demo, cyclus1)))

    for d in (date(2003, 1, 1), date(2022, 3, 1), date(2023, 1, 1), date(2024, 10, 1)):
        assert reeks[d] == rapport(demo, cyclus1, peildatum=d).telling.huidig, d
    assert reeks[date(2024, 10, 1)] > 2 * reeks[date(2022, 3, 1)] * 0.9


def test_the_history_runs_from_the_first_location_to_the_end_of_the_window(demo, cyclus1):
    reeks = reeks_van(rapport(demo, cyclus1))

    assert reeks[0][0] == date(2003, 1, 1)  # azc Leersum, the first location in use
    assert reeks[-1][0] == date(2026, 2, 1)  # the end of cycle 1's window


def test_a_later_peildatum_or_an_unknown_window_extends_the_history(demo, cyclus1):
    cyclus2 = type(cyclus1).objects.get(nummer=2)
    later = reeks_van(rapport(demo, cyclus1, peildatum=date(2027, 5, 3)))
    onbekend = reeks_van(rapport(demo, cyclus2))

    assert later[-1][0] == date(2027, 5, 1)
    assert onbekend[-1][0] == date(2026, 11, 1)


def test_the_history_has_a_bounded_number_of_points_whatever_the_dates(db, cyclus):
    gemeente = GemeenteFactory()
    LocatieFactory(gemeente=gemeente, beschikbaar_vanaf=date(1990, 1, 1))
    r = verslag_rapport(
        provincie=gemeente.provincie, cyclus=cyclus, peildatum=date(2100, 12, 31), vandaag=VANDAAG
    )

    reeks = reeks_van(r)
    grafiek = grafieken.capaciteit_grafiek(r)

    assert len(reeks) == MAX_MAANDEN == 360
    assert (reeks[0][0], reeks[-1][0]) == (date(2071, 1, 1), date(2100, 12, 1))
    # The chart shows the years before the peildatum (VERLOOP_JAREN), not all 30 years.
    assert (grafiek.punten[0].datum, len(grafiek.punten)) == (date(2095, 1, 1), 72)
    assert len(grafiek.x_labels) <= grafieken.MAX_LABELS + 1


def test_the_history_chart_has_the_opgave_line_and_dutch_labels(demo, cyclus1):
    grafiek = grafieken.capaciteit_grafiek(rapport(demo, cyclus1))
    svg = render_to_string("rapportage/grafieken/capaciteit.html", {"grafiek": grafiek})

    assert grafiek.opgave == 8207
    assert "opgave 8.207" in svg
    assert '<title id="capaciteit-titel">' in svg
    assert 'role="img"' in svg and 'aria-labelledby="capaciteit-titel' in svg
    assert "jan 2025" in svg
    oktober = next(p for p in grafiek.punten if p.datum == date(2024, 10, 1))
    assert '<th class="utrecht-table__header-cell" scope="row">okt 2024</th>' in svg
    assert f'<td class="utrecht-table__cell num">{oktober.plekken:,}</td>'.replace(",", ".") in svg
    assert "style" not in svg


def test_there_is_one_bar_per_gemeente(demo, cyclus1):
    r = rapport(demo, cyclus1)
    grafiek = grafieken.dekking_grafiek(r)
    svg = render_to_string("rapportage/grafieken/dekking.html", {"grafiek": grafiek})

    assert len(grafiek.balken) == len(r.gemeenten) == 26
    assert svg.count('<rect class="grafiek__balk') == 25  # Woudenberg's opgave is 0
    assert "opgave 0" in svg and "geen opgave" not in svg
    assert '<title id="dekking-titel">Minimale dekking per gemeente' in svg
    assert "104,4% gehaald" in svg  # Utrechtse Heuvelrug: hatched and marked
    assert svg.count("url(#dekking-gehaald)") == 1
    assert "style" not in svg


def test_the_bars_are_sorted_highest_first_and_scaled_to_100(demo, cyclus1):
    grafiek = grafieken.dekking_grafiek(rapport(demo, cyclus1))
    percentages = [b.percentage for b in grafiek.balken if b.percentage is not None]

    assert percentages == sorted(percentages, reverse=True)
    heuvelrug = grafiek.balken[0]
    assert heuvelrug.naam == "Utrechtse Heuvelrug" and heuvelrug.gehaald
    assert grafiek.x0 + heuvelrug.breedte > grafiek.x100


def test_a_very_high_dekking_is_cut_off_but_labelled(demo, cyclus1):
    gemeente = GemeenteFactory(code="GM9995", naam="Ruimdorp", provincie=demo)
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus1, plekken=1, amv_plekken=0)
    LocatieFactory(
        gemeente=gemeente,
        status="in_gebruik",
        soort="azc",
        plekken=50,
        amv_plekken=0,
        beschikbaar_vanaf=date(2020, 1, 1),
        beschikbaar_tot=None,
    )
    grafiek = grafieken.dekking_grafiek(rapport(demo, cyclus1))

    balk = grafiek.balken[0]
    assert balk.naam == "Ruimdorp" and balk.afgekapt
    assert grafiek.x0 + balk.breedte == grafiek.x_eind
    svg = render_to_string("rapportage/grafieken/dekking.html", {"grafiek": grafiek})
    assert "5.000,0% gehaald »" in svg


def test_names_in_the_charts_are_escaped(demo, cyclus1):
    GemeenteFactory(code="GM9994", naam="<script>alert(1)</script>", provincie=demo)
    grafiek = grafieken.dekking_grafiek(rapport(demo, cyclus1))
    svg = render_to_string("rapportage/grafieken/dekking.html", {"grafiek": grafiek})

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


def test_the_dashboard_shows_both_charts_with_their_tables(client, demo_prt):
    client.force_login(demo_prt)
    html = client.get(
        reverse("rapportage:dashboard", args=["PV26"]), {"peildatum": "2024-10-15"}
    ).content.decode()

    assert html.count('<svg class="grafiek__svg"') == 2
    assert html.count("Cijfers bij de grafiek") == 2
    assert html.count('<svg class="kaart__svg"') == 1  # the map (tests/rapportage/test_kaart.py)
    assert "<script" not in html


def test_without_locations_there_is_no_history(db, cyclus):
    gemeente = GemeenteFactory()
    r = verslag_rapport(provincie=gemeente.provincie, cyclus=cyclus, peildatum=PEILDATUM)

    assert grafieken.capaciteit_grafiek(r) is None
    assert len(grafieken.dekking_grafiek(r).balken) == 1


def test_the_history_chart_starts_near_the_peildatum_and_the_opgave_at_the_window(demo, cyclus1):
    r = rapport(demo, cyclus1)
    grafiek = grafieken.capaciteit_grafiek(r)
    eerste = grafiek.punten[0]
    assert eerste.datum >= date(r.peildatum.year - grafieken.VERLOOP_JAREN, 1, 1)
    assert eerste.plekken > 0
    assert reeks_van(r)[0][0] < eerste.datum  # the stored series itself is unchanged
    venster_start = next(p for p in grafiek.punten if p.datum == cyclus1.telvenster_van)
    assert grafiek.opgave_x == venster_start.x > grafiek.x0


def test_a_bar_without_percentage_says_why():
    balk = dict(code="GM0001", naam="X", percentage=None, gehaald=False, afgekapt=False, y=0)
    assert grafieken.Balk(**balk, breedte=0).zonder_percentage == "geen opgave"
    assert grafieken.Balk(**balk, breedte=0, opgave_nul=True).zonder_percentage == "opgave 0"
