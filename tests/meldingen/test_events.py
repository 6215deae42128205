"""Each event makes its notices for the right people only, in the app and by mail."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gemeenten.constants import Rol
from meldingen.constants import MailStatus, MeldingSoort
from meldingen.models import Melding
from opvang import services as opvang_services
from rapportage import services as rapportage_services
from tests.factories import UserFactory

from .conftest import ontvangers

pytestmark = pytest.mark.django_db


def test_opening_an_uitvraag_tells_every_active_gemeente_user_of_the_province(
    na_commit, prt_user, cyclus, gemeente_user, andere_gemeente_user, mailoutbox, settings
):
    settings.PRT_REPLY_TO = {"PV26": "prt@provincie-utrecht.example"}
    UserFactory(username="vertrokken", rol=Rol.GEMEENTE, gemeente=gemeente_user.gemeente,
                is_active=False)  # fmt: skip
    na_commit(
        opvang_services.uitvraag_openen,
        provincie=prt_user.provincie,
        cyclus=cyclus,
        deadline=date(2026, 12, 1),
        bericht="Let op de AMV-plekken.",
        user=prt_user,
    )
    assert ontvangers(mailoutbox) == ["ambtenaar@example.nl", "buurman@example.nl"]
    mail = mailoutbox[0]
    assert mail.subject == "Uitvraag cyclus 1 geopend: indienen vóór 1 december 2026"
    assert "Let op de AMV-plekken." in mail.body
    assert "dinsdag 1 december 2026" in mail.body
    assert mail.reply_to == ["prt@provincie-utrecht.example"]
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL
    html = mail.alternatives[0][0]
    assert '<html lang="nl">' in html and "http://testserver" not in html
    assert f"{settings.SITE_URL}/uitvragen/" in html
    assert Melding.objects.filter(soort=MeldingSoort.GEOPEND).count() == 2
    assert set(Melding.objects.values_list("mail_status", flat=True)) == {MailStatus.VERSTUURD}


def test_the_prts_message_is_escaped_in_html_and_kept_as_written_in_text(geopend, mailoutbox):
    mail = mailoutbox[0]
    assert "<b>alles</b>" in mail.body
    assert "&lt;b&gt;alles&lt;/b&gt;" in mail.alternatives[0][0]


def test_nobody_outside_the_province_hears_of_its_uitvraag(
    geopend, mailoutbox, vreemde_gemeente_user, vreemde_prt_user
):
    assert not Melding.objects.filter(ontvanger__in=[vreemde_gemeente_user, vreemde_prt_user])


def beoordelen(na_commit, indiening, prt_user, *, akkoord, opmerking=""):
    return na_commit(
        opvang_services.indiening_beoordelen,
        indiening=indiening,
        akkoord=akkoord,
        opmerking=opmerking,
        user=prt_user,
    )


def indienen(na_commit, uitvraag, user):
    indiening, _ = na_commit(
        opvang_services.indiening_indienen, uitvraag=uitvraag, gemeente=user.gemeente, user=user
    )
    return indiening


def test_a_returned_submission_tells_only_its_own_gemeentes_users_with_the_remark(
    geopend, na_commit, gemeente_user, collega, andere_gemeente_user, prt_user, mailoutbox
):
    indiening = indienen(na_commit, geopend, gemeente_user)
    mailoutbox.clear()
    beoordelen(na_commit, indiening, prt_user, akkoord=False, opmerking="Locatie X ontbreekt.")
    assert ontvangers(mailoutbox) == ["ambtenaar@example.nl", "collega@example.nl"]
    mail = mailoutbox[0]
    assert mail.subject == "Indiening van Utrecht teruggestuurd: graag aanpassen"
    assert "Locatie X ontbreekt." in mail.body
    assert f"/indieningen/{indiening.pk}/" in mail.body


def test_an_accepted_submission_tells_its_gemeente(
    geopend, na_commit, gemeente_user, prt_user, mailoutbox
):
    indiening = indienen(na_commit, geopend, gemeente_user)
    mailoutbox.clear()
    beoordelen(na_commit, indiening, prt_user, akkoord=True)
    assert [(m.subject, m.to) for m in mailoutbox] == [
        ("Indiening van Utrecht geaccepteerd", ["ambtenaar@example.nl"])
    ]


def test_a_refused_review_sends_nothing(geopend, na_commit, gemeente_user, prt_user, mailoutbox):
    indiening = indienen(na_commit, geopend, gemeente_user)
    mailoutbox.clear()
    with pytest.raises(ValidationError):
        beoordelen(na_commit, indiening, prt_user, akkoord=False, opmerking="")
    assert mailoutbox == []


@pytest.fixture
def snelle_pdf(monkeypatch):
    """Vaststellen without rendering a PDF (seconds each): the bytes do not matter here."""
    monkeypatch.setattr(rapportage_services, "document_pdf", lambda context: b"%PDF-1.7 test")


def vaststellen(na_commit, cvdk_user, cyclus, kenmerk="D/26/1"):
    return na_commit(
        rapportage_services.document_vaststellen,
        provincie=cvdk_user.provincie,
        cyclus=cyclus,
        document="verslag",
        kenmerk=kenmerk,
        knelpunten="",
        vervolg="",
        peildatum=date(2026, 12, 1),
        bron="akkoord",
        user=cvdk_user,
    )


def test_a_vaststelling_tells_the_provinces_prt_and_cvdk_only(
    na_commit, snelle_pdf, prt_user, cvdk_user, cyclus, gemeente_user, vreemde_prt_user,
    mailoutbox,
):  # fmt: skip
    vaststellen(na_commit, cvdk_user, cyclus)
    assert ontvangers(mailoutbox) == ["cvdk@example.nl", "prt@example.nl"]
    assert mailoutbox[0].subject == "Provinciaal verslag Utrecht vastgesteld (D/26/1)"


def test_a_gemeente_user_never_hears_of_another_gemeentes_submission(
    geopend, na_commit, snelle_pdf, gemeente_user, collega, andere_gemeente_user,
    vreemde_gemeente_user, prt_user, cvdk_user, cyclus, mailoutbox,
):  # fmt: skip
    """Across every event: open, submit, return, resubmit, accept, vaststellen."""
    eerste = indienen(na_commit, geopend, gemeente_user)
    beoordelen(na_commit, eerste, prt_user, akkoord=False, opmerking="Opmerking-voor-GM0344.")
    tweede = indienen(na_commit, geopend, gemeente_user)
    beoordelen(na_commit, tweede, prt_user, akkoord=True)
    buur = indienen(na_commit, geopend, andere_gemeente_user)
    beoordelen(na_commit, buur, prt_user, akkoord=False, opmerking="Opmerking-voor-GM0307.")
    vaststellen(na_commit, cvdk_user, cyclus)
    for mail in mailoutbox:
        melding = Melding.objects.get(ontvanger__email=mail.to[0], onderwerp=mail.subject)
        user = melding.ontvanger
        if user.rol != Rol.GEMEENTE:
            continue
        tekst = mail.body + mail.alternatives[0][0]
        andere = {"GM0344", "GM0307"} - {user.gemeente.code}
        assert not any(f"Opmerking-voor-{code}" in tekst for code in andere), mail.to
        assert melding.indiening is None or melding.indiening.gemeente == user.gemeente
    buurman_mails = [m.subject for m in mailoutbox if m.to == ["buurman@example.nl"]]
    assert buurman_mails == [
        "Uitvraag cyclus 1 geopend: indienen vóór 1 december 2026",
        "Indiening van Amersfoort teruggestuurd: graag aanpassen",
    ]
    assert not Melding.objects.filter(ontvanger=vreemde_gemeente_user).exists()
    assert not Melding.objects.filter(
        ontvanger__gemeente=andere_gemeente_user.gemeente,
        indiening__gemeente=gemeente_user.gemeente,
    ).exists()


def test_a_signal_that_arrives_twice_makes_one_notice(
    geopend, na_commit, gemeente_user, prt_user, mailoutbox
):
    from meldingen import services

    indiening = indienen(na_commit, geopend, gemeente_user)
    indiening = beoordelen(na_commit, indiening, prt_user, akkoord=True)
    mailoutbox.clear()
    assert na_commit(services.beoordeling_melden, indiening) == []
    assert mailoutbox == []


def test_a_user_without_an_email_address_gets_the_notice_in_the_app_only(
    na_commit, prt_user, cyclus, gemeente, mailoutbox
):
    user = UserFactory(username="zonder", rol=Rol.GEMEENTE, gemeente=gemeente, email="")
    na_commit(
        opvang_services.uitvraag_openen,
        provincie=prt_user.provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="",
        user=prt_user,
    )  # fmt: skip
    melding = Melding.objects.get(ontvanger=user)
    assert (melding.mail_status, melding.fout) == (
        MailStatus.OVERGESLAGEN,
        "Geen e-mailadres bekend.",
    )
    assert mailoutbox == []


def test_switching_reminders_off_does_not_stop_the_notice_of_a_return(
    geopend, na_commit, gemeente_user, prt_user, mailoutbox
):
    from meldingen import services

    services.voorkeur_wijzigen(user=gemeente_user, herinneringen=False)
    indiening = indienen(na_commit, geopend, gemeente_user)
    mailoutbox.clear()
    beoordelen(na_commit, indiening, prt_user, akkoord=False, opmerking="Aanvullen.")
    assert ontvangers(mailoutbox) == ["ambtenaar@example.nl"]


def test_a_failing_notification_never_breaks_or_undoes_the_write(
    na_commit, prt_user, cyclus, gemeente_user, monkeypatch, caplog
):
    from meldingen import services
    from opvang.models import Uitvraag

    def kapot(uitvraag):
        raise RuntimeError("mailserver kwijt")

    monkeypatch.setattr(services, "uitvraag_geopend_melden", kapot)
    uitvraag = na_commit(
        opvang_services.uitvraag_openen,
        provincie=prt_user.provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="",
        user=prt_user,
    )  # fmt: skip
    assert Uitvraag.objects.filter(pk=uitvraag.pk).exists()
    assert "mailserver kwijt" in caplog.text
