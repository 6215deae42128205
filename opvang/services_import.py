"""Writes of the uitvraag import: record a checked file, then process it all or nothing.

The checks and the plan are in opvang.excel.validation, the preview in
opvang.excel.preview; the locations and targets are written by opvang.services, so
the audit trail records every change with the acting user and the import's reason.
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone

from kern.audit import attribute_to, bulk_create_met_historie, bulk_update_met_historie
from kern.dataversie import dataversie
from kern.text import without_control_characters

from . import services
from .excel import wijzigingen as schrijven
from .excel.format import BestandGeweigerd
from .excel.preview import samenvatting, wat_veranderde
from .excel.validation import plan_maken
from .models import Locatie, UitvraagImport
from .velden import VELDNAMEN

VEROUDERD = (
    "Sinds de controle van dit bestand zijn gegevens gewijzigd ({wat}). Er is niets "
    "verwerkt; upload het bestand opnieuw om de actuele wijzigingen te zien."
)
NIET_MEER_GELDIG = "Dit bestand is al verwerkt of afgewezen."
AL_VERWERKT = "Dit bestand is al verwerkt; er is niets dubbel verwerkt."


class ImportVerouderd(Exception):
    """The data changed between preview and confirmation."""


def uitvraagimport_voorbereiden(
    *,
    bestand,
    bestandsnaam,
    user,
    gemeente=None,
    provincie=None,
    cyclus=None,
    opgave_grondslag="",
    bron="",
):
    """Check the file and record it with its preview; raise BestandGeweigerd if it fails.

    A refused file leaves no trace in the database (it is reported in the security log
    by the caller). The file name is cleaned as every text (kern.text): it is shown in
    lists and in the change reason of every location the import writes.
    """
    bestandsnaam = without_control_characters(bestandsnaam)
    # Read before the check: a write during it makes the confirmation check again.
    versie = _versie(gemeente, provincie, user)
    plan = plan_maken(
        bestand=bestand,
        bestandsnaam=bestandsnaam,
        user=user,
        gemeente=gemeente,
        provincie=provincie,
        cyclus=cyclus,
    )
    record = UitvraagImport(
        bestandsnaam=bestandsnaam[:255],
        sha256=hashlib.sha256(bestand).hexdigest(),
        bestand=bestand,
        gemeente=gemeente,
        provincie=provincie,
        cyclus=cyclus,
        opgave_grondslag=opgave_grondslag if plan.opgaven else "",
        bron=(bron or bestandsnaam)[:300] if plan.opgaven else "",
        voorbeeld=samenvatting(plan),
        wijzigingen=schrijven.als_json(schrijven.van_plan(plan)),
        dataversie=versie,
        geupload_door=user,
    )
    attribute_to(record, user)
    record.save()
    return record


def uitvraagimport_verwerken(*, record, user):
    """Re-check the stored file and write it in one transaction; return the record.

    The record is locked and its status re-checked first, so of two confirmations at the
    same moment one processes the file and the other gets AL_VERWERKT, leaving the
    record as the first left it. Raise BestandGeweigerd if the file no longer validates,
    ImportVerouderd if anything differs from the preview the user confirmed (someone
    changed a location meanwhile); the record is then afgewezen with the reason.
    """
    with transaction.atomic():
        huidig = UitvraagImport.objects.select_for_update().get(pk=record.pk)
        if huidig.status != UitvraagImport.Status.PREVIEW:
            verwerkt = huidig.status == UitvraagImport.Status.VERWERKT
            raise ImportVerouderd(AL_VERWERKT if verwerkt else NIET_MEER_GELDIG)
        try:
            with transaction.atomic():
                _verwerk(huidig, user)
        except (BestandGeweigerd, ImportVerouderd, services.VersieConflict) as exc:
            fout = exc
            _afwijzen(huidig, user, _melding(exc))
        else:
            fout = None
    if isinstance(fout, services.VersieConflict):
        raise ImportVerouderd(_melding(fout)) from fout
    if fout is not None:
        raise fout
    return huidig


def _afwijzen(record, user, melding):
    record.status = UitvraagImport.Status.AFGEWEZEN
    record.melding = melding
    attribute_to(record, user)
    record.save()


def _verwerk(record, user):
    bestand = bytes(record.bestand)
    if hashlib.sha256(bestand).hexdigest() != record.sha256:
        raise ImportVerouderd(VEROUDERD.format(wat="bestand"))
    wijzigingen = _bewaarde_wijzigingen(record, user) or _opnieuw_gecontroleerd(
        record, user, bestand
    )
    _write_locaties(wijzigingen, record, user)
    _write_opgaven(wijzigingen, record, user)
    record.status = UitvraagImport.Status.VERWERKT
    record.toegevoegd = len(wijzigingen.nieuw)
    record.gewijzigd = len(wijzigingen.gewijzigd)
    record.opgaven = len(wijzigingen.opgaven)
    record.verwerkt_op = timezone.now()
    attribute_to(record, user)
    record.save()


def _bewaarde_wijzigingen(record, user):
    """Return the writes checked for the preview if nothing changed since, else None.

    Nothing changed when the province's data version is the one read before the check;
    the user who saw the preview must be the one confirming it (scope is per user).
    """
    if not record.dataversie or record.geupload_door_id != user.pk:
        return None
    if _versie(record.gemeente, record.provincie, user) != record.dataversie:
        return None
    return schrijven.uit_json(record.wijzigingen)


def _versie(gemeente, provincie, user):
    """Return the data version of the province the import is for ('' if none is known)."""
    if provincie is None:
        gemeente = gemeente or user.gemeente
        provincie_id = gemeente.provincie_id if gemeente else user.provincie_id
    else:
        provincie_id = provincie.pk
    return dataversie(provincie_id) if provincie_id else ""


def _opnieuw_gecontroleerd(record, user, bestand):
    """Check the file again; raise ImportVerouderd if its preview is no longer the same."""
    plan = plan_maken(
        bestand=bestand,
        bestandsnaam=record.bestandsnaam,
        user=user,
        gemeente=record.gemeente,
        provincie=record.provincie,
        cyclus=record.cyclus,
    )
    voorbeeld = samenvatting(plan)
    if voorbeeld != record.voorbeeld:
        wat = wat_veranderde(record.voorbeeld, voorbeeld)
        raise ImportVerouderd(VEROUDERD.format(wat=wat))
    return schrijven.van_plan(plan)


def _melding(exc):
    """Return why the import was refused, as recorded on it."""
    if isinstance(exc, BestandGeweigerd):
        return exc.fouten[0].melding
    if isinstance(exc, services.VersieConflict):
        return VEROUDERD.format(wat=f"‘{exc.huidig.naam}’")
    return str(exc)


def _write_locaties(wijzigingen, record, user):
    """Write the new and changed locations in bulk, each with its history record.

    The rows were checked for the preview (and again if anything changed since). The
    changed ones are locked in one query and their version checked, as
    services.locatie_wijzigen does for one; a newer version is a VersieConflict.
    """
    nieuw = [Locatie(gemeente=n.gemeente, **n.data) for n in wijzigingen.nieuw]
    if nieuw:
        bulk_create_met_historie(nieuw, Locatie, user=user, reden=record.reden)
    if wijzigingen.gewijzigd:
        _update_locaties(wijzigingen.gewijzigd, record, user)


def _update_locaties(gewijzigd, record, user):
    huidig = Locatie.objects.select_for_update().in_bulk([g.locatie_id for g in gewijzigd])
    nu = timezone.now()
    for wijziging in gewijzigd:
        locatie = huidig.get(wijziging.locatie_id)
        if locatie is None:
            raise ImportVerouderd(VEROUDERD.format(wat="een locatie is verwijderd"))
        if locatie.versie != wijziging.versie:
            raise services.VersieConflict(locatie, [])
        for veld in VELDNAMEN:
            setattr(locatie, veld, wijziging.data[veld])
        locatie.versie += 1
        locatie.gewijzigd_op = nu  # auto_now is not applied by a bulk update
    velden = [*VELDNAMEN, "versie", "gewijzigd_op"]
    bulk_update_met_historie(list(huidig.values()), Locatie, velden, user=user, reden=record.reden)


def _write_opgaven(wijzigingen, record, user):
    vandaag = timezone.localdate()
    for opgave in wijzigingen.opgaven:
        services.opgave_vastleggen(
            gemeente=opgave.gemeente,
            cyclus=record.cyclus,
            grondslag=record.opgave_grondslag,
            plekken=opgave.plekken,
            amv_plekken=opgave.amv_plekken,
            bron=record.bron,
            datum=vandaag,
            user=user,
        )
