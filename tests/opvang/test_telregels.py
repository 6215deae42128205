"""The counting rules of DOMAIN.md §4, boundary by boundary, without a database.

The window is cycle 1's: 1 July 2025 to 1 February 2026, both days inclusive.
"""

from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal

import pytest

from opvang.constants import Categorie, Soort, Status
from opvang.telregels import (
    LocatieWaarden,
    Telling,
    Telvenster,
    categorie,
    is_in_gebruik_op,
    percentage,
    tel,
)

W0 = date(2025, 7, 1)
W1 = date(2026, 2, 1)
DAG = timedelta(days=1)

VENSTER = Telvenster(W0, W1)
VENSTER_MET_NOODOPVANG = Telvenster(W0, W1, noodopvang_telt=True)
ONBEKEND_VENSTER = Telvenster(None, None)

# A peildatum inside the window, when every location below with vanaf <= W0 is in use.
PEILDATUM = date(2025, 10, 1)

SOORTEN_DIE_TELLEN = [soort for soort in Soort if soort != Soort.NOODOPVANG]


def locatie(**kwargs):
    """Return a certain azc of 100 places from the window start, open-ended."""
    waarden = {
        "status": Status.IN_GEBRUIK,
        "soort": Soort.AZC,
        "plekken": 100,
        "vanaf": W0,
    }
    waarden.update(kwargs)
    return LocatieWaarden(**waarden)


# Start date: hard or hard plan.


def test_a_place_from_the_window_start_counts_as_hard():
    assert categorie(locatie(vanaf=W0), VENSTER) == Categorie.HARD


def test_a_place_from_before_the_window_start_counts_as_hard():
    assert categorie(locatie(vanaf=W0 - DAG), VENSTER) == Categorie.HARD
    assert categorie(locatie(vanaf=date(2019, 1, 1)), VENSTER) == Categorie.HARD


def test_a_place_from_the_day_after_the_window_start_counts_as_hard_plan():
    assert categorie(locatie(vanaf=W0 + DAG), VENSTER) == Categorie.HARD_PLAN


def test_a_place_from_the_window_end_counts_as_hard_plan():
    assert categorie(locatie(vanaf=W1), VENSTER) == Categorie.HARD_PLAN


def test_a_place_starting_after_the_window_end_that_lasts_counts_as_hard_plan():
    assert categorie(locatie(vanaf=W1 + DAG), VENSTER) == Categorie.HARD_PLAN
    assert categorie(locatie(vanaf=date(2027, 6, 1)), VENSTER) == Categorie.HARD_PLAN


# End date: does the place last through the window?


@pytest.mark.parametrize(
    "vanaf, verwacht",
    [(W0 - DAG, Categorie.HARD), (W0, Categorie.HARD), (W0 + DAG, Categorie.HARD_PLAN)],
)
def test_a_place_without_end_date_lasts(vanaf, verwacht):
    assert categorie(locatie(vanaf=vanaf, tot=None), VENSTER) == verwacht


@pytest.mark.parametrize(
    "vanaf, verwacht",
    [(W0 - DAG, Categorie.HARD), (W0, Categorie.HARD), (W0 + DAG, Categorie.HARD_PLAN)],
)
def test_a_place_ending_on_the_window_end_lasts_because_the_window_is_inclusive(vanaf, verwacht):
    assert categorie(locatie(vanaf=vanaf, tot=W1), VENSTER) == verwacht


@pytest.mark.parametrize(
    "vanaf, verwacht",
    [(W0, Categorie.HARD), (W0 + DAG, Categorie.HARD_PLAN)],
)
def test_a_place_ending_after_the_window_end_lasts(vanaf, verwacht):
    assert categorie(locatie(vanaf=vanaf, tot=W1 + DAG), VENSTER) == verwacht


@pytest.mark.parametrize("vanaf", [W0 - DAG, W0, W0 + DAG])
def test_a_place_ending_the_day_before_the_window_end_is_temporary(vanaf):
    assert categorie(locatie(vanaf=vanaf, tot=W1 - DAG), VENSTER) == Categorie.TIJDELIJK


