"""The boundaries of the gemeenten and provincies, read once per process.

The TopoJSON files in gemeenten/kaart/ (source and licence in BRON.md) are decoded by
kern.kaart into rings of RD coordinates. Their version is a hash of both files' bytes:
a cached map (rapportage.kaart) puts it in its key, so new boundaries make new maps.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from kern.kaart import Kader, Ring, arcs_decoderen, kader_van, ringen

MAP = Path(__file__).resolve().parent / "kaart"
GEMEENTEN = MAP / "gemeente_2025.topojson"
PROVINCIES = MAP / "provincie_2025.topojson"


@dataclass(frozen=True)
class Gebied:
    """One gemeente or provincie of the boundary file: CBS code, name, rings, box."""

    code: str
    naam: str
    ringen: tuple[Ring, ...] = field(repr=False)
    kader: Kader | None = field(repr=False)


@dataclass(frozen=True)
class Grenzen:
    gemeenten: tuple[Gebied, ...]
    provincies: tuple[Gebied, ...]
    versie: str

    @functools.cached_property
    def _provincies(self):
        return {p.code: p for p in self.provincies}

    def provincie(self, code) -> Gebied | None:
        return self._provincies.get(code)


def gebieden(topologie: dict) -> tuple[Gebied, ...]:
    """Return every geometry of the topology's objects as a Gebied, in file order."""
    arcs = arcs_decoderen(topologie)
    resultaat = []
    for collectie in topologie["objects"].values():
        for geometrie in collectie["geometries"]:
            eigenschappen = geometrie.get("properties") or {}
            r = ringen(geometrie, arcs)
            resultaat.append(
                Gebied(eigenschappen["statcode"], eigenschappen["statnaam"], r, kader_van(r))
            )
    return tuple(resultaat)


@functools.cache
def grenzen() -> Grenzen:
    """Return the boundaries of gemeenten and provincies (parsed on the first call)."""
    inhoud = [GEMEENTEN.read_bytes(), PROVINCIES.read_bytes()]
    versie = hashlib.blake2s(b"\0".join(inhoud), digest_size=6).hexdigest()
    gemeenten, provincies = (gebieden(json.loads(b)) for b in inhoud)
    return Grenzen(gemeenten=gemeenten, provincies=provincies, versie=versie)
