"""The frozen statushouders object: the hand case, sources, carry-over, flags, queries."""

from datetime import date
from decimal import Decimal

import pytest

from gemeenten.models import Gemeente
from huisvesting import services
from huisvesting.constants import Bron
from huisvesting.saldo import ACHTER, OP_SCHEMA
from huisvesting.selectors import statushouders

from .factories import HAND_PEILDATUM, gemeenten, hand_case, maanden, startsaldo, taakstelling

pytestmark = pytest.mark.django_db


def test_the_hand_case_is_counted_as_by_hand(gemeente):
    hand_case(gemeente)
    overzicht = statushouders(gemeente.provincie, HAND_PEILDATUM)
    rij = overzicht.gemeenten[0]
    s = rij.stand
    assert overzicht.halfjaar == "2025-H2"
    assert (s.taakstelling, s.startsaldo, s.gecorrigeerd) == (60, 12, 72)
    assert (s.gerealiseerd, s.eindsaldo, s.percentage, s.oordeel) == (
        48,
        24,
        Decimal("66.7"),
        ACHTER,
    )
    assert overzicht.totaal.eindsaldo == 24


def test_on_the_last_day_of_the_half_year_december_has_not_passed(gemeente):
    hand_case(gemeente)
    s = statushouders(gemeente.provincie, date(2025, 12, 31)).gemeenten[0].stand
    assert (s.verstreken_maanden, s.percentage) == (5, Decimal("80.0"))


def test_the_end_balance_is_the_next_start_balance(gemeente):
    hand_case(gemeente)
    taakstelling(gemeente, "2026-H1", 30)
    s = statushouders(gemeente.provincie, date(2026, 3, 1)).gemeenten[0].stand
    assert (s.startsaldo, s.gecorrigeerd, s.verstreken_maanden) == (24, 54, 2)


def test_the_province_setting_chooses_the_source_and_the_difference_shows(gemeente, prt_user):
    hand_case(gemeente)
    maanden(gemeente, date(2025, 7, 1), (12, 8, 0, 15, 9, 6), bron=Bron.GEMEENTE)
    huidig = statushouders(gemeente.provincie, HAND_PEILDATUM).gemeenten[0].huidig
    assert huidig.stand.gerealiseerd == 48
    assert [m.verschil for m in huidig.verschillen] == [-2]
    services.instelling_wijzigen(
        provincie=gemeente.provincie, telbron=Bron.GEMEENTE, drempel_op_schema=100,
        drempel_enigszins_achter=75, user=prt_user,
    )  # fmt: skip
    assert statushouders(gemeente.provincie, HAND_PEILDATUM).gemeenten[0].stand.gerealiseerd == 50


def test_the_latest_taakstelling_applies(gemeente):
    hand_case(gemeente)
    taakstelling(gemeente, "2025-H2", 50, bron="Correctie")
    assert statushouders(gemeente.provincie, HAND_PEILDATUM).gemeenten[0].stand.eindsaldo == 14


def test_without_start_balance_the_figures_are_a_gap_not_zero(gemeente):
    taakstelling(gemeente, "2025-H2", 60)
    rij = statushouders(gemeente.provincie, HAND_PEILDATUM).gemeenten[0]
    assert rij.stand is None
    assert statushouders(gemeente.provincie, HAND_PEILDATUM).totaal is None


def test_two_half_years_achter_in_a_row_are_flagged(gemeente):
    taakstelling(gemeente, "2025-H1", 30)
    startsaldo(gemeente, "2025-H1", 0)
    taakstelling(gemeente, "2025-H2", 30)
    maanden(gemeente, date(2025, 1, 1), (1, 1, 1, 1, 1, 1))
    overzicht = statushouders(gemeente.provincie, HAND_PEILDATUM)
    assert overzicht.gemeenten[0].achter_op_rij == 2
    assert overzicht.gesignaleerd == (overzicht.gemeenten[0],)


def test_a_voorsprong_rates_op_schema(gemeente):
    taakstelling(gemeente, "2025-H2", 10)
    startsaldo(gemeente, "2025-H2", -15)
    assert statushouders(gemeente.provincie, HAND_PEILDATUM).gemeenten[0].stand.oordeel == OP_SCHEMA


def test_the_figures_take_a_constant_number_of_queries(provincie, django_assert_max_num_queries):
    for i, g in enumerate(gemeenten(provincie, 60)):
        taakstelling(g, "2025-H1", 20)
        taakstelling(g, "2026-H1", 20)
        startsaldo(g, "2025-H1", 3)
        maanden(g, date(2025, 1, 1), [i % 5] * 24)
    assert Gemeente.objects.count() == 60
    with django_assert_max_num_queries(9):
        overzicht = statushouders(provincie, date(2026, 12, 2))
    assert len(overzicht.gemeenten) == 60
    assert overzicht.halfjaar == "2026-H2"
