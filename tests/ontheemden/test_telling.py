"""The GOO counting rules on their boundaries (ontheemden.telling)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ontheemden.telling import (
    BEEINDIGD,
    IN_GEBRUIK,
    IN_VOORBEREIDING,
    GooLocatieWaarden,
    bezetting_op,
    leeg,
    plus_maanden,
    telling,
    vergelijk,
)

D = date(2026, 3, 31)
DAG = timedelta(days=1)


def loc(capaciteit=10, vanaf=date(2025, 1, 1), tot=None, status=IN_GEBRUIK, bezettingen=()):
    return GooLocatieWaarden(capaciteit, vanaf, tot, status, tuple(bezettingen))


@pytest.mark.parametrize(
    ("d", "maanden", "verwacht"),
    [
        (date(2026, 3, 31), 3, date(2026, 6, 30)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 1, 1), 0, date(2026, 1, 1)),
    ],
)
def test_a_month_later_is_the_same_day_or_the_months_last(d, maanden, verwacht):
    assert plus_maanden(d, maanden) == verwacht


def test_a_location_in_use_counts_from_its_first_day():
    assert telling([loc(vanaf=D)], D).capaciteit == 10
    assert telling([loc(vanaf=D)], D - DAG).capaciteit == 0


def test_a_location_starting_the_day_after_does_not_count_but_is_expected():
    t = telling([loc(vanaf=D + DAG)], D)
    assert (t.capaciteit, t.komend, t.locaties) == (0, 10, 0)


def test_a_location_ending_on_the_peildatum_counts_and_ends_within_three_months():
    t = telling([loc(tot=D)], D)
    assert (t.capaciteit, t.aflopend_3, t.aflopend_6, t.capaciteit_na_3) == (10, 10, 10, 0)


def test_a_location_that_ended_the_day_before_counts_nowhere():
    t = telling([loc(tot=D - DAG)], D)
    assert (t.capaciteit, t.aflopend_3, t.komend) == (0, 0, 0)


def test_an_open_ended_location_never_ends():
    t = telling([loc(tot=None)], D)
    assert (t.capaciteit, t.aflopend_3, t.aflopend_6, t.capaciteit_na_6) == (10, 0, 0, 10)


def test_ending_exactly_three_months_on_is_within_three_months():
    t = telling([loc(tot=plus_maanden(D, 3))], D)
    assert (t.aflopend_3, t.aflopend_6) == (10, 10)


def test_ending_a_day_after_three_months_is_within_six_only():
    t = telling([loc(tot=plus_maanden(D, 3) + DAG)], D)
    assert (t.aflopend_3, t.aflopend_6, t.capaciteit_na_3, t.capaciteit_na_6) == (0, 10, 10, 0)


def test_ending_exactly_six_months_on_is_within_six_months():
    assert telling([loc(tot=plus_maanden(D, 6))], D).aflopend_6 == 10


def test_ending_a_day_after_six_months_is_not_ending():
    t = telling([loc(tot=plus_maanden(D, 6) + DAG)], D)
    assert (t.capaciteit, t.aflopend_6, t.capaciteit_na_6) == (10, 0, 10)


def test_a_beeindigde_location_counts_up_to_its_last_day_only():
    ended = loc(tot=D, status=BEEINDIGD)
    assert telling([ended], D).capaciteit == 10
    assert telling([ended], D + DAG).capaciteit == 0
    assert telling([ended], D + DAG).komend == 0


def test_a_location_in_voorbereiding_is_only_expected_capacity():
    t = telling([loc(vanaf=D - DAG * 30, status=IN_VOORBEREIDING, bezettingen=[(D, 5)])], D)
    assert (t.capaciteit, t.bezetting, t.komend, t.zonder_bezetting) == (0, 0, 10, 0)


def test_a_location_in_voorbereiding_whose_end_passed_is_not_expected():
    assert telling([loc(tot=D - DAG, status=IN_VOORBEREIDING)], D).komend == 0


def test_the_latest_bezetting_on_or_before_the_peildatum_applies():
    pairs = [(D - DAG * 40, 3), (D, 7), (D + DAG, 9)]
    assert bezetting_op(loc(bezettingen=pairs), D) == 7
    assert bezetting_op(loc(bezettingen=pairs), D - DAG) == 3
    assert bezetting_op(loc(bezettingen=pairs), D - DAG * 41) is None


def test_an_unknown_bezetting_is_not_zero_and_stays_out_of_the_rate():
    t = telling([loc(capaciteit=10, bezettingen=[(D, 5)]), loc(capaciteit=30)], D)
    assert (t.capaciteit, t.bezetting, t.capaciteit_met_bezetting) == (40, 5, 10)
    assert t.zonder_bezetting == 1
    assert t.bezettingsgraad == Decimal("50.0")


def test_without_any_known_bezetting_there_is_no_rate():
    t = telling([loc()], D)
    assert t.bezettingsgraad is None
    assert not t.bezetting_bekend


def test_a_bezetting_of_a_location_that_no_longer_counts_is_left_out():
    t = telling([loc(tot=D - DAG, bezettingen=[(D - DAG * 2, 8)])], D)
    assert (t.bezetting, t.capaciteit_met_bezetting) == (0, 0)


def test_the_rate_rounds_half_up_to_one_decimal():
    t = telling([loc(capaciteit=3, bezettingen=[(D, 2)])], D)
    assert t.bezettingsgraad == Decimal("66.7")
    t = telling([loc(capaciteit=16, bezettingen=[(D, 1)])], D)  # 6.25
    assert t.bezettingsgraad == Decimal("6.3")


def test_the_hand_computed_case():
    """The case tests/ontheemden/test_een_geval.py follows through every output."""
    locaties = [
        loc(capaciteit=120, vanaf=date(2024, 1, 1), tot=None, bezettingen=[(D, 100)]),
        loc(capaciteit=40, vanaf=date(2025, 6, 1), tot=date(2026, 5, 31), bezettingen=[(D, 38)]),
        loc(capaciteit=25, vanaf=date(2025, 9, 1), tot=date(2026, 8, 31)),
        loc(capaciteit=60, vanaf=date(2026, 5, 1), status=IN_VOORBEREIDING),
        loc(capaciteit=15, vanaf=date(2024, 1, 1), tot=date(2026, 1, 31), status=BEEINDIGD),
    ]
    t = telling(locaties, D)
    assert (t.capaciteit, t.bezetting, t.capaciteit_met_bezetting) == (185, 138, 160)
    assert t.bezettingsgraad == Decimal("86.3")
    assert (t.aflopend_3, t.aflopend_6, t.capaciteit_na_3, t.capaciteit_na_6) == (40, 65, 145, 120)
    assert t.komend == 60
    v = vergelijk(170, t)
    assert (v.tekort_nu, v.tekort_na_3, v.tekort_na_6) == (0, 25, 50)
    assert v.onder_na_einddata


def test_capacity_after_the_horizon_is_what_counts_the_day_after_it():
    locaties = [loc(tot=D + DAG * n) for n in range(0, 200, 7)] + [loc(tot=None)]
    for maanden in (3, 6):
        na = telling(locaties, D)
        dag_erna = plus_maanden(D, maanden) + DAG
        blijft = telling([x for x in locaties if x.vanaf <= D], dag_erna).capaciteit
        assert getattr(na, f"capaciteit_na_{maanden}") == blijft


def test_sums_add_every_figure():
    a = telling([loc(capaciteit=10, tot=D, bezettingen=[(D, 4)])], D)
    b = telling([loc(capaciteit=5, status=IN_VOORBEREIDING), loc(capaciteit=7)], D)
    s = leeg(D) + a + b
    assert (s.capaciteit, s.bezetting, s.aflopend_3, s.komend, s.zonder_bezetting) == (
        17,
        4,
        10,
        5,
        1,
    )
    assert s.locaties == 2


def test_a_shortfall_is_never_negative_and_absent_without_target():
    t = telling([loc(capaciteit=50)], D)
    assert vergelijk(40, t).tekort_nu == 0
    assert vergelijk(60, t).tekort_nu == 10
    assert vergelijk(None, t).tekort_nu is None
    assert not vergelijk(None, t).onder_na_einddata


def test_below_target_after_end_dates_needs_an_end_date():
    always_short = vergelijk(100, telling([loc(capaciteit=50)], D))
    assert always_short.tekort_na_6 == 50
    assert not always_short.onder_na_einddata
    ending = vergelijk(50, telling([loc(capaciteit=50, tot=plus_maanden(D, 6))], D))
    assert ending.onder_na_einddata
    still_enough = vergelijk(10, telling([loc(capaciteit=50, tot=D), loc(capaciteit=20)], D))
    assert not still_enough.onder_na_einddata
