"""Reads: figures before and after uitruil, for one gemeente, a province, the verslag.

The official figures come from opvang (the applicable Opgave of the cycle) and
huisvesting (the applicable Taakstelling per half year); uitruil.effect moves them. Only
agreements akkoord door de PRT count. A fixed number of queries, whatever the number
of gemeenten or agreements.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from django.db.models import Q

from gemeenten.models import Gemeente, Provincie
from huisvesting.models import Halfjaar, Taakstelling
from opvang.models import Cyclus
from opvang.selectors import geldende_opgaven, wijzigingen

from .constants import AfspraakStatus
from .effect import Cijfer, Ruil, cijfer, optellen, verschuiving
from .models import Uitruilafspraak


def halfjaren_van(afspraak, halfjaren):
    """Return the codes of the half years of the agreement's period (halfjaren: all, sorted)."""
    if not afspraak.statushouders or not afspraak.halfjaar_van_id or not afspraak.halfjaar_tot_id:
        return ()
    ids = {h.pk: h for h in halfjaren}
    van, tot = ids.get(afspraak.halfjaar_van_id), ids.get(afspraak.halfjaar_tot_id)
    if van is None or tot is None:
        return ()
    return tuple(h.code for h in halfjaren if van.begin <= h.begin <= tot.begin)


def als_ruil(afspraak, halfjaren):
    return Ruil(
        gemeente_a=afspraak.gemeente_a_id,
        gemeente_b=afspraak.gemeente_b_id,
        asiel_plekken=afspraak.asiel_plekken,
        statushouders=afspraak.statushouders,
        halfjaren=halfjaren_van(afspraak, halfjaren),
    )


@dataclass(frozen=True)
class UitruilCijfers:
    """Figures before → after of a province's gemeenten (or some of them).

    opgave {gemeente_id: Cijfer} of the cycle; taakstelling {(gemeente_id, code): Cijfer}
    for every half year loaded.
    """

    gemeenten: tuple
    halfjaren: tuple
    opgave: dict
    taakstelling: dict

    @property
    def totaal_opgave(self):
        return optellen(self.opgave.values())

    def totaal_taakstelling(self, code):
        return optellen(c for (_, h), c in self.taakstelling.items() if h == code)


def _taakstellingen(gemeenten):
    rijen = Taakstelling.objects.geldend().filter(gemeente__in=gemeenten).select_related("halfjaar")
    return {(t.gemeente_id, t.halfjaar.code): t.personen for t in rijen}


def uitruil_cijfers(provincie, cyclus, *, gemeenten=None, extra=(), zonder=None):
    """Return UitruilCijfers of the province's gemeenten in the cycle.

    Counted: the agreements akkoord door de PRT (those of this cycle for the opgave; those
    of any cycle for the half years they cover), plus `extra` (an agreement being checked),
    minus the one with pk `zonder` (the same agreement, stored). Five queries.
    """
    if gemeenten is None:
        gemeenten = Gemeente.objects.filter(provincie=provincie).order_by("naam")
    gemeenten = tuple(gemeenten)
    halfjaren = tuple(Halfjaar.objects.order_by("begin"))
    afspraken = [
        a for a in Uitruilafspraak.objects.filter(provincie=provincie).akkoord() if a.pk != zonder
    ]
    afspraken += list(extra)
    opgave_ruilen = [als_ruil(a, ()) for a in afspraken if a.cyclus_id == cyclus.pk]
    taak_ruilen = [
        Ruil(a.gemeente_a_id, a.gemeente_b_id, 0, a.statushouders, halfjaren_van(a, halfjaren))
        for a in afspraken
    ]
    delta_opgave = verschuiving(opgave_ruilen).opgave
    delta_taak = verschuiving(taak_ruilen).taak
    opgaven = geldende_opgaven(cyclus, gemeenten)
    taken = _taakstellingen(gemeenten)
    opgave = {
        g.pk: cijfer(getattr(opgaven.get(g.pk), "plekken", None), delta_opgave.get(g.pk, 0))
        for g in gemeenten
    }
    taakstelling = {
        (g.pk, h.code): cijfer(taken.get((g.pk, h.code)), delta_taak.get((g.pk, h.code), 0))
        for g in gemeenten
        for h in halfjaren
    }
    return UitruilCijfers(gemeenten, halfjaren, opgave, taakstelling)


@dataclass(frozen=True)
class GemeenteFiguur:
    """One gemeente's figures of one agreement: opgave and taakstelling per half year."""

    naam: str
    code: str
    opgave: Cijfer
    taakstelling: tuple  # ((code, Cijfer), ...)


@dataclass(frozen=True)
class AfspraakRegel:
    afspraak: Uitruilafspraak
    halfjaren: tuple
    gemeenten: tuple  # (GemeenteFiguur A, GemeenteFiguur B)

    @property
    def periode(self):
        if not self.halfjaren:
            return ""
        if len(self.halfjaren) == 1:
            return self.halfjaren[0]
        return f"{self.halfjaren[0]} t/m {self.halfjaren[-1]}"


def _figuur(gemeente, codes, cijfers):
    return GemeenteFiguur(
        naam=gemeente.naam,
        code=gemeente.code,
        opgave=cijfers.opgave[gemeente.pk],
        taakstelling=tuple((c, cijfers.taakstelling[gemeente.pk, c]) for c in codes),
    )


def afspraak_regels(afspraken, cijfers):
    """Return an AfspraakRegel per agreement with both gemeenten's figures before → after."""
    regels = []
    for a in afspraken:
        codes = halfjaren_van(a, cijfers.halfjaren)
        figuren = (_figuur(a.gemeente_a, codes, cijfers), _figuur(a.gemeente_b, codes, cijfers))
        regels.append(AfspraakRegel(a, codes, figuren))
    return regels