def test_a_place_ending_before_the_window_starts_is_temporary():
    loc = locatie(vanaf=date(2024, 1, 1), tot=W0 - DAG)
    assert categorie(loc, VENSTER) == Categorie.TIJDELIJK


def test_temporary_places_count_for_neither_hard_category():
    tijdelijk = locatie(plekken=80, amv_plekken=8, vanaf=W0 - DAG, tot=W1 - DAG)
    telling = tel([tijdelijk], VENSTER, peildatum=PEILDATUM)
    assert telling.hard == telling.hard_plan == 0
    assert telling.hard_amv == telling.hard_plan_amv == 0
    assert telling.planvoorraad_min == telling.planvoorraad_max == 0


# Status.


@pytest.mark.parametrize(
    "status, verwacht",
    [
        (Status.IN_GEBRUIK, Categorie.HARD),
        (Status.IN_REALISATIE, Categorie.HARD),
        (Status.IN_VOORBEREIDING, Categorie.PLANVOORRAAD),
        (Status.BEEINDIGD, Categorie.TELT_NIET),
        (Status.VERVALLEN, Categorie.TELT_NIET),
    ],
)
def test_each_status_counts_where_the_rules_say(status, verwacht):
    assert categorie(locatie(status=status), VENSTER) == verwacht


@pytest.mark.parametrize("status", [Status.IN_GEBRUIK, Status.IN_REALISATIE])
def test_certain_places_starting_later_count_as_hard_plan_for_both_certain_statuses(status):
    assert categorie(locatie(status=status, vanaf=W0 + DAG), VENSTER) == Categorie.HARD_PLAN


@pytest.mark.parametrize("status", [Status.BEEINDIGD, Status.VERVALLEN])
@pytest.mark.parametrize(
    "vanaf, tot",
    [(W0, None), (W0 - DAG, W1), (W0 + DAG, None), (W0, W1 - DAG), (None, None)],
)
@pytest.mark.parametrize("venster", [VENSTER, VENSTER_MET_NOODOPVANG, ONBEKEND_VENSTER])
def test_closed_and_dropped_locations_count_nowhere_whatever_their_dates(
    status, vanaf, tot, venster
):
    loc = locatie(status=status, plekken=50, amv_plekken=5, plekken_max=70, vanaf=vanaf, tot=tot)
    assert categorie(loc, venster) == Categorie.TELT_NIET
    telling = tel([loc], venster, peildatum=W1 + DAG)
    assert telling == Telling()


def test_a_location_in_preparation_counts_as_planvoorraad_whatever_its_dates():
    for vanaf, tot in [(None, None), (W0 - DAG, W1 - DAG), (W1 + DAG, None)]:
        loc = locatie(status=Status.IN_VOORBEREIDING, vanaf=vanaf, tot=tot)
        assert categorie(loc, VENSTER) == Categorie.PLANVOORRAAD


def test_planvoorraad_counts_from_plekken_to_plekken_max():
    loc = locatie(status=Status.IN_VOORBEREIDING, plekken=120, plekken_max=200, amv_plekken=12)
    telling = tel([loc], VENSTER, peildatum=PEILDATUM)
    assert (telling.planvoorraad_min, telling.planvoorraad_max) == (120, 200)
    assert telling.planvoorraad_amv == 12
    assert telling.hard == telling.hard_plan == telling.huidig == 0


def test_planvoorraad_without_plekken_max_counts_plekken_as_maximum():
    loc = locatie(status=Status.IN_VOORBEREIDING, plekken=120, plekken_max=None)
    telling = tel([loc], VENSTER, peildatum=PEILDATUM)
    assert (telling.planvoorraad_min, telling.planvoorraad_max) == (120, 120)


def test_planvoorraad_ranges_add_up_over_locations():
    locaties = [
        locatie(status=Status.IN_VOORBEREIDING, plekken=100, plekken_max=150),
        locatie(status=Status.IN_VOORBEREIDING, plekken=40),
    ]
    telling = tel(locaties, VENSTER, peildatum=PEILDATUM)
    assert (telling.planvoorraad_min, telling.planvoorraad_max) == (140, 190)


