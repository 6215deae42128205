"""The preview of an import: what changes per gemeente, as plain JSON and as text.

The JSON is stored on the UitvraagImport record; the confirmation re-checks the file
and compares the new preview with the stored one, so its shape must stay stable.
"""

from __future__ import annotations

import json

from kern.formatting import count

from ..velden import LOCATIE_VELDEN
from .format import getal

NIEUW, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "gewijzigd", "ongewijzigd"
UITKOMSTEN = (NIEUW, GEWIJZIGD, ONGEWIJZIGD)


def verschillen(locatie, data):
    """Return [(label, old, new)] of the fields the row changes, as users read them."""
    velden = []
    for veld in LOCATIE_VELDEN:
        oud = getattr(locatie, veld.naam) if locatie else None
        if locatie is None or oud != data[veld.naam]:
            label = str(veld.field.verbose_name)
            velden.append((label, veld.toon(oud), veld.toon(data[veld.naam])))
    if locatie is None:
        return [v for v in velden if v[2] != ""]
    return velden


def _opgave_tekst(plekken, amv):
    return f"{getal(plekken)} (AMV {getal(amv)})" if amv is not None else getal(plekken)


def _locatie(actie):
    return {
        "rij": actie.rij,
        "naam": actie.data["naam"],
        "id": actie.locatie.pk if actie.locatie else None,
        "versie": actie.locatie.versie if actie.locatie else None,
        "velden": [[label, oud, nieuw] for label, oud, nieuw in actie.velden],
    }


def _opgave(actie):
    huidig = actie.huidig
    return {
        "rij": actie.rij,
        "code": actie.gemeente.code,
        "naam": actie.gemeente.naam,
        "oud": _opgave_tekst(huidig.plekken, huidig.amv_plekken) if huidig else "",
        "nieuw": _opgave_tekst(actie.plekken, actie.amv_plekken),
        "gewijzigd": actie.is_gewijzigd,
    }


def samenvatting(plan):
    """Return the preview of a Plan as plain JSON: what the user confirms, per gemeente."""
    per_gemeente = {}
    for actie in plan.locaties:
        g = actie.gemeente
        leeg = {"code": g.code, "naam": g.naam, **{u: [] for u in UITKOMSTEN}}
        per_gemeente.setdefault(g.code, leeg)[actie.uitkomst].append(_locatie(actie))
    resultaat = {
        "gemeenten": [per_gemeente[c] for c in sorted(per_gemeente)],
        "opgaven": [_opgave(a) for a in plan.opgaven],
        "totaal": {
            **{u: plan.aantal(u) for u in UITKOMSTEN},
            "opgaven": plan.aantal_opgaven(),
        },
    }
    return json.loads(json.dumps(resultaat))  # exactly what a JSONField gives back


def wat_veranderde(oud, nieuw):
    """Return the names of locations whose preview entry differs, for the message."""

    def per_naam(voorbeeld):
        return {
            (g["code"], r["naam"]): (uitkomst, r["versie"], r["velden"])
            for g in voorbeeld["gemeenten"]
            for uitkomst in UITKOMSTEN
            for r in g[uitkomst]
        }

    a, b = per_naam(oud), per_naam(nieuw)
    namen = sorted({sleutel[1] for sleutel in set(a) | set(b) if a.get(sleutel) != b.get(sleutel)})
    return ", ".join(f"‘{n}’" for n in namen[:5]) or "opgave"


def samenvatting_tekst(voorbeeld):
    """Return a one-line Dutch summary of a preview."""
    t = voorbeeld["totaal"]
    return (
        f"{count(t['nieuw'], 'locatie', 'locaties')} toegevoegd, {t['gewijzigd']} gewijzigd, "
        f"{t['ongewijzigd']} ongewijzigd; {count(t['opgaven'], 'opgave', 'opgaven')} vastgelegd."
    )


def heeft_wijzigingen(voorbeeld):
    """Return whether confirming the preview would change anything."""
    t = voorbeeld["totaal"]
    return bool(t["nieuw"] or t["gewijzigd"] or t["opgaven"])
