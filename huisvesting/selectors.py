"""Reads: a province's or a gemeente's statushouders figures as one frozen object.

Every queryset is evaluated here, in a fixed number of queries whatever the number of
gemeenten and months; the figures come from huisvesting.saldo. The gemeente page, the
dashboard, its CSV/XLSX, the JSON export and plan part 3 all render this object.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from gemeenten.models import Gemeente

from .constants import Bron
from .models import Halfjaar, IbtStap, Instelling, Maatregel, Realisatie, Startsaldo, Taakstelling
from .saldo import (
    MAANDEN_PER_HALFJAAR,
    Drempels,
    Stand,
    achter_op_rij,
    bereken_stand,
    kies_bron,
    reeks,
    verstreken_maanden,
)

# Flag a gemeente rated achter this many half years in a row, or more.
ACHTER_OP_RIJ_SIGNAAL = 2


@dataclass(frozen=True)
class Maandcijfer:
    maand: date
    coa: int | None
    gemeente: int | None
    telt: int | None
    verstreken: bool = True  # False: the month is still running or still to come

    @property
    def verschil(self):
        """Return COA minus the gemeente's own count where both exist (shown, not hidden)."""
        if self.coa is None or self.gemeente is None:
            return None
        return self.coa - self.gemeente


@dataclass(frozen=True)
class HalfjaarStand:
    code: str
    begin: date
    eind: date
    stand: Stand | None
    maanden: tuple[Maandcijfer, ...]
    taakstelling_bron: str = ""
    is_demo: bool = False

    @property
    def verschillen(self):
        return tuple(m for m in self.maanden if m.verschil)


@dataclass(frozen=True)
class IbtRegel:
    stap: str
    stap_label: str
    datum: date
    reden: str
    notitie: str
    door: str
    halfjaar: str


@dataclass(frozen=True)
class MaatregelRegel:
    pk: int
    projectnaam: str
    soort: str
    woningen: int | None
    personen: int | None
    verwacht_op: date | None
    status: str


@dataclass(frozen=True)
class GemeenteStatushouders:
    code: str
    naam: str
    halfjaren: tuple[HalfjaarStand, ...]
    huidig: HalfjaarStand | None
    achter_op_rij: int
    startsaldo_bron: str
    ibt_stappen: tuple[IbtRegel, ...]
    maatregelen: tuple[MaatregelRegel, ...]

    @property
    def stand(self):
        return self.huidig.stand if self.huidig else None

    @property
    def gesignaleerd(self):
        return self.achter_op_rij >= ACHTER_OP_RIJ_SIGNAAL

    @property
    def laatste_ibt(self):
        return self.ibt_stappen[-1] if self.ibt_stappen else None

    @property
    def gepland_personen(self):
        return sum(m.personen or 0 for m in self.maatregelen if m.status not in ("vervallen",))


@dataclass(frozen=True)
class Statushouders:
    """A province's (or one gemeente's) statushouders figures at a peildatum."""

    provincie_code: str
    provincie_naam: str
    peildatum: date
    halfjaar: str
    halfjaar_begin: date | None
    telbron: str
    telbron_label: str
    drempels: Drempels
    gemeenten: tuple[GemeenteStatushouders, ...]
    totaal: Stand | None

    @property
    def gesignaleerd(self):
        return tuple(g for g in self.gemeenten if g.gesignaleerd)

    @property
    def met_ibt(self):
        return tuple(g for g in self.gemeenten if g.ibt_stappen)


def _huidig_index(halfjaren, peildatum):
    """Return the index of the current half year at peildatum, or None before the first.

    A peildatum is the state at the start of that day (as COA's figures "on the first of
    the month"): the current half year is the one its previous day lies in, so on
    1 January the second half of the year before is current, with all six months passed.
    """
    gisteren = peildatum - timedelta(days=1)
    gestart = [i for i, h in enumerate(halfjaren) if h.begin <= gisteren]
    return gestart[-1] if gestart else None


def _maanden(halfjaar):
    jaar, maand = halfjaar.begin.year, halfjaar.begin.month
    return [date(jaar, maand + i, 1) for i in range(MAANDEN_PER_HALFJAAR)]


def _maandcijfers(halfjaar, cijfers, telbron, peildatum):
    rijen = []
    for maand in _maanden(halfjaar):
        if maand > peildatum:
            rijen.append(Maandcijfer(maand, None, None, None, verstreken=False))
            continue
        coa, eigen = cijfers.get((maand, Bron.COA)), cijfers.get((maand, Bron.GEMEENTE))
        verstreken = maand < peildatum.replace(day=1)
        rijen.append(Maandcijfer(maand, coa, eigen, kies_bron(coa, eigen, telbron), verstreken))
    return tuple(rijen)


def _standen(halfjaren, taak, saldo, maanden, peildatum, drempels):
    """Return the stand of each half year, None before the one of the start balance."""
    start = next((i for i, h in enumerate(halfjaren) if saldo and h.pk == saldo.halfjaar_id), None)
    standen = [None] * len(halfjaren)
    if start is None:
        return standen
    invoer = [
        (
            taak[h.pk].personen if h.pk in taak else None,
            tuple(m.telt for m in maanden[i]),
            verstreken_maanden(h.begin, peildatum),
        )
        for i, h in enumerate(halfjaren)
    ][start:]
    standen[start:] = reeks(invoer, saldo.saldo, drempels)
    return standen


