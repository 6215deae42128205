"""Writes: GOO locations, bezetting, particuliere opvang and streefgetallen go here.

Every function validates first (full_clean and the checks across tables, with Dutch
messages: nothing is stored on bad input), saves objects one by one so that the audit
trail records them with the acting user (kern.audit.attribute_to), and locks the row
it checks against (SELECT ... FOR UPDATE; on SQLite the transaction takes the write
lock) so that two requests at the same moment cannot both pass a check.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from gemeenten.models import Gemeente, Regio
from kern.audit import attribute_to
from kern.formatting import short_date

from . import meldingen
from .models import Bezetting, GooLocatie, ParticuliereOpvang, Streefgetal

VELDNAMEN = (
    "naam",
    "soort",
    "status",
    "capaciteit",
    "beschikbaar_vanaf",
    "beschikbaar_tot",
    "toelichting",
)


class VersieConflict(Exception):
    """Someone else saved the location since the user opened it."""

    def __init__(self, huidig):
        super().__init__("De GOO-locatie is intussen door iemand anders gewijzigd.")
        self.huidig = huidig


def goo_locatie_aanmaken(*, gemeente, data, user, reden=None):
    locatie = GooLocatie(gemeente=gemeente, **{k: data[k] for k in VELDNAMEN if k in data})
    locatie.full_clean()
    attribute_to(locatie, user, reden)
    locatie.save()
    return locatie


def _past_bij_bezettingen(locatie):
    """Raise ValidationError if a registered bezetting no longer fits the location."""
    for b in locatie.bezettingen.order_by("peildatum"):
        if b.bezet > locatie.capaciteit:
            raise ValidationError(
                {
                    "capaciteit": meldingen.CAPACITEIT_ONDER_BEZETTING.format(
                        peildatum=short_date(b.peildatum), bezet=b.bezet
                    )
                }
            )
        if b.peildatum < locatie.beschikbaar_vanaf:
            datum = short_date(b.peildatum)
            raise ValidationError(
                {"beschikbaar_vanaf": meldingen.VANAF_NA_BEZETTING.format(peildatum=datum)}
            )
        if locatie.beschikbaar_tot and b.peildatum > locatie.beschikbaar_tot:
            datum = short_date(b.peildatum)
            raise ValidationError(
                {"beschikbaar_tot": meldingen.TOT_VOOR_BEZETTING.format(peildatum=datum)}
            )


def goo_locatie_wijzigen(*, locatie, versie, data, user, reden=None):
    """Save data on the location if nobody changed it since versie; else VersieConflict.

    The row is locked, so the version check, the check against the bezettingen and the
    save cannot interleave with another change or a new bezetting (bezetting_vastleggen
    locks the same row).
    """
    with transaction.atomic():
        huidig = GooLocatie.objects.select_for_update().get(pk=locatie.pk)
        if huidig.versie != versie:
            raise VersieConflict(huidig)
        for veld in VELDNAMEN:
            if veld in data:
                setattr(huidig, veld, data[veld])
        huidig.versie += 1
        huidig.full_clean()
        _past_bij_bezettingen(huidig)
        attribute_to(huidig, user, reden)
        huidig.save()
    return huidig


def bezetting_vastleggen(*, locatie, peildatum, bezet, user, reden=None):
    """Record the occupied beds on peildatum; a second figure for that date corrects it.

    The location is re-read under a lock: its capacity and dates may have changed since
    the form was shown. The correction's earlier value stays in the history.
    """
    with transaction.atomic():
        huidig = GooLocatie.objects.select_for_update().get(pk=locatie.pk)
        huidig.controleer_bezetting(peildatum, bezet)
        bezetting = Bezetting.objects.filter(locatie=huidig, peildatum=peildatum).first()
        if bezetting is None:
            bezetting = Bezetting(locatie=huidig, peildatum=peildatum)
        bezetting.bezet = bezet
        bezetting.full_clean()
        attribute_to(bezetting, user, reden or ("Correctie" if bezetting.pk else None))
        bezetting.save()
    return bezetting


def particuliere_opvang_vastleggen(*, gemeente, peildatum, aantal, bron, user):
    """Record the persons in particuliere opvang on peildatum (None: onbekend).

    The gemeente's row is locked, so two entries for one date become a first figure
    and its correction, never a duplicate.
    """
    if aantal is not None and aantal < 0:
        raise ValidationError({"aantal": meldingen.NEGATIEF})
    with transaction.atomic():
        Gemeente.objects.select_for_update().get(pk=gemeente.pk)
        record = ParticuliereOpvang.objects.filter(gemeente=gemeente, peildatum=peildatum).first()
        if record is None:
            record = ParticuliereOpvang(gemeente=gemeente, peildatum=peildatum)
        record.aantal, record.bron = aantal, bron
        record.full_clean()
        attribute_to(record, user)
        record.save()
    return record


def _doel(provincie, gemeente_code, regio_naam):
    """Return (gemeente, regio) in the province for the code or name; else ValidationError."""
    if bool(gemeente_code) == bool(regio_naam):
        raise ValidationError(meldingen.GEEN_DOEL)
    if gemeente_code:
        gemeente = Gemeente.objects.filter(provincie=provincie, code=gemeente_code).first()
        if gemeente is None:
            raise ValidationError(meldingen.ONBEKENDE_GEMEENTE.format(code=gemeente_code))
        return gemeente, None
    regio = Regio.objects.filter(provincie=provincie, naam__iexact=regio_naam.strip()).first()
    if regio is None:
        raise ValidationError(meldingen.ONBEKENDE_REGIO.format(naam=regio_naam))
    return None, regio


def streefgetal_vastleggen(
    *, provincie, aantal, bron, datum, user, gemeente_code="", regio_naam=""
):
    """Record a new version of a gemeente's or regio's streefgetal; earlier ones stay."""
    gemeente, regio = _doel(provincie, gemeente_code, regio_naam)
    if aantal is None or aantal < 0:
        raise ValidationError({"aantal": meldingen.NEGATIEF})
    streefgetal = Streefgetal(
        gemeente=gemeente, regio=regio, aantal=aantal, bron=bron, datum=datum, vastgelegd_door=user
    )
    streefgetal.full_clean()
    attribute_to(streefgetal, user)
    streefgetal.save()
    return streefgetal