def test_plain_string_values_from_the_database_count_like_the_choices():
    loc = LocatieWaarden(status="in_realisatie", soort="regionaal", plekken=10, vanaf=W0)
    assert categorie(loc, VENSTER) == Categorie.HARD
    noodopvang = LocatieWaarden(status="in_gebruik", soort="noodopvang", plekken=10, vanaf=W0)
    assert categorie(noodopvang, VENSTER) == Categorie.TELT_NIET


# Soort: noodopvang is a per-cycle setting.


@pytest.mark.parametrize("soort", SOORTEN_DIE_TELLEN)
def test_every_soort_but_noodopvang_counts_by_default(soort):
    assert categorie(locatie(soort=soort), VENSTER) == Categorie.HARD
    assert categorie(locatie(soort=soort, vanaf=W0 + DAG), VENSTER) == Categorie.HARD_PLAN


@pytest.mark.parametrize("status", [Status.IN_GEBRUIK, Status.IN_REALISATIE])
@pytest.mark.parametrize("vanaf", [W0, W0 + DAG])
def test_noodopvang_counts_nowhere_when_the_cycle_setting_is_off(status, vanaf):
    loc = locatie(status=status, soort=Soort.NOODOPVANG, vanaf=vanaf)
    assert categorie(loc, VENSTER) == Categorie.TELT_NIET


@pytest.mark.parametrize("vanaf, verwacht", [(W0, Categorie.HARD), (W0 + DAG, Categorie.HARD_PLAN)])
def test_noodopvang_counts_when_the_cycle_setting_is_on(vanaf, verwacht):
    loc = locatie(soort=Soort.NOODOPVANG, vanaf=vanaf)
    assert categorie(loc, VENSTER_MET_NOODOPVANG) == verwacht


def test_temporary_noodopvang_stays_temporary_when_the_cycle_setting_is_on():
    loc = locatie(soort=Soort.NOODOPVANG, tot=W1 - DAG)
    assert categorie(loc, VENSTER_MET_NOODOPVANG) == Categorie.TIJDELIJK


def test_noodopvang_is_left_out_of_the_totals_but_not_out_of_current_capacity():
    noodopvang = locatie(soort=Soort.NOODOPVANG, plekken=300, amv_plekken=0, vanaf=W0)
    uit = tel([noodopvang], VENSTER, peildatum=PEILDATUM)
    aan = tel([noodopvang], VENSTER_MET_NOODOPVANG, peildatum=PEILDATUM)
    assert (uit.hard, uit.huidig) == (0, 300)
    assert (aan.hard, aan.huidig) == (300, 300)


def test_a_noodopvang_initiative_is_no_planvoorraad_when_noodopvang_does_not_count():
    """Planvoorraad is measured against the opgave, so the soort rule applies to it too."""
    loc = locatie(status=Status.IN_VOORBEREIDING, soort=Soort.NOODOPVANG)
    assert categorie(loc, VENSTER) == Categorie.TELT_NIET
    meetellend = Telvenster(VENSTER.van, VENSTER.tot, noodopvang_telt=True)
    assert categorie(loc, meetellend) == Categorie.PLANVOORRAAD


# AMV alongside.


def test_amv_places_count_in_hard_amv_alongside_hard():
    telling = tel([locatie(plekken=60, amv_plekken=20, vanaf=W0)], VENSTER, PEILDATUM)
    assert (telling.hard, telling.hard_amv) == (60, 20)
    assert (telling.hard_plan, telling.hard_plan_amv) == (0, 0)


def test_amv_places_count_in_hard_plan_amv_alongside_hard_plan():
    loc = locatie(status=Status.IN_REALISATIE, plekken=60, amv_plekken=20, vanaf=W0 + DAG)
    telling = tel([loc], VENSTER, PEILDATUM)
    assert (telling.hard_plan, telling.hard_plan_amv) == (60, 20)
    assert (telling.hard, telling.hard_amv) == (0, 0)


