"""What an import writes, taken from a checked Plan or from the copy kept with its record.

Confirming an import used to read and check the whole file a second time, only to learn
whether anything changed since the preview. The province's data version
(kern.dataversie) tells that in one query: when it is still what it was before the
check, and the user who saw the preview confirms it, the plan checked then is still the
plan, and its writes are taken from the record (`als_json` / `uit_json`). Otherwise the
file is checked again (opvang.services_import), as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from gemeenten.models import Gemeente

from ..models import Locatie
from ..velden import VELDNAMEN
from .preview import GEWIJZIGD, NIEUW

FORMAAT = 1  # raise when the shape below changes: an older copy is then checked again


@dataclass(frozen=True)
class NieuweLocatie:
    gemeente: Gemeente
    data: dict


@dataclass(frozen=True)
class GewijzigdeLocatie:
    locatie_id: int
    versie: int  # the version the check saw: a newer one is a conflict
    data: dict


@dataclass(frozen=True)
class NieuweOpgave:
    gemeente: Gemeente
    plekken: int
    amv_plekken: int | None


@dataclass(frozen=True)
class Wijzigingen:
    nieuw: list
    gewijzigd: list
    opgaven: list


def van_plan(plan) -> Wijzigingen:
    """Return the writes of a checked Plan (unchanged rows and targets write nothing)."""
    return Wijzigingen(
        nieuw=[NieuweLocatie(a.gemeente, a.data) for a in plan.locaties if a.uitkomst == NIEUW],
        gewijzigd=[
            GewijzigdeLocatie(a.locatie.pk, a.locatie.versie, a.data)
            for a in plan.locaties
            if a.uitkomst == GEWIJZIGD
        ],
        opgaven=[
            NieuweOpgave(a.gemeente, a.plekken, a.amv_plekken)
            for a in plan.opgaven
            if a.is_gewijzigd
        ],
    )


def _veld_json(data):
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()}


def _veld_python(data):
    return {k: Locatie._meta.get_field(k).to_python(data[k]) for k in VELDNAMEN}


def als_json(wijzigingen: Wijzigingen) -> dict:
    """Return the writes as plain JSON, to keep with the import's record."""
    return {
        "formaat": FORMAAT,
        "nieuw": [[n.gemeente.pk, _veld_json(n.data)] for n in wijzigingen.nieuw],
        "gewijzigd": [[g.locatie_id, g.versie, _veld_json(g.data)] for g in wijzigingen.gewijzigd],
        "opgaven": [[o.gemeente.pk, o.plekken, o.amv_plekken] for o in wijzigingen.opgaven],
    }


def uit_json(bewaard: dict) -> Wijzigingen | None:
    """Return the writes kept by als_json(), or None if there is no usable copy."""
    if bewaard.get("formaat") != FORMAAT:
        return None
    ids = {g for g, _ in bewaard["nieuw"]} | {g for g, *_ in bewaard["opgaven"]}
    gemeenten = Gemeente.objects.in_bulk(ids)
    return Wijzigingen(
        nieuw=[NieuweLocatie(gemeenten[g], _veld_python(d)) for g, d in bewaard["nieuw"]],
        gewijzigd=[GewijzigdeLocatie(pk, v, _veld_python(d)) for pk, v, d in bewaard["gewijzigd"]],
        opgaven=[NieuweOpgave(gemeenten[g], p, a) for g, p, a in bewaard["opgaven"]],
    )
