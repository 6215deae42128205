"""GOO figures the Dutch way: 3.523, 86,3%, and "onbekend" for a gap (never 0)."""

from django import template

from kern.formatting import LEEG, percentage, whole_number

register = template.Library()


@register.filter
def getal(value, leeg="onbekend"):
    """Return a whole number with thousands dots; leeg (default "onbekend") for None."""
    return leeg if value is None else whole_number(value)


@register.filter
def pct(value):
    return percentage(value)


@register.filter
def of_streep(value):
    return LEEG if value is None else whole_number(value)
