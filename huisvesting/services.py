"""Writes of the huisvesting app: counts, taakstellingen, balances, measures, IBT steps.

Each function validates first (a Dutch message, nothing stored), saves objects one by
one so that the audit trail records them with the acting user, and locks the gemeente's
row (SELECT … FOR UPDATE) before its re-check, so that two simultaneous requests cannot
both pass it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gemeenten.models import Gemeente
from kern.audit import attribute_to

from .access import may_add_ibt_step, may_enter
from .models import Halfjaar, IbtStap, Instelling, Maatregel, Realisatie, Startsaldo, Taakstelling

NEGATIEF = "Het aantal gehuisveste personen kan niet negatief zijn."
BUITEN_HALFJAAR = "De maand {maand} valt in geen enkel halfjaar van de taakstelling."
TOEKOMST = "De maand {maand} ligt in de toekomst; vul alleen verstreken of lopende maanden in."
DUBBEL = "Voor {maand} is al een aantal van bron ‘{bron}’ ingevoerd; er is niets opgeslagen."
ONBEKENDE_GEMEENTE = "Gemeentecode ‘{code}’ is onbekend."
ONBEKEND_HALFJAAR = "Halfjaar ‘{code}’ is onbekend (gebruik bijvoorbeeld 2025-H1)."
GEEN_IBT_RECHT = "Alleen de PRT of de cvdK van de provincie legt IBT-stappen vast."


def maand_label(maand):
    return f"{maand:%Y-%m}"


def realisatie_fout(*, maand, gehuisvest, halfjaren, vandaag=None):
    """Return the Dutch reason a monthly count is refused, or None (halfjaren: all)."""
    vandaag = vandaag or timezone.localdate()
    if gehuisvest is None or gehuisvest < 0:
        return NEGATIEF
    if maand > vandaag.replace(day=1):
        return TOEKOMST.format(maand=maand_label(maand))
    if not any(h.bevat(maand) for h in halfjaren):
        return BUITEN_HALFJAAR.format(maand=maand_label(maand))
    return None


def _lock(gemeente):
    return Gemeente.objects.select_for_update().get(pk=gemeente.pk)


def _store_realisatie(*, gemeente, maand, gehuisvest, bron, user):
    if Realisatie.objects.filter(gemeente=gemeente, maand=maand, bron=bron).exists():
        label = Realisatie(bron=bron).get_bron_display()
        raise ValidationError(DUBBEL.format(maand=maand_label(maand), bron=label))
    rij = Realisatie(
        gemeente=gemeente, maand=maand, gehuisvest=gehuisvest, bron=bron, aangemaakt_door=user
    )
    rij.full_clean(validate_unique=False)
    attribute_to(rij, user)
    rij.save()
    return rij


def realisatie_vastleggen(*, gemeente, maand, gehuisvest, bron, user, vandaag=None):
    """Record one month's count of one source; refuse bad input (ValidationError)."""
    maand = maand.replace(day=1)
    fout = realisatie_fout(
        maand=maand, gehuisvest=gehuisvest, halfjaren=Halfjaar.objects.all(), vandaag=vandaag
    )
    if fout:
        raise ValidationError(fout)
    with transaction.atomic():
        _lock(gemeente)
        return _store_realisatie(
            gemeente=gemeente, maand=maand, gehuisvest=gehuisvest, bron=bron, user=user
        )


