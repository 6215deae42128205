"""Reads of the meldingen app: a user's list, and what was sent about an uitvraag."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncDate

from .constants import MailStatus, MeldingSoort
from .models import Melding

MAX_IN_LIJST = 200


def eigen_meldingen(user):
    """Return the user's latest notifications, newest first."""
    return list(Melding.objects.for_user(user)[:MAX_IN_LIJST])


@dataclass(frozen=True)
class Verzonden:
    """What was sent of one kind about an uitvraag: 'herinnering verstuurd op …'."""

    soort: str
    dag: object
    label: str
    aantal: int
    verstuurd: int
    mislukt: int
    eerste: object
    laatste: object


def verzonden_per_soort(uitvraag, user):
    """Return per day and kind of notification how many were made, sent and failed, and when.

    A reminder day is one row: 'Herinnering: verstuurd op 24 november 2026 aan 12'.
    """
    rijen = (
        Melding.objects.van_uitvraag(uitvraag, user)
        .values("soort", dag=TruncDate("aangemaakt_op"))
        .annotate(
            aantal=Count("id"),
            verstuurd=Count("id", filter=Q(mail_status=MailStatus.VERSTUURD)),
            mislukt=Count("id", filter=Q(mail_status=MailStatus.MISLUKT)),
            eerste=Min("verstuurd_op"),
            laatste=Max("verstuurd_op"),
        )
        .order_by("dag", "soort")
    )
    labels = dict(MeldingSoort.choices)
    return [Verzonden(label=labels[r["soort"]], **r) for r in rijen]


def meldingen_van_uitvraag(uitvraag, user):
    """Return every notification about the uitvraag, with recipient and gemeente."""
    return list(
        Melding.objects.van_uitvraag(uitvraag, user)
        .select_related("ontvanger__gemeente", "indiening__gemeente")
        .order_by("-aangemaakt_op", "-id")[:MAX_IN_LIJST]
    )
