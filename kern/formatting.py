"""Numbers and dates the Dutch way (3.523; 49,9%; 1 juli 2025), on django.utils.formats.

Always in the site's language (LANGUAGE_CODE, "nl"), also where no language is active
(management commands, workbooks built outside a request): there Django would fall back
to ungrouped numbers.
"""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format

LEEG = "—"


def whole_number(value):
    """Return a whole number with a dot per thousand: 5.000."""
    with translation.override(settings.LANGUAGE_CODE):
        return number_format(value, force_grouping=True)


def percentage(value, decimals=1):
    """Return a percentage with a decimal comma (49,9%); '—' when there is none."""
    if value is None:
        return LEEG
    with translation.override(settings.LANGUAGE_CODE):
        return f"{number_format(value, decimal_pos=decimals)}%"


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
