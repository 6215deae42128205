"""The statushouders counting rules (huisvesting.saldo), on every boundary the issue names."""

from datetime import date
from decimal import Decimal

import pytest

from huisvesting.saldo import (
    ACHTER,
    ENIGSZINS_ACHTER,
    OP_SCHEMA,
    Drempels,
    achter_op_rij,
    bereken_stand,
    kies_bron,
    reeks,
    verstreken_maanden,
)

HAND = (10, 8, 0, 15, 9, 6)


def stand(taakstelling=60, startsaldo=0, per_maand=(None,) * 6, verstreken=6, drempels=None):
    return bereken_stand(
        taakstelling=taakstelling,
        startsaldo=startsaldo,
        per_maand=per_maand,
        verstreken=verstreken,
        drempels=drempels,
    )


def test_the_hand_case_gives_gecorrigeerd_72_and_eindsaldo_24():
    s = stand(taakstelling=60, startsaldo=12, per_maand=HAND)
    assert (s.gecorrigeerd, s.gerealiseerd, s.eindsaldo) == (72, 48, 24)
    assert s.tempo == Decimal("72.0")
    assert s.percentage == Decimal("66.7")
    assert s.oordeel == ACHTER
    assert "minder dan 75%" in s.reden


def test_the_hand_case_after_three_months_is_measured_against_half_the_pace():
    s = stand(taakstelling=60, startsaldo=12, per_maand=(10, 8, 0, None, None, None), verstreken=3)
    assert s.tempo == Decimal("36.0")
    assert s.percentage == Decimal("50.0")
    assert s.eindsaldo == 54


@pytest.mark.parametrize(
    ("peildatum", "maanden"),
    [
        (date(2025, 1, 1), 0),
        (date(2025, 1, 31), 0),
        (date(2025, 2, 1), 1),
        (date(2025, 3, 15), 2),
        (date(2025, 6, 30), 5),
        (date(2025, 7, 1), 6),
        (date(2026, 3, 1), 6),
        (date(2024, 12, 31), 0),
    ],
)
def test_a_month_has_passed_once_it_is_over(peildatum, maanden):
    assert verstreken_maanden(date(2025, 1, 1), peildatum) == maanden


def test_a_half_year_without_realisation_is_achter_and_carries_all_of_it():
    s = stand(taakstelling=30, startsaldo=5)
    assert (s.gerealiseerd, s.eindsaldo, s.percentage, s.oordeel) == (0, 35, Decimal("0.0"), ACHTER)
    assert s.ontbrekende_maanden == (1, 2, 3, 4, 5, 6)


def test_over_realisation_is_carried_as_voorsprong():
    eerste, tweede = reeks([(10, (5, 5, 5, 0, 0, 0), 6), (10, (0,) * 6, 2)], startsaldo=0)
    assert eerste.eindsaldo == -5
    assert tweede.startsaldo == -5
    assert tweede.gecorrigeerd == 5


def test_a_voorsprong_that_covers_the_taakstelling_has_no_pace_and_is_op_schema():
    s = stand(taakstelling=10, startsaldo=-12, per_maand=(0,) * 6)
    assert (s.gecorrigeerd, s.tempo, s.percentage, s.oordeel) == (
        -2,
        Decimal("0.0"),
        None,
        OP_SCHEMA,
    )
    assert "voorsprong" in s.reden


def test_a_gecorrigeerde_taakstelling_of_exactly_zero_has_no_pace():
    s = stand(taakstelling=10, startsaldo=-10, per_maand=(0,) * 6)
    assert (s.tempo, s.percentage, s.oordeel) == (Decimal("0.0"), None, OP_SCHEMA)


def test_before_the_first_month_ends_nobody_is_behind():
    s = stand(taakstelling=60, per_maand=(None,) * 6, verstreken=0)
    assert (s.percentage, s.oordeel) == (None, OP_SCHEMA)
    assert "nog geen maand" in s.reden


def test_the_running_month_counts_as_realised():
    s = stand(taakstelling=60, per_maand=(10, 4, None, None, None, None), verstreken=1)
    assert s.gerealiseerd == 14
    assert s.percentage == Decimal("140.0")


# Pace 60 (all six months of 60): 60 is exactly 100%, 45 exactly 75%.
@pytest.mark.parametrize(
    ("gerealiseerd", "oordeel"),
    [
        (61, OP_SCHEMA),
        (60, OP_SCHEMA),
        (59, ENIGSZINS_ACHTER),
        (45, ENIGSZINS_ACHTER),
        (44, ACHTER),
    ],
)
def test_the_thresholds_hold_exactly_on_their_edges(gerealiseerd, oordeel):
    assert stand(taakstelling=60, per_maand=(gerealiseerd, 0, 0, 0, 0, 0)).oordeel == oordeel


def test_an_edge_that_is_a_fraction_is_not_rounded_into_the_better_rating():
    # Pace after 1 month of 7: 7/6 = 1,1666…; 1 person is 85,7%, not 100%.
    s = stand(taakstelling=7, per_maand=(1, None, None, None, None, None), verstreken=1)
    assert s.oordeel == ENIGSZINS_ACHTER
    assert s.percentage == Decimal("85.7")


def test_a_province_sets_its_own_thresholds():
    drempels = Drempels(op_schema=90, enigszins_achter=60)
    assert (
        stand(taakstelling=60, per_maand=(54, 0, 0, 0, 0, 0), drempels=drempels).oordeel
        == OP_SCHEMA
    )
    s = stand(taakstelling=60, per_maand=(36, 0, 0, 0, 0, 0), drempels=drempels)
    assert s.oordeel == ENIGSZINS_ACHTER
    assert "60% tot 90%" in s.reden


def test_a_corrected_taakstelling_changes_the_figures():
    assert stand(taakstelling=60, startsaldo=12, per_maand=HAND).eindsaldo == 24
    assert stand(taakstelling=50, startsaldo=12, per_maand=HAND).eindsaldo == 14


def test_changing_the_source_setting_changes_what_counts():
    assert kies_bron(7, 9, "coa") == 7
    assert kies_bron(7, 9, "gemeente") == 9
    assert kies_bron(None, 9, "coa") is None


def test_an_unknown_start_balance_or_taakstelling_breaks_the_chain():
    assert reeks([(10, (0,) * 6, 6), (10, (0,) * 6, 6)], startsaldo=None) == [None, None]
    standen = reeks([(None, (0,) * 6, 6), (10, (0,) * 6, 6)], startsaldo=0)
    assert standen == [None, None]


def test_the_chain_carries_each_end_balance_to_the_next_start():
    standen = reeks([(60, HAND, 6), (40, (10,) * 6, 6), (20, (0,) * 6, 3)], startsaldo=12)
    assert [s.startsaldo for s in standen] == [12, 24, 4]
    assert [s.eindsaldo for s in standen] == [24, 4, 24]


def test_two_or_more_half_years_achter_in_a_row_are_counted():
    assert achter_op_rij([ACHTER, OP_SCHEMA, ACHTER, ACHTER]) == 2
    assert achter_op_rij([ACHTER, ENIGSZINS_ACHTER, ACHTER]) == 1
    assert achter_op_rij([]) == 0


def test_bad_values_are_refused():
    with pytest.raises(ValueError):
        stand(per_maand=(1, 2, 3))
    with pytest.raises(ValueError):
        stand(per_maand=(-1, 0, 0, 0, 0, 0))
