"""The national table as JSON for the Landelijke Regietafel: a versioned, stable schema.

SCHEMA names the format; a field is never renamed or given another meaning within it
(a change that would, gets a new SCHEMA). The figures per province use the same names
as a province's own JSON export (rapportage.serializers.cijfers_als_json). docs/landelijk.md
documents every field.
"""

from __future__ import annotations

from rapportage.serializers import cijfers_als_json

SCHEMA = "opvangregister.landelijk/1"


def _provincie(rij):
    data = {
        "code": rij.code,
        "naam": rij.naam,
        "in_register": rij.in_register,
        "gepubliceerde_opgave": rij.gepubliceerde_opgave,
        "gemeenten": {"aantal": rij.gemeenten, "ingediend": None, "akkoord": None},
        "verslag": None,
    }
    if rij.in_register:
        data.update(
            cijfers_als_json(
                rij.opgave_plekken, rij.opgave_amv, rij.telling, rij.dekking_percentage
            )
        )
        data["gemeenten"].update(ingediend=rij.ingediend, akkoord=rij.akkoord)
    else:
        data["opgave"] = {"plekken": rij.opgave_plekken, "amv": rij.opgave_amv}
    if rij.verslag:
        data["verslag"] = {
            "kenmerk": rij.verslag.kenmerk,
            "datum": rij.verslag.datum.isoformat(),
            "versie": rij.verslag.versie,
        }
    return data


def landelijk_als_json(overzicht) -> dict:
    """Return the national overview as plain JSON (SCHEMA)."""
    return {
        "schema": SCHEMA,
        "cyclus": overzicht.cyclus_nummer,
        "peildatum": overzicht.peildatum.isoformat(),
        "bron": overzicht.bron,
        "provincies": [_provincie(r) for r in overzicht.provincies],
        "nederland": {
            "provincies_in_register": overzicht.in_register,
            **cijfers_als_json(
                overzicht.opgave_plekken,
                overzicht.opgave_amv,
                overzicht.telling,
                overzicht.dekking_percentage,
            ),
        },
    }
