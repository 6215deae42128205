"""The beheer screens speak Dutch, also for what django-otp and django-axes name."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from accounts.beheer_nl import recht_label

pytestmark = pytest.mark.django_db

PO = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_the_index_names_the_app_and_every_section_in_dutch(client, beheer_user, settings):
    settings.DEMO_MODE = True
    client.force_login(beheer_user)
    html = client.get(reverse("admin:index")).content.decode()
    for dutch in (
        "Opvangregister · beheer",
        "Demo-omgeving",
        "Tweestapsverificatie: apps",
        "Authenticator-apps",
        "Sets reservecodes",
        "Inlogpogingen",
    ):
        assert dutch in html
    for english in ("Django-beheer", "Static devices", "TOTP devices", "Access attempts"):
        assert english not in html


def test_the_compiled_translations_match_the_po_file():
    pairs = re.findall(r'msgid "(.+)"\nmsgstr "(.+)"', PO.read_text())
    assert len(pairs) > 20
    with translation.override("nl"):
        assert [translation.gettext(msgid) for msgid, _ in pairs] == [nl for _, nl in pairs]


def test_a_right_reads_as_app_model_and_action():
    recht = Permission.objects.get(codename="view_locatie")
    assert recht_label(recht) == "Opvang | locatie | mag bekijken"
    log = Permission.objects.get(codename="add_logentry")
    with translation.override("nl"):
        assert recht_label(log).endswith("| mag toevoegen")
        assert "Can add" not in recht_label(log)


def test_second_factors_are_shown_in_dutch_and_read_only(client, beheer_user, gemeente_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=gemeente_user, name="Telefoon", confirmed=True)
    client.force_login(beheer_user)
    lijst = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    for kop in ("Gebruiker", "Aangemaakt op", "Laatst gebruikt op", "Bevestigd"):
        assert kop in lijst
    assert "Search by" not in lijst
    detail = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert detail.status_code == 200
    assert device.key not in detail.content.decode()
    assert client.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403
