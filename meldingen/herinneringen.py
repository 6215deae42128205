"""Reminders and overdue notices (manage.py herinneringen), safe to run every hour.

For each open uitvraag, on a given day: the reminder of the latest reminder day that
has come (of the days the PRT set, e.g. 7 and 2 before the deadline), to the gemeente
users whose gemeente has not submitted; from the day after the deadline, one overdue
notice. Reminder days that had already passed when the uitvraag opened are skipped,
so an uitvraag opened five days before its deadline sends no '7 days' reminder beside
its opening notice. A day the scheduler did not run is made up for on its next run,
with one reminder, never a burst. The idempotency key holds event, uitvraag, user and
reminder day, so running it twice (or twice at once) sends each notice once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kern.formatting import long_date
from opvang.models import Uitvraag

from . import ontvangers
from .constants import MailStatus, MeldingSoort
from .models import Melding
from .services import herinnering_dagen, melding_maken
from .tasks import inplannen

# A queued mail whose task should have run this long ago is queued again (a task lost
# in a crash, or a retry the immediate backend could not defer); a mail 'bezig' this
# long was cut off mid-send, and is recorded as failed rather than sent twice.
OPNIEUW_NA = timedelta(minutes=15)
ONDERBROKEN_NA = timedelta(hours=1)
ONDERBROKEN = (
    "Het versturen is onderbroken; onbekend is of de mail is aangekomen, daarom is hij "
    "niet opnieuw verstuurd."
)


@dataclass
class Uitkomst:
    herinneringen: int = 0
    te_laat: int = 0
    opnieuw_ingepland: int = 0
    onderbroken: int = 0
    uitvragen: list = field(default_factory=list)


def herinnering_dag(uitvraag, vandaag, dagen):
    """Return the reminder day (days before the deadline) due on vandaag, or None."""
    geopend = timezone.localdate(uitvraag.geopend_op)
    gekomen = [
        n
        for n in dagen
        if geopend <= uitvraag.deadline - timedelta(days=n) <= vandaag <= uitvraag.deadline
    ]
    return min(gekomen) if gekomen else None


def _herinneren(uitvraag, soort, sleutel_deel, context):
    link = reverse("opvang:uitvraag_detail", args=[uitvraag.pk])
    samenvatting = f"Deadline {long_date(uitvraag.deadline)}."
    gemaakt = 0
    for user in ontvangers.nog_niet_ingediend(uitvraag):
        melding = melding_maken(
            ontvanger=user,
            soort=soort,
            sleutel=f"{soort}:u{uitvraag.pk}:g{user.pk}:{sleutel_deel}",
            link=link,
            context={"uitvraag": uitvraag, **context},
            samenvatting=samenvatting,
            uitvraag=uitvraag,
        )
        gemaakt += melding is not None
    return gemaakt


def herinneringen_versturen(*, vandaag=None, nu=None):
    """Make the reminders and overdue notices due on vandaag; queue lost mails again."""
    vandaag = vandaag or timezone.localdate()
    uitkomst = Uitkomst()
    for uitvraag in Uitvraag.objects.open().select_related("provincie", "cyclus"):
        dag = herinnering_dag(uitvraag, vandaag, herinnering_dagen(uitvraag))
        if dag is not None:
            over = (uitvraag.deadline - vandaag).days
            context = {"dagen_over": over}
            uitkomst.herinneringen += _herinneren(
                uitvraag, MeldingSoort.HERINNERING, f"d{dag}", context
            )
        if vandaag > uitvraag.deadline:
            uitkomst.te_laat += _herinneren(uitvraag, MeldingSoort.TE_LAAT, "na", {})
        uitkomst.uitvragen.append(uitvraag)
    _opruimen(uitkomst, nu or timezone.now())
    return uitkomst


def _opruimen(uitkomst, nu):
    for melding in Melding.objects.te_versturen(nu=nu, marge=OPNIEUW_NA):
        inplannen(melding)
        uitkomst.opnieuw_ingepland += 1
    vastgelopen = Melding.objects.filter(
        mail_status=MailStatus.BEZIG, laatste_poging_op__lte=nu - ONDERBROKEN_NA
    )
    for melding in vastgelopen:
        melding.mail_status, melding.fout = MailStatus.MISLUKT, ONDERBROKEN
        melding.save(update_fields=["mail_status", "fout"])
        uitkomst.onderbroken += 1
