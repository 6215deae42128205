"""Load a verdeelbesluit (or restopgave) as new opgave versions, and read the versions.

`verdeelbesluit_voorbereiden` checks the workbook (opvang.excel.verdeelbesluit) and
records it with its preview; `verdeelbesluit_verwerken` writes one Opgave version per
gemeente in the file, all or nothing. Confirming locks the record and the cycle and
checks the file again, so two confirmations at the same moment never write twice and a
version recorded between preview and confirmation refuses the file.

`opgave_versies` returns the versions of many gemeenten (oldest first) in one query,
for "1.946 (was 1.988, indicatief)" on every page that shows an opgave.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from gemeenten.constants import Rol
from gemeenten.scope import user_scope
from kern.audit import attribute_to
from kern.formatting import short_date
from kern.text import without_control_characters

from . import services
from .constants import Grondslag
from .excel import verdeelbesluit as werkboek
from .excel.format import BestandGeweigerd
from .models import Cyclus, Opgave, Verdeelbesluit
from .selectors import geldende_opgaven

AL_VERWERKT = "Dit besluit is al verwerkt; er is niets dubbel vastgelegd."
NIET_MEER_GELDIG = "Dit bestand is al afgewezen; upload het opnieuw."
VEROUDERD = (
    "Sinds de controle zijn opgaven gewijzigd ({wat}). Er is niets verwerkt; upload het "
    "bestand opnieuw om de actuele stand te zien."
)
ANDER_BESTAND = "het bestand"


class BesluitVerouderd(Exception):
    """The file's preview no longer matches the data, or it was already processed."""


def may_load_verdeelbesluit(user):
    """Return whether the user loads a verdeelbesluit: national beheer only.

    The minister's decision covers every province; beheer of one province, the LRT
    (who reads all, writes nothing) and everyone else may not.
    """
    return user.is_authenticated and user.rol == Rol.BEHEER and user_scope(user).alles


def bron_van(record):
    """Return the source text of the opgave versions the decision writes."""
    soort = record.get_grondslag_display().capitalize()
    tekst = f"{soort} {record.kenmerk} van {short_date(record.datum)}"
    return (tekst + (" (demo)" if record.is_demo else ""))[:300]


def verdeelbesluit_voorbereiden(
    *, bestand, bestandsnaam, user, cyclus, grondslag, kenmerk, datum, titel="", is_demo=False
):
    """Check the file and record it with its preview; raise BestandGeweigerd if it fails."""
    bestandsnaam = without_control_characters(bestandsnaam)
    plan = werkboek.besluit_plan(
        bestand=bestand,
        bestandsnaam=bestandsnaam,
        user=user,
        cyclus=cyclus,
        datum=datum,
        huidig=geldende_opgaven,
    )
    record = Verdeelbesluit(
        cyclus=cyclus,
        grondslag=grondslag,
        kenmerk=kenmerk,
        datum=datum,
        titel=titel,
        is_demo=is_demo,
        bestandsnaam=bestandsnaam[:255],
        sha256=hashlib.sha256(bestand).hexdigest(),
        bestand=bestand,
        voorbeeld=werkboek.samenvatting(plan),
        geladen_door=user,
    )
    record.full_clean(exclude=["bestand"])
    attribute_to(record, user, f"Geladen: {record.reden}")
    record.save()
    return record


def verdeelbesluit_verwerken(*, record, user):
    """Write the checked file's opgave versions in one transaction; return the record.

    Raise BesluitVerouderd when it was processed already (by a second confirmation at
    the same moment, say) or when the data changed since the preview (the record is then
    afgewezen with the reason); BestandGeweigerd when the file no longer validates.
    """
    with transaction.atomic():
        huidig = Verdeelbesluit.objects.select_for_update().get(pk=record.pk)
        if huidig.status != Verdeelbesluit.Status.PREVIEW:
            verwerkt = huidig.status == Verdeelbesluit.Status.VERWERKT
            raise BesluitVerouderd(AL_VERWERKT if verwerkt else NIET_MEER_GELDIG)
        # Every load of this cycle waits here: the re-check below sees what the other wrote.
        Cyclus.objects.select_for_update().get(pk=huidig.cyclus_id)
        try:
            with transaction.atomic():
                _verwerk(huidig, user)
        except (BestandGeweigerd, BesluitVerouderd) as exc:
            fout = exc
            _afwijzen(huidig, user, _melding(exc))
        else:
            fout = None
    if fout is not None:
        raise fout
    return huidig


def _melding(exc):
    if isinstance(exc, BestandGeweigerd):
        return exc.fouten[0].melding
    return str(exc)


def _afwijzen(record, user, melding):
    record.status = Verdeelbesluit.Status.AFGEWEZEN
    record.melding = melding
    attribute_to(record, user, f"Afgewezen: {record.reden}")
    record.save()


