"""{{ rapport|restopgave }}: the report's restopgave (rapportage.restopgave) for a template."""

from django import template

from ..restopgave import restopgave as _restopgave

register = template.Library()


@register.filter
def restopgave(rapport):
    return _restopgave(rapport)
