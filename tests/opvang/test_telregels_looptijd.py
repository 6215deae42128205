"""The minimale looptijd of DOMAIN.md §4, boundary by boundary, without a database.

A window of cycle 2's shape (1 July 2027 to 1 February 2028, assumed) with a minimum
of 5 years: a certain place counts as hard or hard plan only if it is open-ended or
lasts until vanaf + 5 years (W₀ + 5 years for a place that was there already).
"""

from datetime import date, timedelta

import pytest

from opvang.constants import Categorie, Soort, Status
from opvang.telregels import (
    LocatieWaarden,
    Telvenster,
    categorie,
    looptijd_tot,
    omschrijving,
    plus_jaren,
    tel,
)

W0 = date(2027, 7, 1)
W1 = date(2028, 2, 1)
DAG = timedelta(days=1)
VENSTER = Telvenster(W0, W1, minimale_looptijd=5)
ZONDER = Telvenster(W0, W1)
PEILDATUM = date(2027, 10, 1)


def locatie(**kwargs):
    waarden = {"status": Status.IN_GEBRUIK, "soort": Soort.AZC, "plekken": 100, "vanaf": W0}
    waarden.update(kwargs)
    return LocatieWaarden(**waarden)


def test_plus_jaren_keeps_the_day():
    assert plus_jaren(date(2027, 7, 1), 5) == date(2032, 7, 1)
    assert plus_jaren(date(2028, 2, 29), 4) == date(2032, 2, 29)


def test_plus_jaren_makes_29_february_the_28th_in_a_common_year():
    assert plus_jaren(date(2028, 2, 29), 5) == date(2033, 2, 28)


def test_an_existing_place_lasting_exactly_n_years_from_the_window_start_counts_as_hard():
    assert categorie(locatie(vanaf=W0 - 1000 * DAG, tot=date(2032, 7, 1)), VENSTER) == (
        Categorie.HARD
    )


def test_an_existing_place_one_day_short_is_temporary():
    loc = locatie(vanaf=date(2019, 1, 1), tot=date(2032, 6, 30))
    assert categorie(loc, VENSTER) == Categorie.TE_KORT


def test_an_existing_place_is_measured_from_the_window_start_not_from_its_vanaf():
    # From its own vanaf it has run for more than 5 years; from W₀ it has not.
    loc = locatie(vanaf=date(2019, 1, 1), tot=date(2030, 1, 1))
    assert looptijd_tot(loc, VENSTER) == date(2032, 7, 1)
    assert categorie(loc, VENSTER) == Categorie.TE_KORT


def test_a_plan_place_lasting_exactly_n_years_from_its_vanaf_counts_as_hard_plan():
    vanaf = date(2027, 12, 1)
    assert categorie(locatie(vanaf=vanaf, tot=date(2032, 12, 1)), VENSTER) == Categorie.HARD_PLAN


def test_a_plan_place_is_measured_from_its_vanaf():
    vanaf = date(2027, 12, 1)
    # Long enough counted from W₀, one day short counted from its own vanaf.
    loc = locatie(vanaf=vanaf, tot=date(2032, 11, 30))
    assert looptijd_tot(loc, VENSTER) == date(2032, 12, 1)
    assert categorie(loc, VENSTER) == Categorie.TE_KORT


def test_a_plan_place_from_29_february_needs_until_28_february():
    vanaf = date(2028, 1, 29) + 31 * DAG  # 29 February 2028, after W₁: still plan
    assert vanaf == date(2028, 2, 29)
    assert categorie(locatie(vanaf=vanaf, tot=date(2033, 2, 28)), VENSTER) == Categorie.HARD_PLAN
    assert categorie(locatie(vanaf=vanaf, tot=date(2033, 2, 27)), VENSTER) == Categorie.TE_KORT


@pytest.mark.parametrize("vanaf", [W0 - DAG, W0, W0 + DAG])
def test_an_open_ended_place_always_lasts_long_enough(vanaf):
    assert categorie(locatie(vanaf=vanaf, tot=None), VENSTER) in (
        Categorie.HARD,
        Categorie.HARD_PLAN,
    )


def test_a_place_ending_before_the_window_end_stays_tijdelijk():
    assert categorie(locatie(tot=W1 - DAG), VENSTER) == Categorie.TIJDELIJK


def test_without_a_minimale_looptijd_a_short_place_counts_as_before():
    loc = locatie(tot=W1)
    assert categorie(loc, ZONDER) == Categorie.HARD
    assert looptijd_tot(loc, ZONDER) is None
    assert categorie(loc, VENSTER) == Categorie.TE_KORT


def test_a_too_short_place_counts_nowhere_also_not_its_amv_places():
    kort = locatie(plekken=80, amv_plekken=8, tot=date(2029, 3, 1))
    lang = locatie(plekken=50, amv_plekken=5, tot=date(2032, 7, 1))
    plan_kort = locatie(plekken=30, amv_plekken=3, vanaf=W0 + DAG, tot=date(2032, 7, 1))
    telling = tel([kort, lang, plan_kort], VENSTER, peildatum=PEILDATUM)
    assert (telling.hard, telling.hard_amv) == (50, 5)
    assert (telling.hard_plan, telling.hard_plan_amv) == (0, 0)
    # Places too short are still in use: the current capacity counts all three.
    assert telling.huidig == 160
    zonder = tel([kort, lang, plan_kort], ZONDER, peildatum=PEILDATUM)
    assert (zonder.hard, zonder.hard_amv, zonder.hard_plan, zonder.hard_plan_amv) == (
        130,
        13,
        30,
        3,
    )


def test_the_looptijd_does_not_apply_while_the_window_is_unknown():
    onbekend = Telvenster(None, None, minimale_looptijd=5)
    assert categorie(locatie(tot=date(2029, 3, 1)), onbekend) == Categorie.ONBEKEND


def test_planvoorraad_and_closed_places_are_not_affected():
    voorbereiding = locatie(status=Status.IN_VOORBEREIDING, tot=date(2029, 3, 1))
    assert categorie(voorbereiding, VENSTER) == Categorie.PLANVOORRAAD
    assert categorie(locatie(status=Status.BEEINDIGD, tot=W1), VENSTER) == Categorie.TELT_NIET


def test_omschrijving_says_why_a_place_is_too_short():
    loc = locatie(vanaf=date(2024, 3, 1), tot=date(2029, 3, 1))
    assert omschrijving(loc, VENSTER) == (
        "tijdelijk: loopt tot en met 1 maart 2029, korter dan de minimale looptijd van "
        "5 jaar (daarvoor tot ten minste 1 juli 2032)"
    )


def test_omschrijving_of_other_places_is_the_category_label():
    assert omschrijving(locatie(tot=None), VENSTER) == Categorie.HARD.label
    assert omschrijving(locatie(tot=W1 - DAG), VENSTER) == Categorie.TIJDELIJK.label
