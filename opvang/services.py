"""Writes: every change to locations, targets, uitvragen and submissions goes here.

Each function saves objects one by one so that the audit trail (django-simple-history)
records them with the acting user; `audit.attribute_to()` makes that explicit for
writes outside a request (management commands, imports).
"""

from __future__ import annotations

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kern.audit import attribute_to
from kern.security_log import security_log
from kern.signalen import send_on_commit

from .constants import AFGESLOTEN_STATUSSEN, IndieningStatus
from .models import Indiening, Locatie, Opgave, Uitvraag
from .selectors import gemeente_cijfers
from .signals import indiening_geaccepteerd, indiening_teruggestuurd, uitvraag_geopend
from .velden import VELDNAMEN, naar_snapshot

AL_INGEDIEND = "Uw gemeente heeft voor deze uitvraag al ingediend; er is niets dubbel verstuurd."
UITVRAAG_GESLOTEN = "Deze uitvraag is gesloten; indienen kan niet meer."
UITVRAAG_AL_OPEN = "Er staat al een uitvraag open voor deze provincie."
AL_BEOORDEELD = "Deze indiening is al beoordeeld; uw beoordeling is niet opgeslagen."
OPMERKING_VERPLICHT = "Geef bij terugsturen aan wat de gemeente moet aanpassen."
GEEN_AFSLUITSTATUS = "Kies 'beëindigd' of 'vervallen'."


class VersieConflict(Exception):
    """Someone else saved the location since the user opened it."""

    def __init__(self, huidig, wijzigingen):
        super().__init__("De locatie is intussen door iemand anders gewijzigd.")
        self.huidig = huidig
        self.wijzigingen = wijzigingen


def locatie_aanmaken(*, gemeente, data, user, reden=None):
    locatie = Locatie(gemeente=gemeente, **{k: data[k] for k in VELDNAMEN if k in data})
    locatie.full_clean()
    attribute_to(locatie, user, reden)
    locatie.save()
    return locatie


def _wijzigingen_sinds(locatie, versie):
    """Return [(veld label, then, now, by whom, when)] of what changed since versie."""
    oud = locatie.history.filter(versie=versie).order_by("-history_id").first()
    nieuw = locatie.history.order_by("-history_id").select_related("history_user").first()
    if oud is None or nieuw is None:
        return []
    delta = nieuw.diff_against(oud, included_fields=list(VELDNAMEN))
    return [
        (
            Locatie._meta.get_field(c.field).verbose_name,
            c.old,
            c.new,
            nieuw.history_user,
            nieuw.history_date,
        )
        for c in delta.changes
    ]


def locatie_wijzigen(*, locatie, versie, data, user, reden=None):
    """Save data on the location if nobody changed it since versie; else VersieConflict.

    The row is locked (SELECT ... FOR UPDATE; on SQLite the transaction takes the write
    lock at its start) so that the version check and the save cannot interleave.
    """
    with transaction.atomic():
        huidig = Locatie.objects.select_for_update().get(pk=locatie.pk)
        if huidig.versie != versie:
            raise VersieConflict(huidig, _wijzigingen_sinds(huidig, versie))
        for veld in VELDNAMEN:
            if veld in data:
                setattr(huidig, veld, data[veld])
        huidig.versie += 1
        huidig.full_clean()
        attribute_to(huidig, user, reden)
        huidig.save()
    return huidig


def locatie_afsluiten(*, locatie, versie, status, beschikbaar_tot, reden, user):
    """Close a location (beëindigd or vervallen); it stays, with its history."""
    if status not in AFGESLOTEN_STATUSSEN:
        raise ValidationError(GEEN_AFSLUITSTATUS)
    return locatie_wijzigen(
        locatie=locatie,
        versie=versie,
        data={"status": status, "beschikbaar_tot": beschikbaar_tot or locatie.beschikbaar_tot},
        user=user,
        reden=reden or "Locatie afgesloten",
    )


def opgave_vastleggen(
    *, gemeente, cyclus, grondslag, plekken, amv_plekken, bron, datum, user, reden=None, **besluit
):
    """Record a new version of a gemeente's target; earlier versions stay.

    besluit: what a verdeelbesluit adds (verdeelbesluit, aangewezen, minimum_plekken,
    is_demo; opvang.verdeelbesluit); reden is the history's change reason.
    """
    opgave = Opgave(
        gemeente=gemeente,
        cyclus=cyclus,
        grondslag=grondslag,
        plekken=plekken,
        amv_plekken=amv_plekken,
        bron=bron,
        datum=datum,
        aangemaakt_door=user,
        **besluit,
    )
    opgave.full_clean()
    attribute_to(opgave, user, reden)
    opgave.save()
    return opgave