def afspraken_van(provincie, cyclus=None):
    qs = Uitruilafspraak.objects.filter(provincie=provincie).select_related(
        "gemeente_a", "gemeente_b", "cyclus", "akkoord_door", "halfjaar_van", "halfjaar_tot"
    )
    return qs.filter(cyclus=cyclus) if cyclus is not None else qs


@dataclass(frozen=True)
class VerslagUitruil:
    """The section of the verslag and the plan: the agreements and both figures."""

    akkoord: tuple
    voorgesteld: tuple
    totaal_opgave: Cijfer

    @property
    def leeg(self):
        return not self.akkoord and not self.voorgesteld


def verslag_afspraken(provincie_code, cyclus_nummer):
    """Return the VerslagUitruil of the province's agreements in the cycle.

    The akkoord ones with their figures before → after (they count); the voorgesteld ones
    separately (they do not count yet); vervallen ones are left out.
    """
    provincie = Provincie.objects.get(code=provincie_code)
    cyclus = Cyclus.objects.get(nummer=cyclus_nummer)
    afspraken = list(afspraken_van(provincie, cyclus).exclude(status=AfspraakStatus.VERVALLEN))
    if not afspraken:
        return VerslagUitruil((), (), Cijfer(None, None))
    cijfers = uitruil_cijfers(provincie, cyclus)
    regels = afspraak_regels(afspraken, cijfers)
    return VerslagUitruil(
        akkoord=tuple(r for r in regels if r.afspraak.is_akkoord),
        voorgesteld=tuple(r for r in regels if not r.afspraak.is_akkoord),
        totaal_opgave=cijfers.totaal_opgave,
    )


@dataclass(frozen=True)
class GemeenteNaUitruil:
    """For the gemeente pages: its figures before → after, and its akkoord agreements.

    opgave: of the cycle (None without a cycle); taakstelling: ((code, Cijfer), ...) of
    every half year its agreements cover.
    """

    opgave: Cijfer | None
    taakstelling: tuple
    afspraken: tuple


def gemeente_na_uitruil(gemeente, cyclus=None):
    """Return GemeenteNaUitruil, or None when the gemeente has no akkoord agreement."""
    g = gemeente.pk
    eigen = list(
        afspraken_van(gemeente.provincie).akkoord().filter(Q(gemeente_a_id=g) | Q(gemeente_b_id=g))
    )
    if not eigen:
        return None
    cijfers = uitruil_cijfers(gemeente.provincie, cyclus or eigen[0].cyclus, gemeenten=[gemeente])
    codes = {c for a in eigen for c in halfjaren_van(a, cijfers.halfjaren)}
    taak = tuple(
        (h.code, cijfers.taakstelling[g, h.code]) for h in cijfers.halfjaren if h.code in codes
    )
    return GemeenteNaUitruil(cijfers.opgave[g] if cyclus else None, taak, tuple(eigen))


def _cijfer_json(c):
    return {"voor": c.voor, "na": c.na}


def verslag_als_json(verslag):
    """Return the VerslagUitruil for the archive of a vastgestelde version (key "uitruil")."""

    def regel(r):
        a = r.afspraak
        return {
            "gemeente_a": a.gemeente_a.code,
            "gemeente_b": a.gemeente_b.code,
            "asiel_plekken": a.asiel_plekken,
            "statushouders_per_halfjaar": a.statushouders,
            "halfjaren": list(r.halfjaren),
            "status": a.status,
            "kenmerk": a.kenmerk,
            "is_demo": a.is_demo,
            "gemeenten": [
                {
                    "code": g.code,
                    "opgave": _cijfer_json(g.opgave),
                    "taakstelling": {code: _cijfer_json(c) for code, c in g.taakstelling},
                }
                for g in r.gemeenten
            ],
        }

    return {
        "akkoord": [regel(r) for r in verslag.akkoord],
        "voorgesteld": [regel(r) for r in verslag.voorgesteld],
        "totaal_opgave": _cijfer_json(verslag.totaal_opgave),
    }


def _relaties(velden):
    """Return {verbose name: related model} of the relations among velden."""
    return {
        f.verbose_name: f.related_model
        for f in Uitruilafspraak._meta.get_fields()
        if f.name in velden and f.is_relation
    }


def _namen(lijst, modellen):
    """Return {(model, pk): name} of every id a relation changed to or from."""
    ids = defaultdict(set)
    for x in lijst:
        for veld, *waarden in x.velden:
            if veld in modellen:
                ids[modellen[veld]].update(w for w in waarden if isinstance(w, int))
    return {
        (model, obj.pk): str(obj)
        for model, pks in ids.items()
        for obj in model.objects.filter(pk__in=pks)
    }


def leesbare_wijzigingen(afspraak, velden, *, met_ip_adres=False):
    """Return the agreement's history (opvang.selectors.wijzigingen) with names, not ids.

    A changed gemeente, cycle or half year is diffed as its id; it is shown by name.
    """
    modellen = _relaties(velden)
    lijst = wijzigingen(afspraak, velden, met_ip_adres=met_ip_adres)
    namen = _namen(lijst, modellen)

    def naam(veld, waarde):
        return namen.get((modellen.get(veld), waarde), waarde)

    return [
        replace(x, velden=[(v, naam(v, oud), naam(v, nieuw)) for v, oud, nieuw in x.velden])
        for x in lijst
    ]
