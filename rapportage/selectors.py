"""The report object: one frozen value that every output of the figures renders.

`verslag_rapport()` evaluates every queryset it needs (a fixed number, whatever the
number of gemeenten or locations) and counts with `opvang.telregels.tel()`; the
dashboard, PDF, Excel, JSON and CLI only format what it holds (STYLE.md 2).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from gemeenten.models import Gemeente
from kern.dates import DATUM_BUITEN_BEREIK, is_plausible
from opvang.constants import IndieningStatus, VoortgangStatus
from opvang.models import Indiening, Locatie, Opgave, Uitvraag
from opvang.selectors import voortgang
from opvang.telregels import Dekking, LocatieWaarden, Telling, Telvenster, categorie, tel
from opvang.velden import TELREGEL_VELDEN, waarden_uit_snapshot

BRON_ACTUEEL = "actueel"
BRON_AKKOORD = "akkoord"
BRONNEN = (BRON_ACTUEEL, BRON_AKKOORD)

ONBEKENDE_BRON = "Onbekende bron: kies 'actueel' of 'akkoord'."
ONGELDIGE_PEILDATUM = "Ongeldige peildatum: gebruik het formaat JJJJ-MM-DD, zoals 2024-10-15."


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
    code: str
    naam: str
    regio: str
    opgave_plekken: int | None
    opgave_amv: int | None
    telling: Telling
    locaties: tuple[RapportLocatie, ...]
    # False when the source is 'akkoord' and the gemeente has no accepted submission:
    # it then counts as having no locations.
    bron_beschikbaar: bool
    # A VoortgangStatus value in the latest uitvraag of the province and cycle;
    # None when there was no uitvraag.
    indiening_status: str | None

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
        opgave_plekken=_som(r.opgave_plekken for r in rijen),
        opgave_amv=_som(r.opgave_amv for r in rijen),
        telling=sum((r.telling for r in rijen), Telling()),
        tekort_som=_som(r.tekort for r in rijen),
    )


def lees_peildatum(tekst):
    """Parse a peildatum written as YYYY-MM-DD; OngeldigeParameter if it is not.

    A date outside the plausible range raises DatumBuitenBereik.
    """
    try:
        peildatum = datetime.strptime(tekst, "%Y-%m-%d").date()
    except (TypeError, ValueError):
        raise OngeldigeParameter(ONGELDIGE_PEILDATUM) from None
    controleer_peildatum(peildatum)
    return peildatum


def controleer_peildatum(peildatum):
    """Raise DatumBuitenBereik unless the peildatum lies in the plausible range."""
    if not is_plausible(peildatum):
        raise DatumBuitenBereik(DATUM_BUITEN_BEREIK)


def _som(waarden):
    """Return the sum of the known values, or None when none is known."""
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


def _actuele_locaties(gemeenten):
    """Return ({gemeente_id: [(naam, LocatieWaarden, toelichting)]}, all gemeente ids).

    One query, read as plain rows: building a model instance per location costs more
    than counting it (see bench/README.md).
    """
    per_gemeente = defaultdict(list)
    rijen = (
        Locatie.objects.filter(gemeente__in=gemeenten)
        .order_by("naam")
        .values_list("gemeente_id", "naam", "toelichting", *TELREGEL_VELDEN.values())
    )
    for gemeente_id, naam, toelichting, *waarden in rijen:
        per_gemeente[gemeente_id].append(
            (
                naam,
                LocatieWaarden(**dict(zip(TELREGEL_VELDEN, waarden, strict=True))),
                toelichting,
            )
        )
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
    stand = voortgang(uitvraag, gemeenten)
    return uitvraag, {pk: str(status) for pk, (status, _) in stand.items()}


def _rij(gemeente, opgave, locaties, venster, peildatum, *, bron_beschikbaar, status):
    return GemeenteRij(
        code=gemeente.code,
        naam=gemeente.naam,
        regio=gemeente.regio.naam if gemeente.regio else "",
        opgave_plekken=opgave.plekken if opgave else None,
        opgave_amv=opgave.amv_plekken if opgave else None,
        telling=tel((w for _, w, _ in locaties), venster, peildatum),
        locaties=tuple(RapportLocatie(n, w, str(categorie(w, venster)), t) for n, w, t in locaties),
        bron_beschikbaar=bron_beschikbaar,
        indiening_status=status,
    )


def verslag_rapport(*, provincie, cyclus, peildatum=None, bron=BRON_ACTUEEL) -> Rapport:
    """Assemble the province's report in a fixed number of queries.

    bron 'actueel' counts the registered locations now; 'akkoord' counts each
    gemeente's latest accepted submission (none: no locations). The opgave is always
    the one that applies now. A peildatum outside the plausible range is refused
    (DatumBuitenBereik) whoever asks: its charts would run for centuries.
    """
    if bron not in BRONNEN:
        raise OngeldigeParameter(ONBEKENDE_BRON)
    peildatum = peildatum or timezone.localdate()
    controleer_peildatum(peildatum)
    venster = cyclus.telvenster
    gemeenten = list(
        Gemeente.objects.filter(provincie=provincie).select_related("regio").order_by("code")
    )
    opgaven = {
        o.gemeente_id: o
        for o in Opgave.objects.in_cyclus(cyclus).geldend().filter(gemeente__in=gemeenten)
    }
    if bron == BRON_ACTUEEL:
        locaties, beschikbaar = _actuele_locaties(gemeenten)
    else:
        locaties, beschikbaar = _geaccepteerde_locaties(gemeenten, cyclus)
    uitvraag, statussen = _indiening_statussen(provincie, cyclus, gemeenten)
    rijen = tuple(
        _rij(
            g,
            opgaven.get(g.pk),
            locaties.get(g.pk, []),
            venster,
            peildatum,
            bron_beschikbaar=g.pk in beschikbaar,
            status=statussen.get(g.pk),
        )
        for g in gemeenten
    )
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
    )


def _cijfers_als_json(opgave_plekken, opgave_amv, telling, dekking):
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


def _datum(d):
    return d.isoformat() if d else None


def rapport_als_json(rapport: Rapport) -> dict:
    """Return the report as the JSON export for the Landelijke Regietafel."""
    return {
        "provincie": {"code": rapport.provincie_code, "naam": rapport.provincie_naam},
        "cyclus": rapport.cyclus_nummer,
        "bron": rapport.bron,
        "telvenster": {
            "van": _datum(rapport.telvenster.van),
            "tot": _datum(rapport.telvenster.tot),
        },
        "peildatum": rapport.peildatum.isoformat(),
        **_cijfers_als_json(
            rapport.opgave_plekken,
            rapport.opgave_amv,
            rapport.telling,
            rapport.dekking_percentage,
        ),
        "gemeenten": [
            {
                "code": rij.code,
                "naam": rij.naam,
                **_cijfers_als_json(
                    rij.opgave_plekken, rij.opgave_amv, rij.telling, rij.dekking_percentage
                ),
            }
            for rij in rapport.gemeenten
        ],
    }
