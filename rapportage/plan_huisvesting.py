"""Part 3 of the plan, huisvesting statushouders: its figures from huisvesting's selectors.

`cijfers(rapport)` builds them once, for the report's province and peildatum, with the
chart; `als_json(cijfers)` writes them for the JSON export and the archive of a
vastgestelde version. Nothing here counts: the figures are huisvesting.saldo's.
"""

from __future__ import annotations

from dataclasses import dataclass

from gemeenten.models import Provincie
from huisvesting.grafiek import CumulatiefGrafiek, cumulatief_grafiek
from huisvesting.selectors import Statushouders, statushouders

from .selectors import Rapport


@dataclass(frozen=True)
class PlanStatushouders:
    overzicht: Statushouders
    grafiek: CumulatiefGrafiek | None


def cijfers(rapport: Rapport) -> PlanStatushouders:
    provincie = Provincie.objects.get(code=rapport.provincie_code)
    overzicht = statushouders(provincie, rapport.peildatum)
    grafiek = None
    if overzicht.totaal:
        titel = f"Gehuisvest in {overzicht.halfjaar} tegen het tempo, provincie {provincie.naam}"
        grafiek = cumulatief_grafiek(titel, overzicht.totaal, overzicht.halfjaar_begin)
    return PlanStatushouders(overzicht, grafiek)


def _stand(s):
    if s is None:
        return None
    return {
        "taakstelling": s.taakstelling,
        "startsaldo": s.startsaldo,
        "gecorrigeerde_taakstelling": s.gecorrigeerd,
        "gerealiseerd": s.gerealiseerd,
        "per_maand": list(s.per_maand),
        "verwacht_eindsaldo": s.eindsaldo,
        "verstreken_maanden": s.verstreken_maanden,
        "tempo": float(s.tempo),
        "percentage_van_tempo": float(s.percentage) if s.percentage is not None else None,
        "oordeel": s.oordeel,
        "reden": s.reden,
    }


def _gemeente(g):
    ibt = g.laatste_ibt
    return {
        "code": g.code,
        "naam": g.naam,
        **{"stand": _stand(g.stand)},
        "taakstelling_is_demo": bool(g.huidig and g.huidig.is_demo),
        "halfjaren_achter_op_rij": g.achter_op_rij,
        "ibt_stap": {"stap": ibt.stap, "datum": ibt.datum.isoformat(), "reden": ibt.reden}
        if ibt
        else None,
        "maatregelen": [
            {
                "projectnaam": m.projectnaam,
                "soort": m.soort,
                "woningen": m.woningen,
                "personen": m.personen,
                "verwacht_op": m.verwacht_op.isoformat() if m.verwacht_op else None,
                "status": m.status,
            }
            for m in g.maatregelen
        ],
    }


def als_json(plan: PlanStatushouders) -> dict:
    o = plan.overzicht
    return {
        "halfjaar": o.halfjaar,
        "peildatum": o.peildatum.isoformat(),
        "telbron": o.telbron,
        "drempels": {
            "op_schema": o.drempels.op_schema,
            "enigszins_achter": o.drempels.enigszins_achter,
        },
        "provincie": _stand(o.totaal),
        "gemeenten": [_gemeente(g) for g in o.gemeenten],
    }
