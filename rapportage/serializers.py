"""The report object as JSON: the export for the Landelijke Regietafel and the archive.

One serializer: `rapport_als_json()` writes the figures the JSON export documents;
`volledig=True` adds everything else the report object holds (each gemeente's regio,
submission status and locations with their category, the uitvraag's deadline, the
counting window's noodopvang rule and the capacity history), which is what a
vastgestelde DocumentVersie stores beside its PDF. Nothing here counts or queries.
"""

from __future__ import annotations


def _datum(d):
    return d.isoformat() if d else None


def cijfers_als_json(opgave_plekken, opgave_amv, telling, dekking):
    return {
        "opgave": {"plekken": opgave_plekken, "amv": opgave_amv},
        "harde_opvangcapaciteit": {"plekken": telling.hard, "amv": telling.hard_amv},
        "harde_plancapaciteit": {"plekken": telling.hard_plan, "amv": telling.hard_plan_amv},
        "minimale_dekking": {
            "plekken": telling.minimale_dekking,
            "amv": telling.minimale_dekking_amv,
            "percentage": float(dekking) if dekking is not None else None,
        },
        "planvoorraad": {"min": telling.planvoorraad_min, "max": telling.planvoorraad_max},
        "perspectief": {"min": telling.perspectief_min, "max": telling.perspectief_max},
        "huidige_capaciteit": telling.huidig,
    }


def _locatie(loc):
    w = loc.waarden
    return {
        "naam": loc.naam,
        "categorie": loc.categorie,
        "soort": w.soort,
        "status": w.status,
        "plekken": w.plekken,
        "amv_plekken": w.amv_plekken,
        "plekken_max": w.plekken_max,
        "beschikbaar_vanaf": _datum(w.vanaf),
        "beschikbaar_tot": _datum(w.tot),
        "toelichting": loc.toelichting,
    }


def _gemeente(rij, volledig):
    data = {
        "code": rij.code,
        "naam": rij.naam,
        **cijfers_als_json(rij.opgave_plekken, rij.opgave_amv, rij.telling, rij.dekking_percentage),
    }
    if volledig:
        data.update(
            regio=rij.regio,
            tekort=rij.tekort,
            bron_beschikbaar=rij.bron_beschikbaar,
            indiening_status=rij.indiening_status,
            locaties=[_locatie(loc) for loc in rij.locaties],
        )
    return data


def _volledig(rapport):
    return {
        "noodopvang_telt": rapport.telvenster.noodopvang_telt,
        "uitvraag_deadline": _datum(rapport.uitvraag_deadline),
        "capaciteit_per_maand": [
            {"datum": p.datum.isoformat(), "plekken": p.plekken} for p in rapport.capaciteit
        ],
    }


def rapport_als_json(rapport, *, volledig=False) -> dict:
    """Return the report as JSON; volledig adds all the report holds beyond the export."""
    data = {
        "provincie": {"code": rapport.provincie_code, "naam": rapport.provincie_naam},
        "cyclus": rapport.cyclus_nummer,
        "bron": rapport.bron,
        "telvenster": {
            "van": _datum(rapport.telvenster.van),
            "tot": _datum(rapport.telvenster.tot),
            "minimale_looptijd": rapport.telvenster.minimale_looptijd,
        },
        "peildatum": rapport.peildatum.isoformat(),
        **cijfers_als_json(
            rapport.opgave_plekken,
            rapport.opgave_amv,
            rapport.telling,
            rapport.dekking_percentage,
        ),
        **(_volledig(rapport) if volledig else {}),
        "gemeenten": [_gemeente(rij, volledig) for rij in rapport.gemeenten],
    }
    return data
