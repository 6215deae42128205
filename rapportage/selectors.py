"""The report object: one frozen value that every output of the figures renders.

`verslag_rapport()` evaluates every queryset it needs (a fixed number, whatever the
number of gemeenten or locations) and counts with `opvang.telregels.tel()`; the
dashboard, PDF, Excel, JSON and CLI only format what it holds (STYLE.md 2).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from kern.dates import DATUM_BUITEN_BEREIK, is_plausible
from opvang.constants import IndieningStatus, VoortgangStatus
from opvang.models import Indiening, Locatie, Uitvraag
from opvang.selectors import (
    GemeenteCijfers,
    gemeenten_in_cyclus,
    tel_gemeente,
    voortgang_statussen,
)
from opvang.telregels import (
    Dekking,
    LocatieWaarden,
    Telling,
    Telvenster,
    categorie,
)
from opvang.velden import TELREGEL_VELDEN, waarden_uit_snapshot
from opvang.verdeelbesluit import opgaven_en_versies

# The capacity history is rapportage.capaciteit's; its names stay importable from here.
from .capaciteit import (  # noqa: F401
    MAX_MAANDEN,
    Maandstand,
    capaciteit_per_maand,
    capaciteit_uit_delen,
    maand_delta,
    maanden,
)

BRON_ACTUEEL = "actueel"
BRON_AKKOORD = "akkoord"
BRONNEN = (BRON_ACTUEEL, BRON_AKKOORD)

ONBEKENDE_BRON = "Onbekende bron: kies 'actueel' of 'akkoord'."


class OngeldigeParameter(ValueError):
    """A peildatum or bron asked for that cannot be used; the message is Dutch."""


class DatumBuitenBereik(OngeldigeParameter):
    """A peildatum outside the plausible range (kern.dates): refused, never counted."""


@dataclass(frozen=True)
class RapportLocatie:
    """One location as counted in the report (for annexes and detail pages)."""

    naam: str
    waarden: LocatieWaarden
    categorie: str
    toelichting: str = ""


@dataclass(frozen=True)
class GemeenteRij(Dekking):
    """A gemeente's row of the report: its figures (opvang's GemeenteCijfers) and more."""

    cijfers: GemeenteCijfers
    regio: str
    # Not compared: two reports are equal when their figures are, also when one was
    # counted without its locations (verslag_rapport(met_locaties=False)).
    locaties: tuple[RapportLocatie, ...] = field(compare=False)
    # False when the source is 'akkoord' and the gemeente has no accepted submission:
    # it then counts as having no locations.
    bron_beschikbaar: bool
    # A VoortgangStatus value in the latest uitvraag of the province and cycle;
    # None when there was no uitvraag.
    indiening_status: str | None

    @property
    def code(self):
        return self.cijfers.gemeente.code

    @property
    def naam(self):
        return self.cijfers.gemeente.naam

    @property
    def opgave_plekken(self):
        return self.cijfers.opgave_plekken

    @property
    def opgave_amv(self):
        return self.cijfers.opgave_amv

    @property
    def telling(self):
        return self.cijfers.telling

    @property
    def indiening_status_label(self):
        if self.indiening_status is None:
            return ""
        return VoortgangStatus(self.indiening_status).label


@dataclass(frozen=True)
class Rapport(Dekking):
    """A province's figures in one cycle: the totals are the sum of the gemeente rows."""

    provincie_code: str
    provincie_naam: str
    cyclus_nummer: int
    telvenster: Telvenster
    peildatum: date
    bron: str
    gemeenten: tuple[GemeenteRij, ...]
    opgave_plekken: int | None
    opgave_amv: int | None
    telling: Telling
    uitvraag_deadline: date | None
    # The places in use on the first of every month (capaciteit_per_maand).
    capaciteit: tuple[Maandstand, ...] = ()
    # False: the rows hold no locations (verslag_rapport(met_locaties=False)).
    met_locaties: bool = field(default=True, compare=False)
    # {gemeente_id: its opgave versions in the cycle, oldest first} (rapportage.restopgave).
    opgave_versies: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Totaal(Dekking):
    """The sum of some gemeente rows (all of them, or those a filter kept).

    tekort is the sum of the rows' shortfalls: one gemeente's surplus does not make up
    for another's shortfall, so it can be more than the opgave minus the dekking.
    """

    aantal: int
    opgave_plekken: int | None
    opgave_amv: int | None
    telling: Telling
    tekort_som: int | None

    @property
    def tekort(self):
        return self.tekort_som


