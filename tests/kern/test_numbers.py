"""Whole numbers the Dutch way (kern.numbers)."""

import pytest

from kern.numbers import GEEN_GEHEEL_GETAL, parse_whole_number


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("1000", 1000),
        ("1.000", 1000),
        (" 12.345.678 ", 12345678),
        ("0", 0),
        ("-5", -5),
        ("-1.000", -1000),
        (1000, 1000),
        (1000.0, 1000),
    ],
)
def test_dutch_whole_numbers_are_read(invoer, verwacht):
    assert parse_whole_number(invoer) == verwacht


@pytest.mark.parametrize(
    "invoer",
    ["1.5", "1,5", "1.00", "1,000", "1 000", "1000.000", "10.00.000", ".000", "1.", "",
     "veel", "\u0661\u0660", 1.5, True],
)  # fmt: skip
def test_anything_else_is_refused_with_one_message(invoer):
    with pytest.raises(ValueError, match=GEEN_GEHEEL_GETAL):
        parse_whole_number(invoer)
