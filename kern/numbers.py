"""Whole numbers written the Dutch way: 1000 or 1.000, never 1,5 or 1.5.

In Dutch the dot groups thousands, so "1.000" is a thousand. Django's localized
IntegerField reads it as 1 (it drops a decimal part of zeros); this parser is used by
the web forms and the Excel import alike, so the same text is the same number in both,
and anything else is refused with one message.
"""

from __future__ import annotations

import re

GEEN_GEHEEL_GETAL = "Vul een geheel getal in, zoals 1000 of 1.000."

# ASCII digits only: \d would also accept other scripts' digits, which int() reads.
HEEL_GETAL_RE = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)")


def parse_whole_number(value) -> int:
    """Return value as an int, or raise ValueError(GEEN_GEHEEL_GETAL).

    Accepts an int, a float without fraction (an Excel number cell) and text of digits,
    optionally grouped by a dot per three: "1000", "1.000", "-5". Refuses "1.5", "1,5",
    "1.00", "1 000", booleans and anything else.
    """
    if isinstance(value, bool):
        raise ValueError(GEEN_GEHEEL_GETAL)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and HEEL_GETAL_RE.fullmatch(value.strip()):
        return int(value.strip().replace(".", ""))
    raise ValueError(GEEN_GEHEEL_GETAL)
