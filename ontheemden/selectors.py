"""Reads: the GOO figures of some gemeenten on a peildatum, as frozen objects.

Every output (gemeente page, dashboard, CSV/XLSX, JSON, plan part 2) renders the
`GooOverzicht` built here; the counting is ontheemden.telling's alone. The queries are
a fixed number whatever the number of gemeenten, locations or bezettingen: the
locations, their bezettingen, the particuliere opvang and the streefgetallen are each
read once and grouped in Python.

Which streefgetal applies (docs/ontheemden.md): a gemeente's own latest version; else
its regio's latest, compared with the sum of the regio's gemeenten. The province's
total target is the sum of the regio targets and of the own targets of gemeenten whose
regio has none; its shortfall the sum of those targets' shortfalls (one gemeente's
surplus does not make up for another's shortfall).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from gemeenten.models import Gemeente

from .constants import Soort, Status
from .models import Bezetting, GooLocatie, ParticuliereOpvang, Streefgetal
from .telling import (
    Doelvergelijking,
    GooTelling,
    bezetting_op,
    leeg,
    loopt_af_binnen,
    plus_maanden,
    telling,
    telt_op,
    vergelijk,
)

MAANDEN_TERUG = 12
MAANDEN_VOORUIT = 6


@dataclass(frozen=True)
class Doel:
    """The streefgetal that applies, with its source: of the gemeente or of its regio."""

    voor: str  # "gemeente" or "regio"
    naam: str
    aantal: int
    bron: str
    datum: date


@dataclass(frozen=True)
class LocatieRij:
    pk: int
    gemeente_code: str
    gemeente_naam: str
    naam: str
    soort: str
    status: str
    capaciteit: int
    vanaf: date
    tot: date | None
    toelichting: str
    telt: bool
    bezetting: int | None
    aflopend_3: bool
    aflopend_6: bool

    @property
    def soort_label(self):
        return Soort(self.soort).label

    @property
    def status_label(self):
        return Status(self.status).label


@dataclass(frozen=True)
class Maandpunt:
    datum: date
    capaciteit: int
    bezetting: int | None  # None after the peildatum or without any known figure


@dataclass(frozen=True)
class GemeenteGoo:
    code: str
    naam: str
    regio_naam: str
    telling: GooTelling
    doel: Doel | None
    vergelijking: Doelvergelijking
    particulier: int | None
    particulier_peildatum: date | None
    locaties: tuple[LocatieRij, ...]
    verloop: tuple[Maandpunt, ...]

    @property
    def tekort_nu(self):
        return self.vergelijking.tekort_nu

    @property
    def tekort_na_6(self):
        return self.vergelijking.tekort_na_6


@dataclass(frozen=True)
class RegioGoo:
    naam: str
    doel: Doel
    telling: GooTelling
    vergelijking: Doelvergelijking
    gemeenten: tuple[str, ...]


@dataclass(frozen=True)
class GooOverzicht:
    """The GOO figures of a province (or of one gemeente with its regio) on a peildatum."""

    provincie_code: str
    provincie_naam: str
    peildatum: date
    gemeenten: tuple[GemeenteGoo, ...]
    regios: tuple[RegioGoo, ...]
    totaal: GooTelling
    streefgetal: int | None
    tekort_nu: int | None
    tekort_na_3: int | None
    tekort_na_6: int | None
    particulier: int | None
    particulier_onbekend: int
    verloop: tuple[Maandpunt, ...]

    @property
    def aflopende_locaties(self):
        """Every counting location whose last day lies within 6 months, soonest first."""
        rijen = [loc for g in self.gemeenten for loc in g.locaties if loc.aflopend_6]
        return sorted(rijen, key=lambda r: (r.tot, r.gemeente_naam, r.naam))

    def gemeente(self, code):
        return next(g for g in self.gemeenten if g.code == code)


def maanden(peildatum):
    """Return the first day of every month from a year before to 6 months after."""
    eerste = peildatum.replace(day=1)
    return [plus_maanden(eerste, n) for n in range(-MAANDEN_TERUG, MAANDEN_VOORUIT + 1)]


def verloop(waarden, peildatum):
    """Return capacity and occupancy on the first day of every month (maanden())."""
    punten = []
    for d in maanden(peildatum):
        t = telling(waarden, d)
        bekend = d <= peildatum and t.bezetting_bekend
        punten.append(Maandpunt(d, t.capaciteit, t.bezetting if bekend else None))
    return tuple(punten)


def _doelen(gemeenten):
    """Return the latest streefgetal per gemeente pk and per regio pk."""
    regio_ids = {g.regio_id for g in gemeenten if g.regio_id}
    versies = (
        Streefgetal.objects.filter(Q(gemeente__in=gemeenten) | Q(regio_id__in=regio_ids))
        .select_related("gemeente", "regio")
        .versies()
    )
    per_gemeente, per_regio = {}, {}
    for s in versies:  # oldest first: the last one per gemeente or regio stays
        if s.gemeente_id:
            per_gemeente[s.gemeente_id] = Doel(
                "gemeente", s.gemeente.naam, s.aantal, s.bron, s.datum
            )
        else:
            per_regio[s.regio_id] = Doel("regio", s.regio.naam, s.aantal, s.bron, s.datum)
    return per_gemeente, per_regio


def _locatie_rij(gemeente, locatie, waarden, d):
    telt = telt_op(waarden, d)
    return LocatieRij(
        pk=locatie.pk,
        gemeente_code=gemeente.code,
        gemeente_naam=gemeente.naam,
        naam=locatie.naam,
        soort=locatie.soort,
        status=locatie.status,
        capaciteit=locatie.capaciteit,
        vanaf=locatie.beschikbaar_vanaf,
        tot=locatie.beschikbaar_tot,
        toelichting=locatie.toelichting,
        telt=telt,
        bezetting=bezetting_op(waarden, d) if telt else None,
        aflopend_3=loopt_af_binnen(waarden, d, 3),
        aflopend_6=loopt_af_binnen(waarden, d, 6),
    )


def _lees(gemeenten, d):
    """Read locations, their bezettingen and the particuliere opvang: three queries."""
    locaties = defaultdict(list)
    for loc in GooLocatie.objects.filter(gemeente__in=gemeenten).order_by("naam", "pk"):
        locaties[loc.gemeente_id].append(loc)
    paren = defaultdict(list)
    rows = Bezetting.objects.filter(locatie__gemeente__in=gemeenten).values_list(
        "locatie_id", "peildatum", "bezet"
    )
    for locatie_id, peildatum, bezet in rows:
        paren[locatie_id].append((peildatum, bezet))
    particulier = {
        p.gemeente_id: p
        for p in ParticuliereOpvang.objects.filter(gemeente__in=gemeenten).laatste_op(d)
    }
    return locaties, paren, particulier


def overzicht(*, provincie, gemeenten, peildatum) -> GooOverzicht:
    """Return the GOO figures of the gemeenten (a list, with regio) on the peildatum."""
    d = peildatum
    locaties, paren, particulier = _lees(gemeenten, d)
    eigen, regio_doel = _doelen(gemeenten)
    alle_waarden, basis = [], []
    for g in gemeenten:
        paar = [(loc, loc.waarden(paren[loc.pk])) for loc in locaties[g.pk]]
        waarden = [w for _, w in paar]
        alle_waarden += waarden
        rijen = tuple(_locatie_rij(g, loc, w, d) for loc, w in paar)
        basis.append((g, telling(waarden, d), (rijen, verloop(waarden, d))))
    regios = _regios(basis, regio_doel, d)
    rijen = tuple(_gemeente(g, t, r, eigen, regios, particulier) for g, t, r in basis)
    return _totaal(provincie, d, rijen, tuple(regios.values()), verloop(alle_waarden, d))


def _regios(basis, regio_doel, d):
    """Return a RegioGoo per regio with a streefgetal: its gemeenten's sum against it."""
    leden = defaultdict(list)
    for g, t, _ in basis:
        if g.regio_id in regio_doel:
            leden[g.regio_id].append((g, t))
    regios = {}
    for regio_id, paren in leden.items():
        som = sum((t for _, t in paren), leeg(d))
        doel = regio_doel[regio_id]
        regios[regio_id] = RegioGoo(
            doel.naam, doel, som, vergelijk(doel.aantal, som), tuple(g.naam for g, _ in paren)
        )
    return regios


