"""The background task that mails one notification (django-tasks, as rapportage.tasks).

A notification is claimed before it is sent: its row is locked, its status checked and
set to 'bezig', and that is committed before the SMTP conversation starts. A second
worker (or the same task delivered twice) then finds it claimed and sends nothing, so
a mail goes out at most once, and no lock is held while the mail server answers.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .constants import MailStatus
from .mail import MAX_POGINGEN, WACHTTIJDEN_MINUTEN, bericht, is_tijdelijk, reden
from .models import Melding

logger = logging.getLogger(__name__)


@task()
def melding_versturen(melding_id: int) -> str:
    """Send the mail of a queued notification once; record sent, retry or failed."""
    melding = claimen(melding_id)
    if melding is None:
        return "niet verstuurd"  # already sent, being sent, failed or not yet due
    try:
        bericht(melding, provincie_code(melding)).send()
    except Exception as exc:  # recorded on the notification, never lost
        logger.warning("Melding %s niet verstuurd: %s", melding_id, exc)
        return mislukt(melding, exc)
    _zet(melding, mail_status=MailStatus.VERSTUURD, verstuurd_op=timezone.now(), fout="")
    return MailStatus.VERSTUURD


def claimen(melding_id):
    """Return the notification, marked 'bezig', if it is queued and due; else None."""
    with transaction.atomic():
        melding = (
            Melding.objects.select_for_update()
            .select_related("ontvanger")
            .filter(pk=melding_id)
            .first()
        )
        if melding is None or melding.mail_status != MailStatus.WACHTRIJ:
            return None
        if melding.volgende_poging and melding.volgende_poging > timezone.now():
            return None
        _zet(
            melding,
            mail_status=MailStatus.BEZIG,
            pogingen=melding.pogingen + 1,
            laatste_poging_op=timezone.now(),
        )
    return melding


def mislukt(melding, exc):
    """Record a failed attempt: queued again after a wait when temporary, else failed."""
    if not is_tijdelijk(exc) or melding.pogingen >= MAX_POGINGEN:
        _zet(melding, mail_status=MailStatus.MISLUKT, fout=reden(exc))
        return MailStatus.MISLUKT
    wacht = timedelta(minutes=WACHTTIJDEN_MINUTEN[melding.pogingen - 1])
    volgende = timezone.now() + wacht
    with transaction.atomic():
        _zet(melding, mail_status=MailStatus.WACHTRIJ, volgende_poging=volgende, fout=reden(exc))
        inplannen(melding, run_after=volgende)
    return MailStatus.WACHTRIJ


def inplannen(melding, run_after=None):
    """Hand the notification to the task queue once the current transaction commits.

    A backend that cannot defer (the immediate one) leaves a retry to `herinneringen`,
    which queues every notification whose next attempt is due.
    """
    if run_after is not None and not melding_versturen.get_backend().supports_defer:
        return
    taak = melding_versturen.using(run_after=run_after) if run_after else melding_versturen
    transaction.on_commit(lambda: taak.enqueue(melding.pk), robust=True)


def provincie_code(melding):
    """Return the code of the province the notification is about (for its Reply-To)."""
    for bron in (melding.uitvraag, melding.documentversie):
        if bron is not None:
            return bron.provincie.code
    if melding.indiening is not None:
        return melding.indiening.uitvraag.provincie.code
    return ""


def _zet(melding, **velden):
    for naam, waarde in velden.items():
        setattr(melding, naam, waarde)
    melding.save(update_fields=list(velden))
