"""Show stored codes, ISO dates (as in submission snapshots) and ranges as users read them."""

from datetime import date

from django import template

from kern.formatting import number_range, short_date
from opvang.constants import Soort, Status

register = template.Library()


@register.filter
def soort_label(value):
    return Soort(value).label if value in Soort.values else value


@register.filter
def status_label(value):
    return Status(value).label if value in Status.values else value


@register.filter
def iso_datum(value):
    """Format an ISO date string (YYYY-MM-DD) as 1-7-2025; empty stays empty."""
    if not value:
        return ""
    return short_date(date.fromisoformat(value))


@register.filter
def bereik(low, high):
    """Format a range of places as 3.378–3.983, and an empty one (0–0) as '—'."""
    return number_range(low, high)
