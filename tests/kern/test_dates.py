"""The plausible date range (kern.dates)."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError

from kern import dates


def test_the_message_states_the_range():
    assert dates.DATUM_BUITEN_BEREIK == "Kies een datum tussen 1-1-1990 en 31-12-2100."


@pytest.mark.parametrize("d", [date(1990, 1, 1), date(2024, 10, 15), date(2100, 12, 31)])
def test_dates_within_the_range_are_plausible(d):
    assert dates.is_plausible(d)
    dates.validate_plausible_date(d)


@pytest.mark.parametrize(
    "d", [date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1), date(9999, 12, 31)]
)
def test_dates_outside_the_range_are_refused(d):
    assert not dates.is_plausible(d)
    with pytest.raises(ValidationError, match=dates.DATUM_BUITEN_BEREIK):
        dates.validate_plausible_date(d)


def test_a_datetime_counts_by_its_date():
    assert dates.is_plausible(datetime(2100, 12, 31, 23, 59))