def uitvraag_openen(*, provincie, cyclus, deadline, bericht, user):
    uitvraag = Uitvraag(
        provincie=provincie, cyclus=cyclus, deadline=deadline, bericht=bericht, geopend_door=user
    )
    uitvraag.full_clean()
    attribute_to(uitvraag, user)
    try:
        with transaction.atomic():
            uitvraag.save()
    except IntegrityError:
        # Another uitvraag of this province was opened after full_clean() looked.
        raise ValidationError(UITVRAAG_AL_OPEN) from None
    send_on_commit(uitvraag_geopend, Uitvraag, uitvraag=uitvraag, user=user)
    return uitvraag


def uitvraag_sluiten(*, uitvraag, user):
    """Close the uitvraag; closing one that is already closed changes nothing.

    The row is locked and re-read, so that a second page closing it at the same time
    does not move the closing moment, and a submission in progress finishes first
    (indiening_indienen locks the same row).
    """
    with transaction.atomic():
        huidig = Uitvraag.objects.select_for_update().get(pk=uitvraag.pk)
        if huidig.is_open:
            huidig.gesloten_op = timezone.now()
            attribute_to(huidig, user)
            huidig.save()
    return huidig


def snapshot_maken(*, gemeente, cyclus):
    """Freeze the gemeente's locations, target and figures as plain JSON."""
    cijfers = gemeente_cijfers(gemeente=gemeente, cyclus=cyclus)
    opgave = cijfers.opgave
    return {
        "gemeente": {"code": gemeente.code, "naam": gemeente.naam},
        "cyclus": cyclus.nummer,
        "peildatum": cijfers.peildatum.isoformat(),
        "opgave": None
        if opgave is None
        else {
            "plekken": opgave.plekken,
            "amv": opgave.amv_plekken,
            "soort": opgave.grondslag,
            "bron": opgave.bron,
            "datum": opgave.datum.isoformat(),
        },
        "telling": asdict(cijfers.telling),
        "locaties": [
            {"id": loc.pk, "version": loc.versie, **naar_snapshot(loc)}
            for loc in gemeente.locaties.order_by("naam")
        ],
    }


def indiening_indienen(*, uitvraag, gemeente, user):
    """Submit the gemeente's current data; return (indiening, created).

    A second submission while one awaits review or is accepted is refused by a
    unique constraint, so double clicks and second tabs create nothing.
    """
    if not uitvraag.is_open:
        raise ValidationError(UITVRAAG_GESLOTEN)
    indiening = Indiening(
        uitvraag=uitvraag,
        gemeente=gemeente,
        ingediend_door=user,
        snapshot=snapshot_maken(gemeente=gemeente, cyclus=uitvraag.cyclus),
    )
    attribute_to(indiening, user)
    try:
        with transaction.atomic():
            # Re-read under a lock: the uitvraag may have closed since the page loaded it,
            # and uitvraag_sluiten waits for this lock.
            if not Uitvraag.objects.select_for_update().get(pk=uitvraag.pk).is_open:
                raise ValidationError(UITVRAAG_GESLOTEN)
            indiening.save()
    except IntegrityError:
        bestaand = Indiening.objects.filter(uitvraag=uitvraag, gemeente=gemeente).first()
        security_log("indiening.ingediend", user=user, object=bestaand, result="al_ingediend")
        return bestaand, False
    security_log("indiening.ingediend", user=user, object=indiening)
    return indiening, True


def indiening_beoordelen(*, indiening, akkoord, opmerking, user):
    """Accept the submission, or return it with a remark; return the reviewed row.

    The row is locked and its status re-checked inside the transaction: of two
    reviewers at the same moment one wins, the other gets AL_BEOORDEELD and changes
    nothing.
    """
    with transaction.atomic():
        huidig = Indiening.objects.select_for_update().get(pk=indiening.pk)
        if huidig.status != IndieningStatus.INGEDIEND:
            raise ValidationError(AL_BEOORDEELD)
        if not akkoord and not opmerking.strip():
            raise ValidationError(OPMERKING_VERPLICHT)
        huidig.status = IndieningStatus.AKKOORD if akkoord else IndieningStatus.TERUGGESTUURD
        huidig.opmerking = opmerking
        huidig.beoordeeld_door = user
        huidig.beoordeeld_op = timezone.now()
        attribute_to(huidig, user)
        huidig.save()
        signaal = indiening_geaccepteerd if akkoord else indiening_teruggestuurd
        send_on_commit(signaal, Indiening, indiening=huidig, user=user)
    security_log(f"indiening.{huidig.status}", user=user, object=huidig)
    return huidig