def test_amv_places_are_counted_by_dates_not_by_soort():
    gemengd = locatie(soort=Soort.GEMENGD_WONEN, plekken=50, amv_plekken=10, vanaf=W0)
    amv = locatie(soort=Soort.AMV, plekken=30, amv_plekken=30, vanaf=W0 + DAG)
    telling = tel([gemengd, amv], VENSTER, PEILDATUM)
    assert (telling.hard, telling.hard_amv) == (50, 10)
    assert (telling.hard_plan, telling.hard_plan_amv) == (30, 30)
    assert telling.minimale_dekking_amv == 40


# Unknown window (cycle 2 until the minister sets it).


@pytest.mark.parametrize(
    "venster",
    [Telvenster(None, None), Telvenster(W0, None), Telvenster(None, W1)],
    ids=["both-unknown", "end-unknown", "start-unknown"],
)
@pytest.mark.parametrize("status", [Status.IN_GEBRUIK, Status.IN_REALISATIE])
@pytest.mark.parametrize("vanaf, tot", [(W0, None), (W0 + DAG, None), (W0, W1 - DAG)])
def test_an_unknown_window_makes_certain_places_unknown(venster, status, vanaf, tot):
    assert not venster.is_bekend
    assert categorie(locatie(status=status, vanaf=vanaf, tot=tot), venster) == Categorie.ONBEKEND


def test_an_unknown_window_counts_certain_places_in_neither_hard_category():
    locaties = [
        locatie(plekken=100, amv_plekken=10, vanaf=W0),
        locatie(status=Status.IN_REALISATIE, plekken=50, amv_plekken=5, vanaf=W0 + DAG),
    ]
    telling = tel(locaties, ONBEKEND_VENSTER, peildatum=PEILDATUM)
    assert (telling.hard, telling.hard_amv, telling.hard_plan, telling.hard_plan_amv) == (
        0,
        0,
        0,
        0,
    )
    assert telling.minimale_dekking == 0


def test_an_unknown_window_still_counts_planvoorraad_and_current_capacity():
    locaties = [
        locatie(status=Status.IN_VOORBEREIDING, plekken=40, plekken_max=60, amv_plekken=4),
        locatie(plekken=100, vanaf=date(2025, 1, 1)),
    ]
    assert categorie(locaties[0], ONBEKEND_VENSTER) == Categorie.PLANVOORRAAD
    telling = tel(locaties, ONBEKEND_VENSTER, peildatum=PEILDATUM)
    assert (telling.planvoorraad_min, telling.planvoorraad_max) == (40, 60)
    assert telling.planvoorraad_amv == 4
    assert telling.huidig == 100
    assert (telling.perspectief_min, telling.perspectief_max) == (40, 60)


def test_noodopvang_counts_nowhere_when_the_window_is_unknown_and_the_setting_is_off():
    loc = locatie(soort=Soort.NOODOPVANG)
    assert categorie(loc, ONBEKEND_VENSTER) == Categorie.TELT_NIET


def test_a_window_with_both_dates_is_known():
    assert VENSTER.is_bekend
    assert not VENSTER.noodopvang_telt


@pytest.mark.parametrize("status", [Status.IN_GEBRUIK, Status.IN_REALISATIE])
def test_a_certain_place_without_start_date_is_unknown(status):
    loc = locatie(status=status, vanaf=None)
    assert categorie(loc, VENSTER) == Categorie.ONBEKEND
    assert tel([loc], VENSTER, PEILDATUM) == Telling()


# Current capacity on a peildatum.


D = date(2024, 10, 15)


@pytest.mark.parametrize(
    "vanaf, tot, telt",
    [
        (D, None, True),
        (D - DAG, None, True),
        (D + DAG, None, False),
        (D - DAG, D, True),
        (D, D, True),
        (D - DAG, D + DAG, True),
        (D - 2 * DAG, D - DAG, False),
        (None, None, False),
    ],
    ids=[
        "from-d",
        "from-before-d",
        "from-day-after-d",
        "until-d",
        "only-d",
        "around-d",
        "until-day-before-d",
        "no-start-date",
    ],
)
def test_a_location_in_use_counts_on_the_days_between_vanaf_and_tot(vanaf, tot, telt):
    loc = locatie(status=Status.IN_GEBRUIK, vanaf=vanaf, tot=tot)
    assert is_in_gebruik_op(loc, D) is telt


