from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import number_format

from kern import formatting


def test_it_groups_thousands_with_a_dot():
    assert formatting.whole_number(3523) == "3.523"


def test_it_groups_thousands_without_an_active_language():
    with translation.override(None):
        assert formatting.whole_number(5000) == "5.000"


def test_it_writes_a_percentage_with_a_decimal_comma():
    assert formatting.percentage(49.94) == "49,9%"
    assert formatting.percentage(None) == "—"


def test_it_writes_a_range():
    assert formatting.number_range(3378, 3983) == "3.378–3.983"


def test_it_writes_dates_the_dutch_way():
    assert formatting.short_date(date(2025, 7, 1)) == "1-7-2025"
    assert formatting.long_date(date(2025, 7, 1)) == "1 juli 2025"
    assert formatting.short_month(date(2024, 3, 1)) == "mrt 2024"


def test_a_count_names_its_noun_in_the_right_number():
    from kern.formatting import count

    assert count(1, "locatie", "locaties") == "1 locatie"
    assert count(0, "locatie", "locaties") == "0 locaties"
    assert count(1200, "plek", "plekken") == "1.200 plekken"


def test_an_empty_range_is_a_dash():
    from kern.formatting import number_range

    assert number_range(0, 0) == "—"
    assert number_range(0, 40) == "0–40"
    assert number_range(3378, 3983) == "3.378–3.983"


@pytest.mark.parametrize(
    "waarde",
    [
        0,
        7,
        -12,
        999,
        1000,
        3523,
        1234567,
        49.94,
        49.95,
        0.04,
        1234.56,
        -0.5,
        Decimal("70.2"),
        Decimal("1234.5678"),
        Decimal("0.001"),
        100.0,
    ],
)
def test_the_numbers_are_the_ones_djangos_dutch_locale_writes(waarde):
    # kern.formatting gives Django's numberformat the Dutch separators itself, to skip
    # the per-number format lookup; it must write exactly what number_format writes.
    with translation.override("nl"):
        assert formatting.whole_number(waarde) == number_format(waarde, force_grouping=True)
        assert formatting.decimal_number(waarde) == number_format(
            waarde, decimal_pos=1, force_grouping=True
        )
        assert formatting.percentage(waarde) == number_format(waarde, decimal_pos=1) + "%"
        assert formatting.percentage(waarde, 0) == number_format(waarde, decimal_pos=0) + "%"
