"""Writes of the meldingen app: notifications made per event, settings, reading them.

Events reach this app by the signals of the apps below (opvang.signals,
rapportage.signals), connected in MeldingenConfig.ready(); each is sent after its
transaction committed. Every notification has an idempotency key, unique in the
database, so the same event, recipient and moment make one notification, however
often a signal arrives or the scheduler runs, and however many run at once.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from kern.audit import attribute_to
from kern.formatting import long_date
from opvang.constants import IndieningStatus

from . import ontvangers
from .constants import HERINNERING_SOORTEN, MailStatus, MeldingSoort
from .mail import renderen
from .models import HerinneringInstelling, Melding, MeldingVoorkeur
from .tasks import inplannen

GEEN_EMAIL = "Geen e-mailadres bekend."
HERINNERINGEN_UIT = "De gebruiker heeft herinneringen per e-mail uitgezet."
DAGEN_ONGELDIG = "Vul hele dagen tussen 1 en 90 in, gescheiden door komma's, bijvoorbeeld ‘7, 2’."
TE_VEEL_DAGEN = "Geef hoogstens vijf herinneringen op."
UITVRAAG_GESLOTEN = "Deze uitvraag is gesloten; herinneringen worden niet meer verstuurd."
MAX_HERINNERINGEN = 5


def herinneringen_aan(user):
    """Return whether the user receives reminders by mail (on unless switched off)."""
    voorkeur = MeldingVoorkeur.objects.filter(gebruiker=user).first()
    return voorkeur is None or voorkeur.herinneringen


def _mail_status(ontvanger, soort):
    """Return (status, reason) of a new notification's mail."""
    if not ontvanger.email:
        return MailStatus.OVERGESLAGEN, GEEN_EMAIL
    if soort in HERINNERING_SOORTEN and not herinneringen_aan(ontvanger):
        return MailStatus.OVERGESLAGEN, HERINNERINGEN_UIT
    return MailStatus.WACHTRIJ, ""


def melding_maken(*, ontvanger, soort, sleutel, link, context, samenvatting="", **bron):
    """Make one notification and queue its mail; return it, or None if it existed.

    bron: the uitvraag, indiening or documentversie it is about.
    """
    if Melding.objects.filter(sleutel=sleutel).exists():
        return None
    onderwerp, tekst, html = renderen(soort, {**context, "ontvanger": ontvanger, "link": link})
    status, fout = _mail_status(ontvanger, soort)
    melding = Melding(
        ontvanger=ontvanger,
        soort=soort,
        sleutel=sleutel,
        link=link,
        onderwerp=onderwerp,
        samenvatting=samenvatting[:500],
        tekst=tekst,
        html=html,
        mail_status=status,
        fout=fout,
        in_wachtrij_op=timezone.now() if status == MailStatus.WACHTRIJ else None,
        **bron,
    )
    try:
        with transaction.atomic():
            melding.save()
            if status == MailStatus.WACHTRIJ:
                inplannen(melding)
    except IntegrityError:
        return None  # made at the same moment by another run: that one counts
    return melding


def _voor_elk(ontvangers, *, sleutel, **velden):
    """Make the notification for each recipient; return the ones made now.

    sleutel: the event's idempotency key, made per recipient by adding the user.
    """
    return [
        melding
        for user in ontvangers
        if (melding := melding_maken(ontvanger=user, sleutel=f"{sleutel}:g{user.pk}", **velden))
    ]


def uitvraag_geopend_melden(uitvraag):
    """Tell every gemeente user of the province that an uitvraag opened."""
    link = reverse("opvang:uitvraag_detail", args=[uitvraag.pk])
    context = {"uitvraag": uitvraag}
    samenvatting = f"Deadline {long_date(uitvraag.deadline)}."
    return _voor_elk(
        ontvangers.gemeente_gebruikers_van_provincie(uitvraag.provincie),
        soort=MeldingSoort.GEOPEND,
        sleutel=f"geopend:u{uitvraag.pk}",
        link=link,
        context=context,
        samenvatting=samenvatting,
        uitvraag=uitvraag,
    )


