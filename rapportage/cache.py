"""The report computed once per data version: the report object, pages and JSON cached.

A key names what was asked (provincie, cyclus, peildatum, bron, today's date, for the
capacity history while a window is unknown) and the province's data version
(kern.dataversie), which changes on every write that can change a figure. A write
therefore makes new keys: nothing is deleted, nothing stale is read, and old entries
expire (TIMEOUT) or are pushed out (MAX_ENTRIES). The cache is Django's alias
'rapporten' (settings.rapport_cache: per process by default, the database or Redis).
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.utils import timezone

from kern.dataversie import Dataversies, dataversie

ALIAS = "rapporten"
# Raise when what is cached changes shape, so no process reads an older one.
FORMAAT = 5


def _cache():
    return caches[ALIAS]


def sleutel(vraag, versie=None) -> str:
    """Return the key of a RapportVraag's report at the province's current data version.

    versie: the province's data version when it was read already (versies()).
    """
    provincie = vraag.provincie
    naam = hashlib.blake2s(provincie.naam.encode(), digest_size=4).hexdigest()
    return ":".join(
        (
            f"rapport{FORMAAT}",
            provincie.code,
            naam,
            str(vraag.cyclus.nummer),
            vraag.peildatum.isoformat(),
            vraag.bron,
            timezone.localdate().isoformat(),
            versie or dataversie(provincie.pk),
        )
    )


# The plan parts (rapportage.documenten.PLAN_DELEN: ontheemden, huisvesting) read no
# opvang model: a location, opgave or submission leaves their figures as they were.
DELEN_ZONDER = ("opvang",)


def versies(provincie) -> Dataversies:
    """Return the province's data versions (its own, its parts', its gemeenten'): one query."""
    return Dataversies(provincie.pk)


def delen_sleutel(vraag, versie) -> str:
    """Return the key of the plan parts' figures of a RapportVraag's province and peildatum.

    versie: their own data version (every registered model but opvang's, versies()
    with DELEN_ZONDER):
    a write of a location keeps it, a write of a GOO location or a taakstelling
    changes it.
    """
    provincie = vraag.provincie
    naam = hashlib.blake2s(provincie.naam.encode(), digest_size=4).hexdigest()
    return ":".join(
        (
            f"delen{FORMAAT}",
            provincie.code,
            naam,
            vraag.peildatum.isoformat(),
            timezone.localdate().isoformat(),
            versie,
        )
    )


def query_sleutel(query) -> str:
    """Return a short, order-independent key of a query string (filter and sort)."""
    paren = sorted((k, v) for k, waarden in query.lists() for v in waarden)
    return hashlib.blake2s(repr(paren).encode(), digest_size=12).hexdigest()


def bewaard(basis, onderdeel, maak):
    """Return the cached value of basis:onderdeel, made by maak() when it is missing."""
    cache = _cache()
    key = f"{basis}:{onderdeel}"
    waarde = cache.get(key)
    if waarde is None:
        waarde = maak()
        cache.set(key, waarde)
    return waarde


def lees_veel(sleutels) -> dict:
    """Return {key: value} of the keys that are cached (one read of the cache)."""
    return _cache().get_many(list(sleutels))


def bewaar_veel(waarden: dict):
    """Keep every {key: value} (one write of the cache)."""
    if waarden:
        _cache().set_many(waarden)
