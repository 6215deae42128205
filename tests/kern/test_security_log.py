"""The security log: structured events with actor, IP, object, result and UTC time; no secrets."""

import json
import logging
import logging.config
from datetime import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kern.security_log import security_log
from opvang import services
from tests.factories import TEST_PASSWORD, LocatieFactory, ingediende_indiening

pytestmark = pytest.mark.django_db

FIELDS = {"time", "event", "result", "actor", "actor_id", "ip", "object"}


def test_an_event_is_one_json_line_with_the_required_fields(rf, prt_user, security_events):
    request = rf.get("/", REMOTE_ADDR="192.0.2.1")
    request.user = prt_user
    security_log("upload.rejected", request=request, result="refused", reason="te groot")
    [event] = security_events
    assert set(event) >= FIELDS
    assert event["actor"] == "prt"
    assert event["ip"] == "192.0.2.1"
    assert event["reason"] == "te groot"
    assert datetime.fromisoformat(event["time"]).utcoffset().total_seconds() == 0


def test_secret_details_are_dropped(prt_user, security_events):
    security_log(
        "test", user=prt_user, password="geheim", otp_code="123456", session_key="abc", ok=1
    )
    [event] = security_events
    assert "password" not in event and "otp_code" not in event and "session_key" not in event
    assert event["ok"] == 1


def test_the_destination_is_a_file_when_configured(tmp_path):
    """SECURITY_LOG_FILE makes the settings write the security logger to that file."""
    handler_config = {
        "class": "logging.handlers.WatchedFileHandler",
        "filename": str(tmp_path / "security.log"),
        "formatter": "json_line",
    }
    config = {
        **settings.LOGGING,
        "handlers": {**settings.LOGGING["handlers"], "security": handler_config},
    }
    logging.config.dictConfig(config)
    try:
        security_log("test.file")
        line = (tmp_path / "security.log").read_text().strip()
        assert json.loads(line)["event"] == "test.file"
    finally:
        logging.config.dictConfig(settings.LOGGING)


def test_a_refused_foreign_object_is_logged(
    client, gemeente, andere_gemeente_user, gemeente_user, security_events
):
    locatie = LocatieFactory(gemeente=gemeente)
    client.login(username=andere_gemeente_user.username, password=TEST_PASSWORD)
    assert client.get(reverse("opvang:locatie_detail", args=[locatie.pk])).status_code == 404
    [event] = [e for e in security_events if e["event"] == "access.refused"]
    assert event["actor"] == "buurman"
    assert event["object"] == f"opvang.locatie:{locatie.pk}"
    assert event["ip"] == "127.0.0.1"

    # An object that does not exist at all is a plain 404, not an attack on someone's data.
    client.get(reverse("opvang:locatie_detail", args=[locatie.pk + 1000]))
    assert len([e for e in security_events if e["event"] == "access.refused"]) == 1


def test_submissions_and_reviews_are_logged(
    gemeente, gemeente_user, prt_user, cyclus, security_events
):
    indiening = ingediende_indiening(
        gemeente=gemeente, gemeente_user=gemeente_user, prt_user=prt_user, cyclus=cyclus
    )
    services.indiening_beoordelen(indiening=indiening, akkoord=True, opmerking="", user=prt_user)
    events = [(e["event"], e["actor"], e["object"]) for e in security_events]
    assert events == [
        ("indiening.ingediend", "ambtenaar", f"opvang.indiening:{indiening.pk}"),
        ("indiening.akkoord", "prt", f"opvang.indiening:{indiening.pk}"),
    ]


def test_no_password_code_or_session_key_ever_reaches_a_log(
    client, settings, prt_user, all_log_text
):
    """Log in with a wrong and a right password, wrong, right, replayed and backup codes."""
    settings.AXES_ENABLED = True
    settings.OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    logging.getLogger("axes").setLevel(logging.DEBUG)
    device = TOTPDevice.objects.create(user=prt_user, name="app", confirmed=True)
    StaticDevice.objects.create(user=prt_user, name="Reservecodes").token_set.create(
        token="reserve7"
    )
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    wrong_code = f"{(int(code) + 1) % 1000000:06d}"
    wrong_password = "Fout-Wachtwoord-Xyz-2025"
    login = reverse("login")

    client.post(login, {"username": "prt", "password": wrong_password})
    client.post(login, {"username": "prt", "password": TEST_PASSWORD})
    session_key = client.cookies["sessionid"].value
    client.post(reverse("otp_verifieren"), {"code": wrong_code})
    client.post(reverse("otp_verifieren"), {"code": "reserve8"})
    client.post(reverse("otp_verifieren"), {"code": code})
    verified_key = client.cookies["sessionid"].value
    client.post(reverse("logout"))
    client.post(login, {"username": "prt", "password": TEST_PASSWORD})
    client.post(reverse("otp_verifieren"), {"code": code})  # a replay
    client.post(reverse("otp_verifieren"), {"code": "reserve7"})

    text = all_log_text()
    for event in ("login.failure", "login.success", "otp.failure", "otp.success", "otp.replay"):
        assert event in text
    assert "otp.backup_code_used" in text
    for secret in (TEST_PASSWORD, wrong_password, code, wrong_code, "reserve7", "reserve8"):
        assert secret not in text
    assert session_key not in text
    assert verified_key not in text
