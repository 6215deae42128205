"""Reading settings from the environment: yes/no and list variables (config.settings)."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off"}


def env_bool(name, default):
    """Read a yes/no variable; refuse anything else, so a typo never switches a guard off."""
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name} moet 1/0, true/false, yes/no of on/off zijn, niet {os.environ[name]!r}."
    )


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_mapping(name):
    """Read 'KEY=value,KEY=value' as a dict; a single value without '=' holds for '*' (all)."""
    mapping = {}
    for item in env_list(name, []):
        key, is_pair, value = item.partition("=")
        if not is_pair:
            mapping["*"] = item
        elif key.strip() and value.strip():
            mapping[key.strip()] = value.strip()
        else:
            raise ImproperlyConfigured(f"{name}: {item!r} is geen CODE=adres.")
    return mapping
