"""gemeenten.kaart and gemeenten.grenzen: the map of any per-gemeente band."""

import re

import pytest

from gemeenten.grenzen import grenzen
from gemeenten.kaart import BRONVERMELDING, Band, KaartWaarde, kaart, stalen

BANDEN = (
    Band("hoog", "hoog", "#542788"),
    Band("laag", "laag", "#b35806", "kruis"),
    Band("leeg", "geen cijfer", "#ffffff", "tegen", lijn="#8c8c8c"),
)


def test_the_boundary_files_hold_342_gemeenten_and_12_provincies():
    g = grenzen()
    assert len(g.gemeenten) == 342
    assert len({x.code for x in g.gemeenten}) == 342
    assert sorted(p.code for p in g.provincies) == [f"PV{n}" for n in range(20, 32)]
    assert all(x.kader is not None for x in (*g.gemeenten, *g.provincies))
    assert grenzen() is g  # parsed once per process


def test_every_gemeente_lies_within_the_box_of_the_netherlands():
    land = grenzen()
    utrecht = next(x for x in land.gemeenten if x.code == "GM0344")
    assert utrecht.naam == "Utrecht"
    # RD coordinates of the city of Utrecht: about x 136,000, y 456,000.
    assert 125_000 < utrecht.kader.min_x < utrecht.kader.max_x < 145_000
    assert 448_000 < utrecht.kader.min_y < utrecht.kader.max_y < 462_000
    assert land.provincie("PV26").kader.snijdt(utrecht.kader)


def test_names_and_links_are_escaped():
    waarden = {"GM0344": KaartWaarde('Ut<b>"recht', "hoog", "100%", href='/x?a=1&b="2"')}
    svg = kaart(waarden, BANDEN, titel="T <script>", provincie_code="PV26").svg

    assert "<b>" not in svg and "<script>" not in svg
    assert 'aria-label="Ut&lt;b&gt;&quot;recht: 100%"' in svg
    assert 'href="/x?a=1&amp;b=&quot;2&quot;"' in svg


def test_a_gemeente_missing_from_the_boundary_file_is_in_the_table_only():
    waarden = {
        "GM0344": KaartWaarde("Utrecht", "hoog", "hoog", href="/u/"),
        "GM9999": KaartWaarde("Testgemeente", "laag", "laag"),
    }
    k = kaart(waarden, BANDEN, titel="T", provincie_code="PV26")

    assert [r.naam for r in k.rijen] == ["Testgemeente", "Utrecht"]
    assert "Testgemeente" not in k.svg
    assert k.svg.count("<a ") == 1


def test_without_a_province_the_whole_country_is_drawn_and_the_missing_get_a_value():
    waarden = {"GM0344": KaartWaarde("Utrecht", "hoog", "hoog", href="/u/")}
    k = kaart(waarden, BANDEN, titel="T", ontbrekend=("leeg", "geen cijfer"))

    assert len(k.rijen) == 342
    assert len(re.findall(r'class="kaart__gemeente ', k.svg)) == 342
    assert k.svg.count("<a ") == 1
    assert not k.met_buren
    buren = k.svg[k.svg.index('class="kaart__buren"') :]
    assert "<path" not in buren[: buren.index("</g>")]  # no neighbours: all are coloured


def test_only_the_patterns_in_use_are_defined_and_a_plain_band_has_none():
    waarden = {"GM0344": KaartWaarde("Utrecht", "laag", "laag")}
    svg = kaart(waarden, BANDEN, titel="T", provincie_code="PV26", prefix="p").svg

    assert '<pattern id="p-laag"' in svg and 'fill="url(#p-laag)"' in svg
    assert "p-leeg" not in svg and "p-hoog" not in svg


def test_the_legend_adds_the_neighbours_on_a_province_map_and_each_swatch_is_self_contained():
    k = kaart({}, BANDEN, titel="T", provincie_code="PV26")
    labels = [band.label for band, _ in k.legenda]

    assert labels[: len(BANDEN)] == [b.label for b in BANDEN]
    assert labels[-1].startswith("andere provincie")
    assert '<pattern id="kaart-staal-laag"' in stalen(BANDEN[1])
    assert k.bron == BRONVERMELDING == "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0"


def test_a_static_map_has_no_links_and_is_one_image():
    waarden = {"GM0344": KaartWaarde("Utrecht", "hoog", "hoog", href="/u/")}
    svg = kaart(waarden, BANDEN, titel="T", provincie_code="PV26", interactief=False).svg

    assert "<a " not in svg
    assert 'role="img"' in svg
    assert "<title>Utrecht: hoog</title>" in svg


@pytest.mark.parametrize(
    "velden",
    [
        {"sleutel": 'x" onload="alert(1)'},
        {"kleur": "red"},
        {"lijn": '#fff"/><script>'},
        {"patroon": "<image href='https://example.org/'/>"},
    ],
)
def test_a_band_that_would_put_markup_in_the_svg_is_refused(velden):
    with pytest.raises(ValueError, match="Ongeldige kaartband"):
        Band(**{"sleutel": "b", "label": "b", "kleur": "#542788", **velden})
