"""Reminders and overdue notices: once each, to gemeenten that have not submitted."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from kern.formatting import long_date
from meldingen import services
from meldingen.constants import MailStatus, MeldingSoort
from meldingen.herinneringen import herinnering_dag, herinneringen_versturen
from meldingen.models import HerinneringInstelling, Melding
from opvang import services as opvang_services
from tests.parallel import in_parallel

from .conftest import DEADLINE, ontvangers

pytestmark = pytest.mark.django_db


class Uitvraag:
    def __init__(self, geopend, deadline=DEADLINE):
        from datetime import datetime, time

        from django.utils import timezone

        self.geopend_op = timezone.make_aware(datetime.combine(geopend, time(9)))
        self.deadline = deadline


@pytest.mark.parametrize(
    ("vandaag", "dag"),
    [
        (date(2026, 11, 23), None),  # 8 days before
        (date(2026, 11, 24), 7),
        (date(2026, 11, 28), 7),  # a missed day is made up for, with the same reminder
        (date(2026, 11, 29), 2),
        (date(2026, 12, 1), 2),  # the deadline itself
        (date(2026, 12, 2), None),  # after it: the overdue notice instead
    ],
)
def test_the_reminder_due_is_that_of_the_latest_reminder_day_that_came(vandaag, dag):
    assert herinnering_dag(Uitvraag(date(2026, 11, 1)), vandaag, [7, 2]) == dag


def test_reminder_days_before_the_opening_are_skipped():
    uitvraag = Uitvraag(date(2026, 11, 26))  # five days before the deadline
    assert herinnering_dag(uitvraag, date(2026, 11, 26), [7, 2]) is None
    assert herinnering_dag(uitvraag, date(2026, 11, 29), [7, 2]) == 2


@pytest.fixture
def deadline():
    """A deadline ten days from today: the uitvraag opens today, its reminders come later."""
    return timezone.localdate() + timedelta(days=10)


def dag(deadline, dagen_ervoor):
    return deadline - timedelta(days=dagen_ervoor)


@pytest.fixture
def uitvraag(na_commit, prt_user, cyclus, gemeente_user, andere_gemeente_user, deadline,
             mailoutbox):  # fmt: skip
    uitvraag = opvang_services.uitvraag_openen(
        provincie=prt_user.provincie, cyclus=cyclus, deadline=deadline, bericht="", user=prt_user
    )
    return uitvraag


def test_running_herinneringen_twice_sends_each_reminder_once(
    deadline, uitvraag, na_commit, mailoutbox
):
    for _ in range(2):
        datum = dag(deadline, 7).isoformat()
        na_commit(call_command, "herinneringen", "--datum", datum, stdout=StringIO())
    assert ontvangers(mailoutbox) == ["ambtenaar@example.nl", "buurman@example.nl"]
    assert mailoutbox[0].subject == (
        f"Herinnering: uitvraag cyclus 1 sluit over 7 dagen ({long_date(deadline)})"
    )
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 2))
    assert len(mailoutbox) == 4
    assert "sluit over 2 dagen" in mailoutbox[-1].subject


def test_a_gemeente_that_submitted_gets_no_reminder_and_a_returned_one_does(
    deadline, uitvraag, na_commit, gemeente_user, andere_gemeente_user, prt_user, mailoutbox
):
    indiening, _ = opvang_services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente_user.gemeente, user=gemeente_user
    )
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 7))
    assert ontvangers(mailoutbox) == ["buurman@example.nl"]
    opvang_services.indiening_beoordelen(
        indiening=indiening, akkoord=False, opmerking="Aanvullen.", user=prt_user
    )
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 2))
    assert ontvangers(mailoutbox) == [
        "ambtenaar@example.nl", "buurman@example.nl", "buurman@example.nl"
    ]  # fmt: skip


def test_the_day_after_the_deadline_an_overdue_notice_goes_out_once(
    deadline, uitvraag, na_commit, mailoutbox
):
    na_commit(herinneringen_versturen, vandaag=dag(deadline, -1))
    na_commit(herinneringen_versturen, vandaag=dag(deadline, -2))
    assert [m.subject for m in mailoutbox] == [
        f"Deadline verstreken: uitvraag cyclus 1 ({long_date(deadline)})"
    ] * 2
    assert Melding.objects.filter(soort=MeldingSoort.TE_LAAT).count() == 2


def test_a_closed_uitvraag_sends_no_reminders(deadline, uitvraag, na_commit, prt_user, mailoutbox):
    opvang_services.uitvraag_sluiten(uitvraag=uitvraag, user=prt_user)
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 7))
    assert mailoutbox == []


def test_a_user_who_switched_reminders_off_sees_them_in_the_app_only(
    deadline, uitvraag, na_commit, gemeente_user, mailoutbox
):
    services.voorkeur_wijzigen(user=gemeente_user, herinneringen=False)
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 7))
    assert ontvangers(mailoutbox) == ["buurman@example.nl"]
    melding = Melding.objects.get(ontvanger=gemeente_user, soort=MeldingSoort.HERINNERING)
    assert melding.mail_status == MailStatus.OVERGESLAGEN
    assert melding.fout == services.HERINNERINGEN_UIT


def test_the_prts_reminder_days_replace_the_defaults(
    deadline, uitvraag, na_commit, prt_user, mailoutbox
):
    services.herinneringen_instellen(uitvraag=uitvraag, dagen=[10], user=prt_user)
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 7))
    assert "sluit over 7 dagen" in mailoutbox[0].subject  # the 10-day one (opening day)
    assert Melding.objects.filter(sleutel__endswith=":d10").count() == 2
    na_commit(herinneringen_versturen, vandaag=dag(deadline, 2))
    assert len(mailoutbox) == 2  # 2 days is no reminder day any more
    record = HerinneringInstelling.history.get()
    assert (record.history_user, record.dagen) == (prt_user, [10])


@pytest.mark.parametrize(
    ("tekst", "dagen"), [("7, 2", [7, 2]), ("2;7;7", [7, 2]), ("", []), (" 14 ", [14])]
)
def test_reminder_days_are_read_the_dutch_way(tekst, dagen):
    assert services.lees_dagen(tekst) == dagen


@pytest.mark.parametrize("tekst", ["7 dagen", "0", "91", "-1", "1.5", "1,2,3,4,5,6"])
def test_unreadable_reminder_days_are_refused_in_dutch(tekst):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.lees_dagen(tekst)
    assert exc.value.messages[0] in (services.DAGEN_ONGELDIG, services.TE_VEEL_DAGEN)


def test_the_command_refuses_an_unreadable_or_implausible_date(db):
    for datum in ("24-11-2026", "1850-01-01"):
        with pytest.raises(CommandError):
            call_command("herinneringen", "--datum", datum, stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_send_each_reminder_once(
    committed_db, prt_user, cyclus, gemeente_user, andere_gemeente_user, deadline, mailoutbox
):
    opvang_services.uitvraag_openen(
        provincie=prt_user.provincie, cyclus=cyclus, deadline=deadline, bericht="", user=prt_user
    )
    mailoutbox.clear()  # the opening notices, sent when the opening committed
    uitkomsten = in_parallel(
        lambda: herinneringen_versturen(vandaag=dag(deadline, 7)),
        lambda: herinneringen_versturen(vandaag=dag(deadline, 7)),
    )
    assert not [u for u in uitkomsten if isinstance(u, Exception)], uitkomsten
    assert sum(u.herinneringen for u in uitkomsten) == 2
    assert ontvangers(mailoutbox) == ["ambtenaar@example.nl", "buurman@example.nl"]
