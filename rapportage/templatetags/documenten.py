from django import template

register = template.Library()


@register.filter
def label(mapping, key):
    """Look up the Dutch label of a code: {{ labels|label:code }}."""
    return mapping.get(key, key)
