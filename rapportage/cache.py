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

from kern.dataversie import dataversie

ALIAS = "rapporten"
# Raise when what is cached changes shape, so no process reads an older one.
FORMAAT = 4


def _cache():
    return caches[ALIAS]


def sleutel(vraag) -> str:
    """Return the key of a RapportVraag's report at the province's current data version."""
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
            dataversie(provincie.pk),
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
