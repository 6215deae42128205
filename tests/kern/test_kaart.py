"""kern.kaart: TopoJSON decoded by hand-made topologies small enough to check on paper."""

import pytest

from kern.kaart import (
    Kader,
    OngeldigeTopologie,
    Schaal,
    arcs_decoderen,
    kader_van,
    ring,
    ringen,
    samen,
    svg_pad,
)

# Two unit squares side by side sharing the arc x=1: square A (0..1) and square B (1..2).
# Arc 0: the shared edge (1,0)->(1,1); arc 1: A's other three sides (1,1)->(0,1)->(0,0)->(1,0);
# arc 2: B's other three sides (1,0)->(2,0)->(2,1)->(1,1). Quantized: scale 1, translate 10,20.
TOPOLOGIE = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [10, 20]},
    "arcs": [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]],
    ],
}


def test_it_decodes_delta_encoded_arcs_with_the_transform():
    arcs = arcs_decoderen(TOPOLOGIE)
    assert arcs[0] == [(11, 20), (11, 21)]
    assert arcs[1] == [(11, 21), (10, 21), (10, 20), (11, 20)]


def test_it_applies_the_scale_of_the_transform():
    topologie = {"transform": {"scale": [2, 0.5], "translate": [0, 0]}, "arcs": [[[1, 2], [3, 4]]]}
    assert arcs_decoderen(topologie) == [[(2, 1), (8, 3)]]


def test_it_reads_arcs_without_a_transform_as_absolute_points():
    assert arcs_decoderen({"arcs": [[[1, 2], [3, 4]]]}) == [[(1.0, 2.0), (3.0, 4.0)]]


def test_a_ring_joins_arcs_without_repeating_the_shared_point():
    arcs = arcs_decoderen(TOPOLOGIE)
    # Square A: its three sides, then the shared edge up; square B walks it down (~0).
    assert ring([1, 0], arcs) == ((11, 21), (10, 21), (10, 20), (11, 20), (11, 21))
    assert ring([2, ~0], arcs) == ((11, 20), (12, 20), (12, 21), (11, 21), (11, 20))


def test_a_reversed_arc_is_walked_from_its_end():
    arcs = [[(0, 0), (1, 0), (1, 1)]]
    assert ring([~0], arcs) == ((1, 1), (1, 0), (0, 0))


def test_an_unknown_arc_is_an_invalid_topology():
    with pytest.raises(OngeldigeTopologie):
        ring([5], [[(0, 0), (1, 1)]])


def test_a_multipolygon_gives_every_ring_of_every_polygon():
    arcs = [[(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], [(1, 1), (1, 2), (2, 2), (1, 1)]]
    arcs.append([(9, 9), (10, 9), (10, 10), (9, 9)])
    geometrie = {"type": "MultiPolygon", "arcs": [[[0], [1]], [[2]]]}
    assert [len(r) for r in ringen(geometrie, arcs)] == [5, 4, 4]


def test_a_polygon_gives_its_outer_ring_and_holes():
    arcs = [[(0, 0), (4, 0), (4, 4), (0, 0)], [(1, 1), (2, 1), (2, 2), (1, 1)]]
    assert len(ringen({"type": "Polygon", "arcs": [[0], [1]]}, arcs)) == 2


def test_a_null_geometry_has_no_rings_and_a_line_is_refused():
    assert ringen({"type": None}, []) == ()
    with pytest.raises(OngeldigeTopologie):
        ringen({"type": "LineString", "arcs": [0]}, [[(0, 0), (1, 1)]])


def test_the_bounding_box_covers_every_point():
    assert kader_van([((0, 5), (3, -1)), ((7, 2),)]) == Kader(0, -1, 7, 5)
    assert kader_van([]) is None
    assert samen([Kader(0, 0, 1, 1), None, Kader(-1, 2, 0, 3)]) == Kader(-1, 0, 1, 3)
    assert samen([None]) is None


def test_boxes_overlap_when_they_share_any_point():
    a = Kader(0, 0, 2, 2)
    assert a.snijdt(Kader(1, 1, 3, 3))
    assert a.snijdt(Kader(2, 0, 3, 1))
    assert not a.snijdt(Kader(2.1, 0, 3, 1))
    assert not a.snijdt(Kader(0, -3, 1, -0.5))


def test_a_wider_box_has_a_margin_of_its_larger_side():
    assert Kader(0, 0, 10, 4).ruimer(0.1) == Kader(-1, -1, 11, 5)


def test_the_scale_fits_the_box_to_the_width_and_flips_y():
    schaal = Schaal(Kader(100, 200, 300, 300), breedte=1000)
    assert schaal.hoogte == 500
    assert schaal.viewbox == "0 0 1000 500"
    assert schaal.punt((100, 300)) == (0, 0)  # north-west corner at the top left
    assert schaal.punt((300, 200)) == (1000, 500)  # south-east at the bottom right
    assert schaal.punt((200, 250)) == (500, 250)


def test_the_path_is_one_moveto_per_ring_with_relative_steps():
    schaal = Schaal(Kader(0, 0, 10, 10), breedte=10)
    square = ((0, 0), (10, 0), (10, 10), (0, 10), (0, 0))
    assert svg_pad([square], schaal) == "M0 10l10 0 0 -10 -10 0 0 10z"


def test_rounding_does_not_accumulate_and_empty_steps_are_left_out():
    schaal = Schaal(Kader(0, 0, 10, 10), breedte=10)
    # Ten steps of 0.4: rounding each step would give 0 ten times; the end is at 4.
    line = tuple((i * 0.4, 0) for i in range(11)) + ((4, 5), (0, 0))
    pad = svg_pad([line], schaal)
    stappen = [int(v) for v in pad[pad.index("l") + 1 : -1].split()]
    assert sum(stappen[0::2]) == 0 and sum(stappen[1::2]) == 0  # closed on the start
    paren = list(zip(stappen[0::2], stappen[1::2], strict=True))
    assert (0, 0) not in paren
    assert paren[:4] == [(1, 0)] * 4  # rounded x: 0 0 1 1 2 2 2 3 3 4 4


def test_a_ring_that_shrinks_to_a_point_is_not_drawn():
    schaal = Schaal(Kader(0, 0, 1000, 1000), breedte=10)
    tiny = ((500, 500), (501, 500), (501, 501), (500, 500))
    square = ((0, 0), (1000, 0), (1000, 1000), (0, 0))
    assert svg_pad([tiny], schaal) == ""
    assert svg_pad([tiny, square], schaal).count("M") == 1
