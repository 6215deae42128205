"""Numbers and dates the Dutch way (3.523; 49,9%; 1 juli 2025).

Always in the site's language, also where no language is active (management commands,
workbooks built outside a request): there Django would fall back to ungrouped numbers.
Numbers are formatted with Django's own numberformat and the separators of its Dutch
locale, given here once: looking the format up for every number (formats.number_format,
with the active language) cost a third of the dashboard's table. A test holds them
equal to Django's number_format in Dutch.
"""

from django.conf import settings
from django.utils import numberformat, translation
from django.utils.formats import date_format

# django/conf/locale/nl/formats.py
DECIMAAL_TEKEN, DUIZENDTAL_TEKEN, GROEPERING = ",", ".", 3

LEEG = "—"


def whole_number(value):
    """Return a whole number with a dot per thousand: 5.000."""
    return str(
        numberformat.format(
            value, DECIMAAL_TEKEN, None, GROEPERING, DUIZENDTAL_TEKEN, force_grouping=True
        )
    )


def decimal_number(value, decimals=1):
    """Return a number with a decimal comma and grouped thousands: 1.234,5."""
    return str(
        numberformat.format(
            value, DECIMAAL_TEKEN, decimals, GROEPERING, DUIZENDTAL_TEKEN, force_grouping=True
        )
    )


def percentage(value, decimals=1):
    """Return a percentage with a decimal comma (49,9%); '—' when there is none."""
    if value is None:
        return LEEG
    return f"{numberformat.format(value, DECIMAAL_TEKEN, decimals, GROEPERING, DUIZENDTAL_TEKEN)}%"


def number_range(low, high):
    """Return a range of whole numbers: 3.378–3.983; '—' for an empty range (0–0)."""
    if not low and not high:
        return LEEG
    return f"{whole_number(low)}–{whole_number(high)}"


def count(value, singular, plural):
    """Return a count with its noun in the right number: 1 locatie, 2 locaties, 1.200 plekken."""
    return f"{whole_number(value)} {singular if value == 1 else plural}"


def short_date(value):
    """Return a date as 1-7-2025."""
    with translation.override(settings.LANGUAGE_CODE):
        return date_format(value, "j-n-Y")


def long_date(value):
    """Return a date as 1 juli 2025."""
    with translation.override(settings.LANGUAGE_CODE):
        return date_format(value, "j F Y")


def short_month(value):
    """Return a month as 'mrt 2024'."""
    with translation.override(settings.LANGUAGE_CODE):
        return date_format(value, "b Y")
