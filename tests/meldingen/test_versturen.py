"""Delivery: at most once, a temporary SMTP failure retried with back-off, a 5xx failed."""

import smtplib
from datetime import timedelta

import pytest
from django.utils import timezone

from meldingen import tasks
from meldingen.constants import MailStatus, MeldingSoort
from meldingen.herinneringen import ONDERBROKEN, herinneringen_versturen
from meldingen.mail import MAX_POGINGEN
from meldingen.models import Melding
from meldingen.services import melding_maken
from tests.parallel import in_parallel

from . import backends

pytestmark = pytest.mark.django_db


@pytest.fixture
def storing(settings):
    settings.EMAIL_BACKEND = "tests.meldingen.backends.StoringBackend"
    backends.STORINGEN.clear()
    yield backends.STORINGEN
    backends.STORINGEN.clear()


def maken(user, uitvraag, sleutel="test:1"):
    return melding_maken(
        ontvanger=user,
        soort=MeldingSoort.GEOPEND,
        sleutel=sleutel,
        link=uitvraag.get_absolute_url(),
        context={"uitvraag": uitvraag},
        uitvraag=uitvraag,
    )


@pytest.fixture
def uitvraag(prt_user, cyclus):
    from opvang import services

    deadline = timezone.localdate() + timedelta(days=30)  # no reminder due today
    return services.uitvraag_openen(
        provincie=prt_user.provincie, cyclus=cyclus, deadline=deadline, bericht="",
        user=prt_user,
    )  # fmt: skip


def test_a_temporary_failure_is_retried_after_a_wait_and_then_sent(
    na_commit, storing, gemeente_user, uitvraag, mailoutbox
):
    storing.append(smtplib.SMTPResponseException(451, b"4.3.0 Probeer later opnieuw"))
    melding = na_commit(maken, gemeente_user, uitvraag)
    melding.refresh_from_db()
    assert (melding.mail_status, melding.pogingen) == (MailStatus.WACHTRIJ, 1)
    assert melding.fout == "SMTP 451: 4.3.0 Probeer later opnieuw"
    wacht = melding.volgende_poging - timezone.now()
    assert timedelta(seconds=50) < wacht <= timedelta(minutes=1)
    assert tasks.melding_versturen.call(melding.pk) == "niet verstuurd"  # not yet due
    assert mailoutbox == []
    # The immediate backend cannot defer: herinneringen queues it once it is due.
    # Twenty minutes later:
    Melding.objects.filter(pk=melding.pk).update(
        volgende_poging=timezone.now() - timedelta(minutes=19)
    )
    uitkomst = na_commit(herinneringen_versturen)
    assert uitkomst.opnieuw_ingepland == 1
    melding.refresh_from_db()
    assert (melding.mail_status, melding.pogingen, melding.fout) == (MailStatus.VERSTUURD, 2, "")
    assert len(mailoutbox) == 1


def test_a_lost_connection_counts_as_temporary(na_commit, storing, gemeente_user, uitvraag):
    storing.append(smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))
    melding = na_commit(maken, gemeente_user, uitvraag)
    melding.refresh_from_db()
    assert melding.mail_status == MailStatus.WACHTRIJ
    assert melding.fout.startswith("SMTPServerDisconnected")


def test_with_the_database_backend_a_retry_is_queued_with_run_after(
    na_commit, storing, gemeente_user, uitvraag, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    storing.append(ConnectionRefusedError(111, "Connection refused"))
    melding = na_commit(maken, gemeente_user, uitvraag)
    assert DBTaskResult.objects.count() == 1  # queued, not yet run
    assert na_commit(tasks.melding_versturen.call, melding.pk) == MailStatus.WACHTRIJ
    melding.refresh_from_db()
    retry = DBTaskResult.objects.get(run_after=melding.volgende_poging)
    assert retry.args_kwargs == {"args": [melding.pk], "kwargs": {}}


def test_a_permanent_failure_is_recorded_with_its_reason_and_not_retried(
    na_commit, storing, gemeente_user, uitvraag, mailoutbox
):
    storing.append(
        smtplib.SMTPRecipientsRefused({"ambtenaar@example.nl": (550, b"5.1.1 User unknown")})
    )
    melding = na_commit(maken, gemeente_user, uitvraag)
    melding.refresh_from_db()
    assert (melding.mail_status, melding.pogingen) == (MailStatus.MISLUKT, 1)
    assert melding.fout == (
        "Geweigerd door de mailserver: ambtenaar@example.nl: SMTP 550 5.1.1 User unknown"
    )
    assert tasks.melding_versturen.call(melding.pk) == "niet verstuurd"
    assert mailoutbox == []


def test_after_the_last_attempt_a_temporary_failure_counts_as_failed(
    na_commit, storing, gemeente_user, uitvraag
):
    storing.extend(smtplib.SMTPResponseException(421, b"busy") for _ in range(MAX_POGINGEN))
    melding = na_commit(maken, gemeente_user, uitvraag)
    for _ in range(MAX_POGINGEN - 1):
        Melding.objects.filter(pk=melding.pk).update(volgende_poging=timezone.now())
        tasks.melding_versturen.call(melding.pk)
    melding.refresh_from_db()
    assert (melding.mail_status, melding.pogingen) == (MailStatus.MISLUKT, MAX_POGINGEN)
    assert melding.fout == "SMTP 421: busy"


def test_a_mail_cut_off_mid_send_is_recorded_as_failed_not_sent_twice(
    na_commit, gemeente_user, uitvraag, mailoutbox
):
    melding = maken(gemeente_user, uitvraag)  # queued; its task never ran
    assert tasks.claimen(melding.pk) is not None  # a worker claimed it, then died
    later = timezone.now() + timedelta(hours=2)
    uitkomst = na_commit(herinneringen_versturen, nu=later)
    melding.refresh_from_db()
    assert (uitkomst.onderbroken, melding.mail_status, melding.fout) == (
        1, MailStatus.MISLUKT, ONDERBROKEN
    )  # fmt: skip
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_send_a_notification_once(committed_db, gemeente_user, uitvraag, mailoutbox):
    melding = maken(gemeente_user, uitvraag)  # committed; the immediate task ran already
    Melding.objects.filter(pk=melding.pk).update(
        mail_status=MailStatus.WACHTRIJ, verstuurd_op=None, pogingen=0
    )
    mailoutbox.clear()
    uitkomsten = in_parallel(
        lambda: tasks.melding_versturen.call(melding.pk),
        lambda: tasks.melding_versturen.call(melding.pk),
    )
    assert sorted(uitkomsten) == ["niet verstuurd", MailStatus.VERSTUURD]
    assert len(mailoutbox) == 1
    melding.refresh_from_db()
    assert (melding.mail_status, melding.pogingen) == (MailStatus.VERSTUURD, 1)
