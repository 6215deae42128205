"""Part 2 of the provinciaal plan, Opvang Oekraïense ontheemden: its figures and JSON.

`cijfers(rapport)` builds the GOO figures of the report's province on the report's
peildatum once (ontheemden.selectors, counted by ontheemden.telling); the template
templates/rapportage/pdf/plan/_ontheemden.html renders them as `delen.ontheemden`, and
`als_json` writes the same figures into the JSON export and the archive of a
vastgestelde version (key "ontheemden").
"""

from __future__ import annotations

from dataclasses import dataclass

from ontheemden import grafiek
from ontheemden.selectors import GooOverzicht, ProvincieNaam, provincie_overzicht


@dataclass(frozen=True)
class PlanOntheemden:
    overzicht: GooOverzicht
    grafiek: grafiek.Grafiek


def cijfers(rapport) -> PlanOntheemden:
    provincie = ProvincieNaam(rapport.provincie_code, rapport.provincie_naam)
    overzicht = provincie_overzicht(provincie, rapport.peildatum)
    return PlanOntheemden(
        overzicht=overzicht,
        grafiek=grafiek.grafiek(
            overzicht.verloop,
            titel=f"GOO-capaciteit en bezetting in {provincie.naam}, per maand",
            peildatum=overzicht.peildatum,
        ),
    )


def _procent(waarde):
    """Return a percentage as a number, as the verslag's JSON does (49.9); None stays."""
    return None if waarde is None else float(waarde)


def _telling(t, v=None):
    figuren = {
        "locaties": t.locaties,
        "capaciteit": t.capaciteit,
        "bezetting": t.bezetting if t.bezetting_bekend else None,
        "bezettingsgraad": _procent(t.bezettingsgraad),
        "locaties_zonder_bezetting": t.zonder_bezetting,
        "aflopend_3_maanden": t.aflopend_3,
        "aflopend_6_maanden": t.aflopend_6,
        "capaciteit_na_3_maanden": t.capaciteit_na_3,
        "capaciteit_na_6_maanden": t.capaciteit_na_6,
        "komend": t.komend,
    }
    if v is not None:
        figuren.update(
            streefgetal=v.streefgetal,
            tekort_nu=v.tekort_nu,
            tekort_na_3_maanden=v.tekort_na_3,
            tekort_na_6_maanden=v.tekort_na_6,
            onder_streefgetal_na_einddata=v.onder_na_einddata,
        )
    return figuren


def _doel(doel):
    if doel is None:
        return None
    return {
        "voor": doel.voor,
        "naam": doel.naam,
        "aantal": doel.aantal,
        "bron": doel.bron,
        "datum": doel.datum.isoformat(),
    }


def _gemeente(g):
    return {
        "code": g.code,
        "naam": g.naam,
        "regio": g.regio_naam or None,
        **_telling(g.telling, g.vergelijking),
        "streefgetal_bron": _doel(g.doel),
        "particuliere_opvang": g.particulier,
        "particuliere_opvang_peildatum": g.particulier_peildatum
        and g.particulier_peildatum.isoformat(),
        "locaties_met_einddatum": [
            {
                "naam": loc.naam,
                "capaciteit": loc.capaciteit,
                "tot": loc.tot.isoformat(),
                "binnen_3_maanden": loc.aflopend_3,
            }
            for loc in g.locaties
            if loc.aflopend_6
        ],
    }


def als_json(plan: PlanOntheemden) -> dict:
    o = plan.overzicht
    return {
        "peildatum": o.peildatum.isoformat(),
        "provincie": {
            **_telling(o.totaal),
            "streefgetal": o.streefgetal,
            "tekort_nu": o.tekort_nu,
            "tekort_na_3_maanden": o.tekort_na_3,
            "tekort_na_6_maanden": o.tekort_na_6,
            "particuliere_opvang": o.particulier,
            "gemeenten_particuliere_opvang_onbekend": o.particulier_onbekend,
        },
        "regios": [
            {
                "naam": r.naam,
                "gemeenten": list(r.gemeenten),
                **_telling(r.telling, r.vergelijking),
                "streefgetal_bron": _doel(r.doel),
            }
            for r in o.regios
        ],
        "gemeenten": [_gemeente(g) for g in o.gemeenten],
        "verloop": [
            {"datum": p.datum.isoformat(), "capaciteit": p.capaciteit, "bezetting": p.bezetting}
            for p in o.verloop
        ],
    }
