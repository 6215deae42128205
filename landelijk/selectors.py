"""The national picture: per province the figures of its report, or what is known of it.

Each province's figures are its report (rapportage.vraag.RapportVraag.rapport), computed
once per data version as on its own dashboard, so the national table and a province's
dashboard cannot disagree. A province whose gemeenten have no opgave and no location in
the register shows its published opgave (opvang.ProvincieOpgave) and no figures: "geen
gegevens in het register", never zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gemeenten.models import Provincie
from opvang.constants import VoortgangStatus
from opvang.models import ProvincieOpgave
from opvang.telregels import Dekking, Telling
from rapportage import cache
from rapportage.constants import Document
from rapportage.models import DocumentVersie
from rapportage.selectors import Rapport
from rapportage.vraag import RapportVraag

INGEDIEND = {VoortgangStatus.INGEDIEND, VoortgangStatus.AKKOORD}


@dataclass(frozen=True)
class Vaststelling:
    kenmerk: str
    datum: date
    versie: int


@dataclass(frozen=True)
class ProvincieRij(Dekking):
    code: str
    naam: str
    in_register: bool
    opgave_plekken: int | None  # the report's sum of opgaven, or the published opgave
    opgave_amv: int | None
    gepubliceerde_opgave: int | None
    telling: Telling | None  # None: geen gegevens in het register
    gemeenten: int
    ingediend: int
    akkoord: int
    verslag: Vaststelling | None

    @property
    def dekking_percentage(self):
        return None if self.telling is None else super().dekking_percentage


@dataclass(frozen=True)
class LandelijkOverzicht(Dekking):
    cyclus_nummer: int
    peildatum: date
    bron: str
    provincies: tuple[ProvincieRij, ...]
    opgave_plekken: int | None
    opgave_amv: int | None
    telling: Telling  # of the provinces in the register
    # Each province's question (its report and cache key), for the map (rapportage.kaart).
    vragen: tuple[RapportVraag, ...] = field(default=(), compare=False, repr=False)
    # The cycle's national capaciteitsraming with its source (reference data; None: unknown).
    landelijke_raming: int | None = None
    raming_bron: str = ""

    @property
    def in_register(self):
        return sum(1 for p in self.provincies if p.in_register)

    @property
    def sleutels(self) -> tuple[str, ...]:
        return tuple(v.sleutel for v in self.vragen)

    def rapporten(self) -> tuple[Rapport, ...]:
        """Return the reports of the provinces in the register (cached), for the map.

        The others' gemeenten are "geen gegevens in het register" on it, as in the table.
        """
        return tuple(
            vraag.rapport(met_locaties=False)
            for vraag, rij in zip(self.vragen, self.provincies, strict=True)
            if rij.in_register
        )

    @property
    def dekking_percentage(self):
        """The national coverage, only when every province's figures are in the register.

        Otherwise the opgave holds published figures whose places are not counted, and a
        percentage would read as a (far too low) national figure: a gap stays a gap.
        """
        if self.in_register < len(self.provincies):
            return None
        return super().dekking_percentage


def _vaststellingen(cyclus):
    """Return {provincie_id: the latest vastgestelde verslag of the cycle}, in one query."""
    versies = DocumentVersie.objects.filter(cyclus=cyclus, document=Document.VERSLAG).order_by(
        "provincie_id", "versie"
    )
    return {
        v.provincie_id: Vaststelling(v.kenmerk, v.datum, v.versie)
        for v in versies.only("provincie_id", "kenmerk", "datum", "versie")
    }


@dataclass(frozen=True)
class Samenvatting:
    """What the national row takes of a province's report: small, cached beside it."""

    in_register: bool
    opgave_plekken: int | None
    opgave_amv: int | None
    telling: Telling
    gemeenten: int
    ingediend: int
    akkoord: int


def _in_register(rapport):
    return any(r.opgave_plekken is not None for r in rapport.gemeenten) or (
        rapport.telling != Telling()
    )


def _samenvatting(vraag):
    """Return the summary of the province's report, cached under the report's own key.

    A warm national page reads twelve of these, not twelve whole reports.
    """

    def maak():
        rapport = vraag.rapport(met_locaties=False)
        statussen = [r.indiening_status for r in rapport.gemeenten]
        return Samenvatting(
            in_register=_in_register(rapport),
            opgave_plekken=rapport.opgave_plekken,
            opgave_amv=rapport.opgave_amv,
            telling=rapport.telling,
            gemeenten=len(rapport.gemeenten),
            ingediend=sum(1 for s in statussen if s in INGEDIEND),
            akkoord=sum(1 for s in statussen if s == VoortgangStatus.AKKOORD),
        )

    return cache.bewaard(vraag.sleutel, "landelijk-rij", maak)


def _rij(provincie, samenvatting, gepubliceerd, verslag):
    in_register = samenvatting.in_register
    return ProvincieRij(
        code=provincie.code,
        naam=provincie.naam,
        in_register=in_register,
        opgave_plekken=samenvatting.opgave_plekken if in_register else _plekken(gepubliceerd),
        opgave_amv=samenvatting.opgave_amv if in_register else _amv(gepubliceerd),
        gepubliceerde_opgave=_plekken(gepubliceerd),
        telling=samenvatting.telling if in_register else None,
        gemeenten=samenvatting.gemeenten,
        ingediend=samenvatting.ingediend,
        akkoord=samenvatting.akkoord,
        verslag=verslag,
    )


def _plekken(opgave):
    return opgave.plekken if opgave else None


def _amv(opgave):
    return opgave.amv_plekken if opgave else None


def _som(waarden):
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


def landelijk_overzicht(*, cyclus, peildatum, bron) -> LandelijkOverzicht:
    """Return every province's row in the cycle, counted on the peildatum from bron."""
    gepubliceerd = {o.provincie_id: o for o in ProvincieOpgave.objects.filter(cyclus=cyclus)}
    verslagen = _vaststellingen(cyclus)
    rijen, vragen = [], []
    for provincie in Provincie.objects.order_by("naam"):
        vraag = RapportVraag(provincie=provincie, cyclus=cyclus, peildatum=peildatum, bron=bron)
        vragen.append(vraag)
        rijen.append(
            _rij(
                provincie,
                _samenvatting(vraag),
                gepubliceerd.get(provincie.pk),
                verslagen.get(provincie.pk),
            )
        )
    tellingen = [r.telling for r in rijen if r.telling is not None]
    return LandelijkOverzicht(
        cyclus_nummer=cyclus.nummer,
        peildatum=peildatum,
        bron=bron,
        provincies=tuple(rijen),
        opgave_plekken=_som(r.opgave_plekken for r in rijen),
        opgave_amv=_som(r.opgave_amv for r in rijen),
        telling=sum(tellingen, Telling()),
        vragen=tuple(vragen),
        landelijke_raming=cyclus.landelijke_raming,
        raming_bron=cyclus.raming_bron,
    )
