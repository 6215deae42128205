"""The whole chain with the file backend, as the demo runs it (issue 16's 'done when').

open → reminder → submit → return → resubmit → accept → vaststellen: every mail lands
in EMAIL_FILE_PATH; the test reads the files back and prints subject and recipients
(`pytest -s tests/meldingen/test_keten.py`).
"""

import email
from datetime import timedelta
from email import policy

import pytest
from django.utils import timezone

from meldingen.herinneringen import herinneringen_versturen
from meldingen.models import Melding
from opvang import services as opvang_services
from rapportage import services as rapportage_services

pytestmark = pytest.mark.django_db


def gelezen_mails(map):
    """Return the mails in the backend's folder.

    Not necessarily in the order they were sent: a file name is a second and an object
    id, so a later connection can append to an earlier file; the order is checked on
    the notifications (one per mail, numbered as they were made).
    """
    berichten = []
    for pad in sorted(map.iterdir()):
        # The file backend writes each mail and a line of 79 dashes; two connections of
        # one second can share a file name, and then a file.
        for deel in pad.read_bytes().split(b"-" * 79 + b"\n"):
            if deel.strip():
                berichten.append(email.message_from_bytes(deel, policy=policy.default))
    return berichten


def test_the_chain_from_opening_to_vaststelling_mails_the_right_people(
    settings, tmp_path, na_commit, monkeypatch, prt_user, cvdk_user, cyclus, gemeente_user,
    andere_gemeente_user, vreemde_prt_user,
):  # fmt: skip
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    monkeypatch.setattr(rapportage_services, "document_pdf", lambda context: b"%PDF-1.7 test")
    deadline = timezone.localdate() + timedelta(days=10)
    uitvraag = na_commit(
        opvang_services.uitvraag_openen, provincie=prt_user.provincie, cyclus=cyclus,
        deadline=deadline, bericht="Graag de locaties bijwerken.", user=prt_user,
    )  # fmt: skip
    na_commit(herinneringen_versturen, vandaag=deadline - timedelta(days=7))
    indiening, _ = na_commit(
        opvang_services.indiening_indienen,
        uitvraag=uitvraag, gemeente=gemeente_user.gemeente, user=gemeente_user,
    )  # fmt: skip
    na_commit(
        opvang_services.indiening_beoordelen, indiening=indiening, akkoord=False,
        opmerking="De AMV-plekken van locatie De Haven ontbreken.", user=prt_user,
    )  # fmt: skip
    indiening, _ = na_commit(
        opvang_services.indiening_indienen,
        uitvraag=uitvraag, gemeente=gemeente_user.gemeente, user=gemeente_user,
    )  # fmt: skip
    na_commit(
        opvang_services.indiening_beoordelen, indiening=indiening, akkoord=True, opmerking="",
        user=prt_user,
    )  # fmt: skip
    na_commit(herinneringen_versturen, vandaag=deadline - timedelta(days=2))
    na_commit(
        rapportage_services.document_vaststellen, provincie=cvdk_user.provincie, cyclus=cyclus,
        document="verslag", kenmerk="D/26/16", knelpunten="", vervolg="",
        peildatum=timezone.localdate(), bron="akkoord", user=cvdk_user,
    )  # fmt: skip
    mails = [(m["To"], m["Subject"].strip()) for m in gelezen_mails(tmp_path)]
    for aan, onderwerp in mails:
        print(f"{aan:24} {onderwerp}")
    verwacht = [
        ("ambtenaar@example.nl", "Uitvraag cyclus 1 geopend"),
        ("buurman@example.nl", "Uitvraag cyclus 1 geopend"),
        ("ambtenaar@example.nl", "Herinnering: uitvraag cyclus 1 sluit over 7 dagen"),
        ("buurman@example.nl", "Herinnering: uitvraag cyclus 1 sluit over 7 dagen"),
        ("ambtenaar@example.nl", "Indiening van Utrecht teruggestuurd: graag aanpassen"),
        ("ambtenaar@example.nl", "Indiening van Utrecht geaccepteerd"),
        ("buurman@example.nl", "Herinnering: uitvraag cyclus 1 sluit over 2 dagen"),
        ("prt@example.nl", "Provinciaal verslag Utrecht vastgesteld (D/26/16)"),
        ("cvdk@example.nl", "Provinciaal verslag Utrecht vastgesteld (D/26/16)"),
    ]
    assert begint_met(sorted(mails), sorted(verwacht))
    volgorde = [(m.ontvanger.email, m.onderwerp) for m in Melding.objects.order_by("id")]
    assert begint_met(volgorde, verwacht)


def begint_met(paren, verwacht):
    """Return whether each (to, subject) pair matches its expected pair (subject prefix)."""
    return len(paren) == len(verwacht) and all(
        aan == verwacht_aan and onderwerp.startswith(begin)
        for (aan, onderwerp), (verwacht_aan, begin) in zip(paren, verwacht, strict=True)
    )