def _gemeente(g, t, rijen_en_verloop, eigen, regios, particulier):
    rijen, punten = rijen_en_verloop
    doel = eigen.get(g.pk)
    if doel is not None:
        vergelijking = vergelijk(doel.aantal, t)
    elif g.regio_id in regios:
        doel, vergelijking = regios[g.regio_id].doel, regios[g.regio_id].vergelijking
    else:
        vergelijking = vergelijk(None, t)
    p = particulier.get(g.pk)
    return GemeenteGoo(
        code=g.code,
        naam=g.naam,
        regio_naam=g.regio.naam if g.regio_id else "",
        telling=t,
        doel=doel,
        vergelijking=vergelijking,
        particulier=p.aantal if p else None,
        particulier_peildatum=p.peildatum if p else None,
        locaties=rijen,
        verloop=punten,
    )


def _som_of_none(waarden):
    waarden = [w for w in waarden if w is not None]
    return sum(waarden) if waarden else None


def _doelsommen(doelen):
    """Return the province's streefgetal and shortfalls: the sums over its targets."""
    velden = ("streefgetal", "tekort_nu", "tekort_na_3", "tekort_na_6")
    return {veld: _som_of_none(getattr(v, veld) for v in doelen) for veld in velden}


def _eigen_doel(gemeente, regio_namen):
    """Whether the gemeente's own target counts: one of its own, outside those regios."""
    doel = gemeente.doel
    return doel is not None and doel.voor == "gemeente" and gemeente.regio_naam not in regio_namen


