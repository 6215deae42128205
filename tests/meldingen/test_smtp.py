"""End to end against a real SMTP server in the test process (aiosmtpd).

The server refuses one address for good (550) and one for now (451), as a mail
server does for an unknown mailbox and for greylisting.
"""

import email
import socket
from datetime import date
from email import policy

import pytest
from aiosmtpd.controller import Controller

from gemeenten.constants import Rol
from meldingen.constants import MailStatus
from meldingen.models import Melding
from opvang import services as opvang_services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ONBEKEND = "onbekend@example.nl"
GREYLIST = "greylist@example.nl"


class Ontvanger:
    def __init__(self):
        self.berichten = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == ONBEKEND:
            return "550 5.1.1 Mailbox onbekend"
        if address == GREYLIST:
            return "451 4.7.1 Greylisted, probeer later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.berichten.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted"


def vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    ontvanger = Ontvanger()
    controller = Controller(ontvanger, hostname="127.0.0.1", port=vrije_poort())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER = False, ""
    settings.PRT_REPLY_TO = {"*": "PRT Utrecht <prt@provincie.example>"}
    yield ontvanger
    controller.stop()


def test_opening_an_uitvraag_delivers_its_notices_through_smtp(
    smtp_server, na_commit, prt_user, cyclus, gemeente, gemeente_user
):
    UserFactory(username="onbekend", rol=Rol.GEMEENTE, gemeente=gemeente, email=ONBEKEND)
    UserFactory(username="greylist", rol=Rol.GEMEENTE, gemeente=gemeente, email=GREYLIST)
    na_commit(
        opvang_services.uitvraag_openen,
        provincie=prt_user.provincie, cyclus=cyclus, deadline=date(2026, 12, 1),
        bericht="Graag bijwerken.", user=prt_user,
    )  # fmt: skip
    [(aan, inhoud)] = smtp_server.berichten
    assert aan == ["ambtenaar@example.nl"]
    bericht = email.message_from_bytes(inhoud, policy=policy.default)
    assert bericht["Subject"].strip() == "Uitvraag cyclus 1 geopend: indienen vóór 1 december 2026"
    assert bericht["Reply-To"] == "PRT Utrecht <prt@provincie.example>"
    assert bericht["Auto-Submitted"] == "auto-generated"
    assert bericht.get_content_type() == "multipart/alternative"
    assert "Graag bijwerken." in bericht.get_body(("plain",)).get_content()
    assert 'lang="nl"' in bericht.get_body(("html",)).get_content()
    statussen = {m.ontvanger.email: (m.mail_status, m.fout) for m in Melding.objects.all()}
    assert statussen == {
        "ambtenaar@example.nl": (MailStatus.VERSTUURD, ""),
        ONBEKEND: (
            MailStatus.MISLUKT,
            f"Geweigerd door de mailserver: {ONBEKEND}: SMTP 550 5.1.1 Mailbox onbekend",
        ),
        GREYLIST: (
            MailStatus.WACHTRIJ,
            f"Geweigerd door de mailserver: {GREYLIST}: SMTP 451 4.7.1 Greylisted, probeer later",
        ),
    }