@pytest.mark.parametrize("status", [Status.IN_REALISATIE, Status.IN_VOORBEREIDING])
def test_a_location_not_yet_in_use_does_not_count_as_current_capacity(status):
    loc = locatie(status=status, vanaf=D - DAG, tot=None)
    assert not is_in_gebruik_op(loc, D)


def test_a_dropped_location_never_counts_as_current_capacity():
    loc = locatie(status=Status.VERVALLEN, vanaf=D - DAG, tot=D + DAG)
    assert not is_in_gebruik_op(loc, D)


@pytest.mark.parametrize(
    "peildatum, telt",
    [(D - DAG, True), (D, True), (D + DAG, False), (date(2020, 12, 31), False)],
    ids=["before-end", "on-end", "after-end", "before-start"],
)
def test_a_closed_location_counts_as_current_capacity_up_to_its_end_date(peildatum, telt):
    loc = locatie(status=Status.BEEINDIGD, vanaf=date(2021, 1, 1), tot=D)
    assert is_in_gebruik_op(loc, peildatum) is telt


def test_a_closed_location_without_end_date_never_counts_as_current_capacity():
    loc = locatie(status=Status.BEEINDIGD, vanaf=date(2021, 1, 1), tot=None)
    assert not is_in_gebruik_op(loc, D)


@pytest.mark.parametrize("soort", list(Soort))
def test_every_soort_counts_as_current_capacity(soort):
    loc = locatie(soort=soort, plekken=25, vanaf=D)
    assert is_in_gebruik_op(loc, D)
    assert tel([loc], VENSTER, peildatum=D).huidig == 25


def test_current_capacity_uses_the_peildatum_not_the_window():
    later = locatie(plekken=70, vanaf=W0)
    assert tel([later], VENSTER, peildatum=W0 - DAG).huidig == 0
    assert tel([later], VENSTER, peildatum=W0).huidig == 70


def test_current_capacity_counts_plekken_not_amv_plekken():
    loc = locatie(plekken=90, amv_plekken=30, vanaf=D)
    assert tel([loc], VENSTER, peildatum=D).huidig == 90


# The worked example of DOMAIN.md §5: Utrecht, autumn 2024.

UTRECHT_OPGAVE = 8207
HERFST_2024 = date(2024, 10, 15)

UTRECHT_LOCATIES = [
    # Harde opvangcapaciteit: 3,523 places, 355 AMV.
    locatie(soort=Soort.AZC, plekken=2400, vanaf=date(2019, 3, 1)),
    locatie(soort=Soort.REGIONAAL, plekken=768, amv_plekken=0, vanaf=date(2023, 5, 1), tot=W1),
    locatie(soort=Soort.AMV, plekken=355, amv_plekken=355, vanaf=date(2024, 2, 1)),
    # Harde plancapaciteit: 575 places, 40 AMV; being built, not yet in use.
    locatie(status=Status.IN_REALISATIE, soort=Soort.AZC, plekken=535, vanaf=date(2025, 9, 1)),
    locatie(
        status=Status.IN_REALISATIE,
        soort=Soort.GEMENGD_WONEN,
        plekken=40,
        amv_plekken=40,
        vanaf=date(2026, 1, 1),
    ),
    # Planvoorraad: 3,378 to 3,983 places.
    locatie(status=Status.IN_VOORBEREIDING, plekken=3000, plekken_max=3500, vanaf=None),
    locatie(status=Status.IN_VOORBEREIDING, plekken=378, plekken_max=483, vanaf=None),
    # In use now but counting for neither hard category: noodopvang and temporary places.
    locatie(soort=Soort.NOODOPVANG, plekken=1000, vanaf=date(2022, 9, 1)),
    locatie(soort=Soort.OVERIG, plekken=182, vanaf=date(2023, 1, 1), tot=date(2025, 12, 31)),
    # Counting nowhere, not even in the current capacity of autumn 2024.
    locatie(status=Status.BEEINDIGD, plekken=250, vanaf=date(2022, 4, 1), tot=date(2024, 3, 31)),
    locatie(status=Status.VERVALLEN, plekken=400, vanaf=None),
]


