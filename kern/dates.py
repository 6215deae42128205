"""The range of plausible dates, checked on every input of a date.

A date outside it is a typing error (0001 for 2001) or an attack: a location from the
year 1 makes every chart and report iterate two thousand years. The bounds are
constants, not settings: they are part of the data's meaning, like a field's type.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError

EERSTE_DATUM = date(1990, 1, 1)
LAATSTE_DATUM = date(2100, 12, 31)


def _dutch(d):
    return f"{d.day}-{d.month}-{d.year}"


DATUM_BUITEN_BEREIK = f"Kies een datum tussen {_dutch(EERSTE_DATUM)} en {_dutch(LAATSTE_DATUM)}."


def is_plausible(value: date) -> bool:
    """Return whether a date lies within EERSTE_DATUM and LAATSTE_DATUM (inclusive)."""
    if isinstance(value, datetime):
        value = value.date()
    return EERSTE_DATUM <= value <= LAATSTE_DATUM


def validate_plausible_date(value):
    """Raise ValidationError (DATUM_BUITEN_BEREIK) for a date outside the range."""
    if value is not None and not is_plausible(value):
        raise ValidationError(DATUM_BUITEN_BEREIK, code="datum_bereik")


# A gemeentelijke herindeling takes effect on 1 January (Wet arhi): a gemeente is
# opgeheven per a 1 January, and a cycle's gemeenten are those of a 1 January.
GEEN_EERSTE_JANUARI = "Kies een 1 januari: een gemeentelijke herindeling gaat altijd dan in."


def validate_eerste_januari(value):
    """Raise ValidationError (GEEN_EERSTE_JANUARI) for a date that is not a 1 January."""
    if value is not None and (value.month, value.day) != (1, 1):
        raise ValidationError(GEEN_EERSTE_JANUARI, code="geen_eerste_januari")