def beoordeling_melden(indiening):
    """Tell the users of the submission's own gemeente that it was returned or accepted."""
    akkoord = indiening.status == IndieningStatus.AKKOORD
    soort = MeldingSoort.GEACCEPTEERD if akkoord else MeldingSoort.TERUGGESTUURD
    link = reverse("opvang:indiening_detail", args=[indiening.pk])
    context = {"indiening": indiening, "uitvraag": indiening.uitvraag}
    return _voor_elk(
        ontvangers.gebruikers_van_gemeente(indiening.gemeente),
        soort=soort,
        sleutel=f"{soort}:i{indiening.pk}",
        link=link,
        context=context,
        samenvatting=indiening.opmerking,
        uitvraag=indiening.uitvraag,
        indiening=indiening,
    )


def vaststelling_melden(documentversie):
    """Tell the province's PRT and cvdK that a verslag or plan was vastgesteld."""
    link = reverse("rapportage:document_download", args=[documentversie.pk])
    naam = "provinciaal plan" if documentversie.document == "plan" else "provinciaal verslag"
    context = {"document": documentversie, "document_naam": naam}
    return _voor_elk(
        ontvangers.provinciale_gebruikers(documentversie.provincie),
        soort=MeldingSoort.VASTGESTELD,
        sleutel=f"vastgesteld:d{documentversie.pk}",
        link=link,
        context=context,
        samenvatting=f"Kenmerk {documentversie.kenmerk}.",
        documentversie=documentversie,
    )


def herinnering_dagen(uitvraag):
    """Return the uitvraag's reminder days, largest first (defaults from settings)."""
    instelling = HerinneringInstelling.objects.filter(uitvraag=uitvraag).first()
    dagen = instelling.dagen if instelling else settings.HERINNERING_DAGEN
    return sorted(set(dagen), reverse=True)


def lees_dagen(tekst):
    """Return the days in '7, 2' as a list, largest first; ValidationError in Dutch."""
    delen = [d.strip() for d in str(tekst).replace(";", ",").split(",") if d.strip()]
    if not all(d.isdigit() and 1 <= int(d) <= 90 for d in delen):
        raise ValidationError(DAGEN_ONGELDIG)
    dagen = sorted({int(d) for d in delen}, reverse=True)
    if len(dagen) > MAX_HERINNERINGEN:
        raise ValidationError(TE_VEEL_DAGEN)
    return dagen


def herinneringen_instellen(*, uitvraag, dagen, user):
    """Record the uitvraag's reminder days (locked, so two saves at once both hold)."""
    with transaction.atomic():
        if not type(uitvraag).objects.select_for_update().get(pk=uitvraag.pk).is_open:
            raise ValidationError(UITVRAAG_GESLOTEN)
        instelling = HerinneringInstelling.objects.select_for_update().filter(
            uitvraag=uitvraag
        ).first() or HerinneringInstelling(uitvraag=uitvraag)
        instelling.dagen = sorted(set(dagen), reverse=True)
        attribute_to(instelling, user)
        instelling.save()
    return instelling


def voorkeur_wijzigen(*, user, herinneringen):
    """Record whether the user receives reminders by mail."""
    with transaction.atomic():
        # The user's row is locked: two first saves at once would otherwise both insert.
        get_user_model().objects.select_for_update().get(pk=user.pk)
        voorkeur = MeldingVoorkeur.objects.filter(gebruiker=user).first() or MeldingVoorkeur(
            gebruiker=user
        )
        if voorkeur.pk and voorkeur.herinneringen == herinneringen:
            return voorkeur
        voorkeur.herinneringen = herinneringen
        attribute_to(voorkeur, user)
        voorkeur.save()
    return voorkeur


def melding_gelezen(*, melding, user):
    """Mark the user's own notification read; reading it twice keeps the first moment."""
    with transaction.atomic():
        huidig = Melding.objects.for_user(user).select_for_update().get(pk=melding.pk)
        if huidig.gelezen_op is None:
            huidig.gelezen_op = timezone.now()
            huidig.save(update_fields=["gelezen_op"])
    return huidig