def _verwerk(record, user):
    bestand = bytes(record.bestand)
    if hashlib.sha256(bestand).hexdigest() != record.sha256:
        raise BesluitVerouderd(VEROUDERD.format(wat=ANDER_BESTAND))
    plan = werkboek.besluit_plan(
        bestand=bestand,
        bestandsnaam=record.bestandsnaam,
        user=user,
        cyclus=record.cyclus,
        datum=record.datum,
        huidig=geldende_opgaven,
    )
    voorbeeld = werkboek.samenvatting(plan)
    if voorbeeld != record.voorbeeld:
        raise BesluitVerouderd(VEROUDERD.format(wat=_wat_veranderde(record.voorbeeld, voorbeeld)))
    bron = bron_van(record)
    for rij in plan:
        services.opgave_vastleggen(
            gemeente=rij.gemeente,
            cyclus=record.cyclus,
            grondslag=record.grondslag,
            plekken=rij.plekken,
            amv_plekken=rij.amv_plekken,
            bron=bron,
            datum=record.datum,
            user=user,
            reden=record.reden,
            verdeelbesluit=record,
            aangewezen=rij.aangewezen,
            minimum_plekken=rij.minimum_plekken,
            is_demo=record.is_demo,
        )
    record.status = Verdeelbesluit.Status.VERWERKT
    record.opgaven = len(plan)
    record.verwerkt_op = timezone.now()
    attribute_to(record, user, f"Verwerkt: {record.reden}")
    record.save()


def _wat_veranderde(oud, nieuw):
    a = {r["code"]: r for r in oud.get("rijen", [])}
    b = {r["code"]: r for r in nieuw.get("rijen", [])}
    namen = sorted((a.get(c) or b.get(c))["naam"] for c in set(a) | set(b) if a.get(c) != b.get(c))
    return ", ".join(namen[:5]) or ANDER_BESTAND


@dataclass(frozen=True)
class OpgaveVersie:
    """One version of a gemeente's opgave as pages show it (plain values, no model)."""

    grondslag: str
    plekken: int
    amv_plekken: int | None
    datum: date
    bron: str
    is_demo: bool
    aangewezen: bool
    minimum_plekken: int | None

    @classmethod
    def van(cls, o):
        return cls(
            o.grondslag,
            o.plekken,
            o.amv_plekken,
            o.datum,
            o.bron,
            o.is_demo,
            o.aangewezen,
            o.minimum_plekken,
        )

    @property
    def soort(self):
        """Return the version's label: indicatief, verdeelbesluit, restopgave."""
        return {Grondslag.INDICATIEF: "indicatief"}.get(self.grondslag, self.grondslag)


def opgaven_en_versies(cyclus, gemeenten):
    """Return ({gemeente_id: applicable Opgave}, {gemeente_id: (OpgaveVersie, …) oldest
    first}) of the cycle, in one query.

    The applicable version is the last by (datum, id), the one OpgaveQuerySet.geldend
    picks; the report reads both at once, in the one query geldende_opgaven would take.
    """
    geldend, versies = {}, defaultdict(list)
    qs = Opgave.objects.filter(cyclus=cyclus, gemeente__in=gemeenten).order_by(
        "gemeente_id", "datum", "id"
    )
    for opgave in qs:
        geldend[opgave.gemeente_id] = opgave
        versies[opgave.gemeente_id].append(OpgaveVersie.van(opgave))
    return geldend, {k: tuple(v) for k, v in versies.items()}


def opgave_versies(cyclus, gemeenten):
    """Return {gemeente_id: (OpgaveVersie, …) oldest first} of the cycle, in one query."""
    return opgaven_en_versies(cyclus, gemeenten)[1]


def verdeelbesluiten(cyclus=None):
    """Return the processed decisions, newest first, with their cycle."""
    qs = Verdeelbesluit.objects.filter(status=Verdeelbesluit.Status.VERWERKT)
    if cyclus is not None:
        qs = qs.filter(cyclus=cyclus)
    return qs.select_related("cyclus", "geladen_door")


def tekort(opgave, dekking):
    """Return max(0, opgave − dekking), or None when either is unknown."""
    return None if opgave is None or dekking is None else max(opgave - dekking, 0)


@dataclass(frozen=True)
class GemeenteRest:
    """A gemeente's restopgave and the versions of its opgave (oldest first)."""

    code: str
    naam: str
    opgave: int | None
    opgave_amv: int | None
    dekking: int | None  # None while the counting window is unknown
    dekking_amv: int | None
    aangewezen: bool
    minimum: int | None
    versies: tuple = ()

    @property
    def rest(self):
        return tekort(self.opgave, self.dekking)

    @property
    def rest_amv(self):
        return tekort(self.opgave_amv, self.dekking_amv)

    @property
    def minimum_nog(self):
        """Return what the aangewezen gemeente must still realise of its minimum."""
        return tekort(self.minimum, self.dekking) if self.aangewezen else None

    @property
    def vorige(self):
        """Return the version before the applicable one, or None."""
        return self.versies[-2] if len(self.versies) > 1 else None

    @property
    def geldend(self):
        return self.versies[-1] if self.versies else None


def gemeente_rest(cijfers, versies):
    """Return a gemeente's GemeenteRest from its GemeenteCijfers and Opgave versions."""
    opgave, t = cijfers.opgave, cijfers.telling
    bekend = cijfers.cyclus.telvenster.is_bekend
    return GemeenteRest(
        code=cijfers.gemeente.code,
        naam=cijfers.gemeente.naam,
        opgave=cijfers.opgave_plekken,
        opgave_amv=cijfers.opgave_amv,
        dekking=t.minimale_dekking if bekend else None,
        dekking_amv=t.minimale_dekking_amv if bekend else None,
        aangewezen=bool(opgave and opgave.aangewezen),
        minimum=opgave.minimum_plekken if opgave else None,
        versies=tuple(OpgaveVersie.van(o) for o in versies if o.cyclus_id == cijfers.cyclus.pk),
    )