def test_the_worked_example_of_utrecht_adds_up_to_the_letters_figures():
    telling = tel(UTRECHT_LOCATIES, VENSTER, peildatum=HERFST_2024)
    assert telling == Telling(
        hard=3523,
        hard_amv=355,
        hard_plan=575,
        hard_plan_amv=40,
        planvoorraad_min=3378,
        planvoorraad_max=3983,
        planvoorraad_amv=0,
        huidig=4705,
    )
    assert telling.minimale_dekking == 4098
    assert telling.minimale_dekking_amv == 395
    assert (telling.perspectief_min, telling.perspectief_max) == (7476, 8081)
    assert percentage(telling.minimale_dekking, UTRECHT_OPGAVE) == Decimal("49.9")


def test_the_totals_are_the_sum_of_the_totals_per_location():
    per_locatie = [tel([loc], VENSTER, peildatum=HERFST_2024) for loc in UTRECHT_LOCATIES]
    assert sum(per_locatie, Telling()) == tel(UTRECHT_LOCATIES, VENSTER, HERFST_2024)


def test_tel_accepts_any_iterable():
    als_generator = (loc for loc in UTRECHT_LOCATIES)
    assert tel(als_generator, VENSTER, HERFST_2024) == tel(UTRECHT_LOCATIES, VENSTER, HERFST_2024)


def test_no_locations_count_zero():
    assert tel([], VENSTER, PEILDATUM) == Telling()


# Telling.


def test_adding_two_tellingen_adds_every_field():
    namen = [f.name for f in fields(Telling)]
    links = Telling(**{naam: i + 1 for i, naam in enumerate(namen)})
    rechts = Telling(**{naam: 100 * (i + 1) for i, naam in enumerate(namen)})
    som = links + rechts
    for i, naam in enumerate(namen):
        assert getattr(som, naam) == 101 * (i + 1), naam


def test_a_telling_has_every_figure_of_the_rules():
    assert [f.name for f in fields(Telling)] == [
        "hard",
        "hard_amv",
        "hard_plan",
        "hard_plan_amv",
        "planvoorraad_min",
        "planvoorraad_max",
        "planvoorraad_amv",
        "huidig",
    ]


def test_an_empty_telling_is_zero_and_neutral_for_adding():
    telling = Telling(hard=5, huidig=7)
    assert Telling() + telling == telling == telling + Telling()
    assert all(getattr(Telling(), f.name) == 0 for f in fields(Telling))


def test_minimale_dekking_and_perspectief_follow_from_the_figures():
    telling = Telling(
        hard=10,
        hard_amv=3,
        hard_plan=5,
        hard_plan_amv=2,
        planvoorraad_min=20,
        planvoorraad_max=30,
        huidig=999,
    )
    assert telling.minimale_dekking == 15
    assert telling.minimale_dekking_amv == 5
    assert telling.perspectief_min == 35
    assert telling.perspectief_max == 45


# Percentage.


@pytest.mark.parametrize(
    "deel, geheel, verwacht",
    [
        (4098, 8207, "49.9"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 16, "6.3"),
        (5, 16, "31.3"),
        (1, 400, "0.3"),
        (1, 8, "12.5"),
        (0, 10, "0.0"),
        (10, 10, "100.0"),
        (3, 2, "150.0"),
        (1, 2000, "0.1"),
        (1, 2001, "0.0"),
    ],
)
def test_percentage_rounds_half_up_to_one_decimal(deel, geheel, verwacht):
    uitkomst = percentage(deel, geheel)
    assert isinstance(uitkomst, Decimal)
    assert str(uitkomst) == verwacht


@pytest.mark.parametrize("geheel", [0, None])
def test_percentage_of_no_opgave_is_none(geheel):
    assert percentage(4098, geheel) is None
    assert percentage(0, geheel) is None