def totaal(rijen) -> Totaal:
    """Add up gemeente rows; the report's own totals are made the same way."""
    rijen = list(rijen)
    return Totaal(
        aantal=len(rijen),
        opgave_plekken=_sum(r.opgave_plekken for r in rijen),
        opgave_amv=_sum(r.opgave_amv for r in rijen),
        telling=sum((r.telling for r in rijen), Telling()),
        tekort_som=_sum(r.tekort for r in rijen),
    )


def check_peildatum(peildatum):
    """Raise DatumBuitenBereik unless the peildatum lies in the plausible range."""
    if not is_plausible(peildatum):
        raise DatumBuitenBereik(DATUM_BUITEN_BEREIK)


def _sum(waarden):
    """Return the sum of the known values, or None when none is known."""
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


# The counting fields in LocatieWaarden's own order, so a row becomes one positionally.
_WAARDEN_VELDEN = tuple(TELREGEL_VELDEN[f.name] for f in fields(LocatieWaarden))


def _actuele_locaties(gemeenten, met_locaties):
    """Return ({gemeente_id: [(naam, LocatieWaarden, toelichting)]}, all gemeente ids).

    One query, read as plain rows: building a model instance per location costs more
    than counting it (see bench/README.md). Without met_locaties only the counting
    fields are read (naam and toelichting are for the annex and the workbook).
    """
    per_gemeente = defaultdict(list)
    qs = Locatie.objects.filter(gemeente__in=gemeenten)
    if met_locaties:
        rijen = qs.order_by("naam").values_list(
            "gemeente_id", "naam", "toelichting", *_WAARDEN_VELDEN
        )
        for gemeente_id, naam, toelichting, *waarden in rijen:
            per_gemeente[gemeente_id].append((naam, LocatieWaarden(*waarden), toelichting))
    else:
        for gemeente_id, *waarden in qs.order_by().values_list("gemeente_id", *_WAARDEN_VELDEN):
            per_gemeente[gemeente_id].append(("", LocatieWaarden(*waarden), ""))
    return per_gemeente, {g.pk for g in gemeenten}


def _geaccepteerde_locaties(gemeenten, cyclus):
    """Return the locations of each gemeente's latest accepted submission in the cycle.

    The second value holds the gemeenten that have such a submission; one query.
    """
    laatste = (
        Indiening.objects.filter(
            gemeente=OuterRef("gemeente"),
            uitvraag__cyclus=cyclus,
            status=IndieningStatus.AKKOORD,
        )
        .order_by("-ingediend_op", "-id")
        .values("pk")[:1]
    )
    indieningen = Indiening.objects.filter(gemeente__in=gemeenten, pk=Subquery(laatste))
    per_gemeente = defaultdict(list)
    for gemeente_id, snapshot in indieningen.values_list("gemeente_id", "snapshot"):
        per_gemeente[gemeente_id] = [
            (rij["naam"], waarden_uit_snapshot(rij), rij.get("toelichting", ""))
            for rij in snapshot.get("locaties", [])
        ]
    return per_gemeente, set(per_gemeente)


def _indiening_statussen(provincie, cyclus, gemeenten):
    """Return (latest uitvraag or None, {gemeente_id: VoortgangStatus value})."""
    uitvraag = (
        Uitvraag.objects.filter(provincie=provincie, cyclus=cyclus)
        .order_by("-geopend_op", "-id")
        .first()
    )
    if uitvraag is None:
        return None, {}
    stand = voortgang_statussen(uitvraag, gemeenten)
    return uitvraag, {pk: str(status) for pk, status in stand.items()}


def _row(gemeente, cyclus, opgave, locaties, peildatum, *, bron_beschikbaar, status, met_locaties):
    venster = cyclus.telvenster
    cijfers = tel_gemeente(
        gemeente=gemeente,
        cyclus=cyclus,
        opgave=opgave,
        waarden=[w for _, w, _ in locaties],
        peildatum=peildatum,
    )
    return GemeenteRij(
        cijfers=cijfers,
        regio=gemeente.regio.naam if gemeente.regio else "",
        locaties=tuple(RapportLocatie(n, w, str(categorie(w, venster)), t) for n, w, t in locaties)
        if met_locaties
        else (),
        bron_beschikbaar=bron_beschikbaar,
        indiening_status=status,
    )