def _halfjaar_stand(halfjaar, stand, maanden, taak):
    taakstelling = taak.get(halfjaar.pk)
    return HalfjaarStand(
        halfjaar.code, halfjaar.begin, halfjaar.eind, stand, maanden,
        taakstelling.bron if taakstelling else "", taakstelling.is_demo if taakstelling else False,
    )  # fmt: skip


def _gemeente(gemeente, halfjaren, data, peildatum, telbron, drempels):
    """Return one gemeente's figures from the preloaded data (no queries)."""
    taak = data["taak"].get(gemeente.pk, {})
    saldo = data["saldo"].get(gemeente.pk)
    maanden = [_maandcijfers(h, data["real"][gemeente.pk], telbron, peildatum) for h in halfjaren]
    standen = _standen(halfjaren, taak, saldo, maanden, peildatum, drempels)
    rijen = tuple(_halfjaar_stand(h, standen[i], maanden[i], taak) for i, h in enumerate(halfjaren))
    return GemeenteStatushouders(
        code=gemeente.code,
        naam=gemeente.naam,
        halfjaren=rijen,
        huidig=rijen[-1] if rijen else None,
        achter_op_rij=achter_op_rij(s.oordeel if s else None for s in standen),
        startsaldo_bron=saldo.bron if saldo else "",
        ibt_stappen=tuple(data["ibt"][gemeente.pk]),
        maatregelen=tuple(data["maatregel"][gemeente.pk]),
    )


def _load(gemeenten, halfjaren, peildatum):
    """Return every row the figures need, grouped per gemeente: one query per model."""
    ids = [g.pk for g in gemeenten]
    taak = defaultdict(dict)
    for t in Taakstelling.objects.geldend().filter(gemeente_id__in=ids):
        taak[t.gemeente_id][t.halfjaar_id] = t
    saldo = {}
    for s in Startsaldo.objects.filter(gemeente_id__in=ids).order_by("datum", "id"):
        saldo[s.gemeente_id] = s  # the latest version applies
    real = defaultdict(dict)
    if halfjaren:
        for r in Realisatie.objects.filter(
            gemeente_id__in=ids, maand__gte=halfjaren[0].begin, maand__lte=halfjaren[-1].eind
        ).values_list("gemeente_id", "maand", "bron", "gehuisvest"):
            real[r[0]][(r[1], r[2])] = r[3]
    return {"taak": taak, "saldo": saldo, "real": real, **_load_notes(ids, peildatum)}


def _load_notes(ids, peildatum):
    ibt = defaultdict(list)
    stappen = IbtStap.objects.filter(gemeente_id__in=ids, datum__lte=peildatum)
    for s in stappen.select_related("gezet_door", "halfjaar").order_by("datum", "id"):
        door = s.gezet_door.get_full_name() or s.gezet_door.username
        ibt[s.gemeente_id].append(
            IbtRegel(s.stap, s.get_stap_display(), s.datum, s.reden, s.notitie, door,
                     s.halfjaar.code if s.halfjaar else "")
        )  # fmt: skip
    maatregel = defaultdict(list)
    for m in Maatregel.objects.filter(gemeente_id__in=ids).order_by("verwacht_op", "projectnaam"):
        maatregel[m.gemeente_id].append(
            MaatregelRegel(m.pk, m.projectnaam, m.get_soort_display(), m.woningen, m.personen,
                           m.verwacht_op, m.get_status_display())
        )  # fmt: skip
    return {"ibt": ibt, "maatregel": maatregel}


def _totaal(rijen, peildatum, drempels):
    """Return the province as one gemeente: sums through the same counting function."""
    standen = [g.huidig for g in rijen if g.huidig and g.huidig.stand]
    if not standen:
        return None
    per_maand = [
        sum(h.stand.per_maand[i] or 0 for h in standen) for i in range(MAANDEN_PER_HALFJAAR)
    ]
    return bereken_stand(
        taakstelling=sum(h.stand.taakstelling for h in standen),
        startsaldo=sum(h.stand.startsaldo for h in standen),
        per_maand=per_maand,
        verstreken=verstreken_maanden(standen[0].begin, peildatum),
        drempels=drempels,
    )


def statushouders(provincie, peildatum, gemeenten=None) -> Statushouders:
    """Return the figures of the province's gemeenten (or the given ones) at peildatum.

    The half years are those up to the current one (_huidig_index), in order.
    """
    alle = list(Halfjaar.objects.order_by("begin"))
    huidig = _huidig_index(alle, peildatum)
    halfjaren = alle[: huidig + 1] if huidig is not None else []
    instelling = Instelling.objects.filter(provincie=provincie).first() or Instelling()
    drempels = instelling.drempels
    if gemeenten is None:
        gemeenten = Gemeente.objects.filter(provincie=provincie)
    gemeenten = list(gemeenten.order_by("naam"))
    data = _load(gemeenten, halfjaren, peildatum)
    rijen = tuple(
        _gemeente(g, halfjaren, data, peildatum, instelling.telbron, drempels) for g in gemeenten
    )
    return Statushouders(
        provincie_code=provincie.code,
        provincie_naam=provincie.naam,
        peildatum=peildatum,
        halfjaar=halfjaren[-1].code if halfjaren else "",
        halfjaar_begin=halfjaren[-1].begin if halfjaren else None,
        telbron=instelling.telbron,
        telbron_label=instelling.get_telbron_display(),
        drempels=drempels,
        gemeenten=rijen,
        totaal=_totaal(rijen, peildatum, drempels),
    )