def realisaties_importeren(*, rijen, user):
    """Record validated rows [(gemeente, maand, gehuisvest, bron)] all together or none.

    The caller validated each row (huisvesting.excel); under the gemeenten's row locks
    the duplicate check runs once more, so a count entered meanwhile refuses the whole
    import (the unique constraint is the last guard).
    """
    with transaction.atomic():
        ids = sorted({g.pk for g, *_ in rijen})
        list(Gemeente.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        bestaand = set(
            Realisatie.objects.filter(gemeente_id__in=ids).values_list(
                "gemeente_id", "maand", "bron"
            )
        )
        for gemeente, maand, gehuisvest, bron in rijen:
            if (gemeente.pk, maand, bron) in bestaand:
                label = Realisatie(bron=bron).get_bron_display()
                raise ValidationError(DUBBEL.format(maand=maand_label(maand), bron=label))
            rij = Realisatie(
                gemeente=gemeente, maand=maand, gehuisvest=gehuisvest, bron=bron,
                aangemaakt_door=user,
            )  # fmt: skip
            # The rows were validated; their gemeenten are locked above, so the foreign
            # keys need no query per row, and the unique constraint is the last guard.
            rij.full_clean(
                exclude=["gemeente", "aangemaakt_door"],
                validate_unique=False,
                validate_constraints=False,
            )
            attribute_to(rij, user)
            rij.save()
    return len(rijen)


def taakstelling_vastleggen(*, gemeente, halfjaar, personen, bron, datum, user, is_demo=False):
    """Record a new version of a gemeente's taakstelling; earlier versions stay."""
    rij = Taakstelling(
        gemeente=gemeente,
        halfjaar=halfjaar,
        personen=personen,
        bron=bron,
        datum=datum,
        is_demo=is_demo,
        aangemaakt_door=user,
    )
    rij.full_clean()
    attribute_to(rij, user)
    rij.save()
    return rij


def startsaldo_vastleggen(*, gemeente, halfjaar, saldo, bron, datum, user):
    """Record the start balance of a gemeente's first half year (beheer); versions stay."""
    rij = Startsaldo(
        gemeente=gemeente, halfjaar=halfjaar, saldo=saldo, bron=bron, datum=datum,
        aangemaakt_door=user,
    )  # fmt: skip
    rij.full_clean()
    attribute_to(rij, user)
    rij.save()
    return rij


def instelling_wijzigen(*, provincie, telbron, drempel_op_schema, drempel_enigszins_achter, user):
    """Set the province's counted source and thresholds (one row per province, locked)."""
    with transaction.atomic():
        instelling = Instelling.objects.select_for_update().filter(
            provincie=provincie
        ).first() or Instelling(provincie=provincie)
        instelling.telbron = telbron
        instelling.drempel_op_schema = drempel_op_schema
        instelling.drempel_enigszins_achter = drempel_enigszins_achter
        instelling.full_clean()
        attribute_to(instelling, user)
        instelling.save()
    return instelling


MAATREGEL_VELDEN = (
    "projectnaam",
    "soort",
    "woningen",
    "personen",
    "verwacht_op",
    "status",
    "toelichting",
)


def maatregel_opslaan(*, gemeente, data, user, maatregel=None):
    """Create a housing measure, or change one (its row locked); only the gemeente's own users."""
    if not may_enter(user, gemeente):
        raise PermissionDenied
    with transaction.atomic():
        if maatregel is None:
            rij = Maatregel(gemeente=gemeente, aangemaakt_door=user)
        else:
            rij = Maatregel.objects.select_for_update().get(pk=maatregel.pk, gemeente=gemeente)
        for veld in MAATREGEL_VELDEN:
            if veld in data:
                setattr(rij, veld, data[veld])
        rij.full_clean()
        attribute_to(rij, user)
        rij.save()
    return rij


def ibt_stap_vastleggen(*, gemeente, stap, datum, reden, user, notitie="", halfjaar=None):
    """Record one IBT step; never changed afterwards (a correction is a new step)."""
    if not may_add_ibt_step(user, gemeente):
        raise PermissionDenied(GEEN_IBT_RECHT)
    rij = IbtStap(
        gemeente=gemeente, halfjaar=halfjaar, stap=stap, datum=datum, reden=reden,
        notitie=notitie, gezet_door=user,
    )  # fmt: skip
    rij.full_clean()
    with transaction.atomic():
        _lock(gemeente)
        attribute_to(rij, user)
        rij.save()
    return rij