def _totaal(provincie, d, rijen, regios, punten):
    regio_namen = {r.naam for r in regios}
    # The province's targets: every regio's, and the gemeenten's own outside those regios.
    doelen = [r.vergelijking for r in regios] + [
        g.vergelijking for g in rijen if _eigen_doel(g, regio_namen)
    ]
    return GooOverzicht(
        provincie_code=provincie.code,
        provincie_naam=provincie.naam,
        peildatum=d,
        gemeenten=rijen,
        regios=regios,
        totaal=sum((g.telling for g in rijen), leeg(d)),
        **_doelsommen(doelen),
        particulier=_som_of_none(g.particulier for g in rijen),
        particulier_onbekend=sum(1 for g in rijen if g.particulier is None),
        verloop=punten,
    )


@dataclass(frozen=True)
class ProvincieNaam:
    code: str
    naam: str


def provincie_overzicht(provincie, peildatum) -> GooOverzicht:
    """Return the GOO figures of every gemeente of the province on the peildatum.

    provincie: a Provincie, or anything with its code and naam (ProvincieNaam): the
    plan knows both from its report and saves the query.
    """
    gemeenten = list(
        Gemeente.objects.filter(provincie__code=provincie.code)
        .select_related("regio")
        .order_by("naam")
    )
    return overzicht(provincie=provincie, gemeenten=gemeenten, peildatum=peildatum)


def gemeente_overzicht(gemeente, peildatum) -> GooOverzicht:
    """Return the figures of the gemeente and of the other gemeenten of its regio.

    The other gemeenten are needed for a regio's streefgetal; the page shows only the
    gemeente's own rows and the regio's sum.
    """
    gemeenten = [gemeente]
    if gemeente.regio_id:
        gemeenten += list(
            Gemeente.objects.filter(regio_id=gemeente.regio_id)
            .exclude(pk=gemeente.pk)
            .select_related("regio")
            .order_by("naam")
        )
    return overzicht(provincie=gemeente.provincie, gemeenten=gemeenten, peildatum=peildatum)


def streefgetal_versies(gemeente):
    """Return every version of the gemeente's and its regio's streefgetal, newest first."""
    filter_ = Q(gemeente=gemeente)
    if gemeente.regio_id:
        filter_ |= Q(regio_id=gemeente.regio_id)
    return list(
        Streefgetal.objects.filter(filter_)
        .select_related("gemeente", "regio", "vastgelegd_door")
        .order_by("-datum", "-id")
    )


def bezetting_historie(gemeente):
    """Return every bezetting of the gemeente's locations, newest peildatum first."""
    return list(
        Bezetting.objects.filter(locatie__gemeente=gemeente)
        .select_related("locatie")
        .order_by("-peildatum", "locatie__naam")
    )
