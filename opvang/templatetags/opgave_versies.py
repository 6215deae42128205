"""{{ cijfers|restopgave_van:opgaven }}: a gemeente's restopgave and opgave versions.

cijfers: the gemeente page's GemeenteCijfers; opgaven: its Opgave versions (any cycle,
oldest first); see opvang.verdeelbesluit.gemeente_rest.
"""

from django import template

from ..verdeelbesluit import gemeente_rest

register = template.Library()


@register.filter
def restopgave_van(cijfers, opgaven):
    return gemeente_rest(cijfers, opgaven)