def gemeenten_van(provincie, cyclus):
    """Return the gemeenten of the province's report in the cycle, by code."""
    return list(gemeenten_in_cyclus(provincie, cyclus).select_related("regio").order_by("code"))


def gemeente_rijen(provincie, cyclus, peildatum, bron, met_locaties, gemeenten=None, invoer=None):
    """Return (a GemeenteRij per gemeente, latest uitvraag, {gemeente id: its MaandDelta},
    {gemeente id: its opgave versions}).

    gemeenten: those to count (default gemeenten_van); the queries are the same.
    invoer: see verslag_rapport.
    """
    if gemeenten is None:
        gemeenten = gemeenten_van(provincie, cyclus)
    opgaven, versies = opgaven_en_versies(cyclus, gemeenten)
    if bron == BRON_ACTUEEL:
        locaties, beschikbaar = _actuele_locaties(gemeenten, met_locaties)
    else:
        locaties, beschikbaar = _geaccepteerde_locaties(gemeenten, cyclus)
    if invoer is not None:
        locaties = invoer(locaties)
    uitvraag, statussen = _indiening_statussen(provincie, cyclus, gemeenten)
    rijen = tuple(
        _row(
            g,
            cyclus,
            opgaven.get(g.pk),
            locaties.get(g.pk, []),
            peildatum,
            bron_beschikbaar=g.pk in beschikbaar,
            status=statussen.get(g.pk),
            met_locaties=met_locaties,
        )
        for g in gemeenten
    )
    delen = {g.pk: maand_delta(w for _, w, _ in locaties.get(g.pk, [])) for g in gemeenten}
    return rijen, uitvraag, delen, versies


def verslag_rapport(
    *,
    provincie,
    cyclus,
    peildatum=None,
    bron=BRON_ACTUEEL,
    vandaag=None,
    met_locaties=True,
    tel_rijen=gemeente_rijen,
    invoer=None,
) -> Rapport:
    """Assemble the province's report in a fixed number of queries.

    bron 'actueel' counts the registered locations now; 'akkoord' counts each
    gemeente's latest accepted submission (none: no locations). The opgave is always
    the one that applies now. A peildatum outside the plausible range is refused
    (DatumBuitenBereik) whoever asks: its charts would run for centuries. vandaag
    (default today) ends the capacity history while the counting window is unknown.
    met_locaties=False leaves each row's locations out (the dashboard and the JSON
    export show none); every figure is the same. tel_rijen: gemeente_rijen, or one
    that returns the same from kept rows (rapportage.rijcache). invoer, if
    given, maps the locations read ({gemeente_id: [(naam, LocatieWaarden, toelichting)]})
    to those counted instead, counted afresh (never from kept rows).
    """
    if bron not in BRONNEN:
        raise OngeldigeParameter(ONBEKENDE_BRON)
    peildatum = peildatum or timezone.localdate()
    check_peildatum(peildatum)
    venster = cyclus.telvenster
    if invoer is not None:
        tel_rijen = functools.partial(gemeente_rijen, invoer=invoer)
    rijen, uitvraag, delen, versies = tel_rijen(provincie, cyclus, peildatum, bron, met_locaties)
    som = totaal(rijen)
    return Rapport(
        provincie_code=provincie.code,
        provincie_naam=provincie.naam,
        cyclus_nummer=cyclus.nummer,
        telvenster=venster,
        peildatum=peildatum,
        bron=bron,
        gemeenten=rijen,
        opgave_plekken=som.opgave_plekken,
        opgave_amv=som.opgave_amv,
        telling=som.telling,
        uitvraag_deadline=uitvraag.deadline if uitvraag else None,
        capaciteit=capaciteit_uit_delen(
            delen.values(), venster, peildatum, vandaag=vandaag or timezone.localdate()
        ),
        met_locaties=met_locaties,
        opgave_versies=versies,
    )
