"""Two-factor login: enrolment with a QR code, codes, backup codes, replay, every role."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_with_axes")]


@pytest.fixture(autouse=True)
def otp_required(settings):
    settings.OTP_REQUIRED = True


def current_code(device):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture
def app(prt_user):
    """A confirmed authenticator app of the PRT user."""
    return TOTPDevice.objects.create(user=prt_user, name="app", confirmed=True)


def test_a_password_alone_leads_to_enrolment_not_to_the_data(client, gemeente_user):
    log_in(client, gemeente_user)
    response = client.get(reverse("opvang:gemeente_detail", args=["GM0344"]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("otp_verifieren"))
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url == reverse("otp_instellen") + "?next=%2Fgemeenten%2FGM0344%2F"


def test_enrolment_shows_a_qr_code_as_an_inline_svg_image(client, gemeente_user):
    log_in(client, gemeente_user)
    response = client.get(reverse("otp_instellen"))
    content = response.content.decode()
    [uri] = re.findall(r'<img src="(data:image/svg\+xml;base64,[^"]+)"', content)
    svg = base64.b64decode(uri.split(",", 1)[1])
    assert svg.startswith(b"<svg ")
    assert "<script" not in content
    assert "style=" not in content
    device = TOTPDevice.objects.get(user=gemeente_user)
    assert not device.confirmed
    sleutel = base64.b32encode(device.bin_key).decode()
    assert sleutel[:4] in content


def test_the_menu_shows_only_after_the_second_factor(client, gemeente_user):
    log_in(client, gemeente_user)
    voor = client.get(reverse("otp_instellen")).content.decode()
    device = TOTPDevice.objects.get(user=gemeente_user)
    client.post(reverse("otp_instellen"), {"code": current_code(device)})
    na = client.get(reverse("opvang:uitvraag_list")).content.decode()
    assert 'aria-label="Hoofdmenu"' not in voor
    assert 'aria-label="Hoofdmenu"' in na


def test_enrolment_with_a_right_code_verifies_and_shows_ten_backup_codes_once(
    client, gemeente_user, security_events
):
    log_in(client, gemeente_user)
    client.get(reverse("otp_instellen"))
    device = TOTPDevice.objects.get(user=gemeente_user)
    response = client.post(
        reverse("otp_instellen"), {"code": current_code(device), "next": "/uitvragen/"}
    )
    assert response.status_code == 200
    codes = StaticDevice.objects.get(user=gemeente_user).token_set.values_list("token", flat=True)
    assert len(codes) == 10
    for code in codes:
        assert code in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert "otp.enrolled" in security_events.names()
    assert client.get("/uitvragen/").status_code == 200
    # Enrolling again is not possible with the session or a password alone.
    assert client.get(reverse("otp_instellen")).status_code == 302


def test_a_wrong_code_at_enrolment_is_refused(client, gemeente_user, security_events):
    log_in(client, gemeente_user)
    client.get(reverse("otp_instellen"))
    response = client.post(reverse("otp_instellen"), {"code": "000000"})
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.get(user=gemeente_user).confirmed
    assert client.get(reverse("opvang:uitvraag_list")).status_code == 302
    assert security_events[-1]["event"] == "otp.failure"


def test_the_right_code_verifies_the_session(client, prt_user, app, security_events):
    log_in(client, prt_user)
    response = client.post(
        reverse("otp_verifieren"), {"code": current_code(app), "next": "/uitvragen/"}
    )
    assert response.status_code == 302
    assert response.url == "/uitvragen/"
    assert client.get("/uitvragen/").status_code == 200
    assert security_events.names()[-1] == "otp.success"


def test_a_replayed_code_is_refused_and_logged(client, prt_user, app, security_events):
    code = current_code(app)
    log_in(client, prt_user)
    assert client.post(reverse("otp_verifieren"), {"code": code}).status_code == 302
    client.post(reverse("logout"))

    log_in(client, prt_user)
    response = client.post(reverse("otp_verifieren"), {"code": code})
    assert response.status_code == 200
    assert "Deze code klopt niet, is al gebruikt" in response.content.decode()
    assert client.get(reverse("opvang:uitvraag_list")).status_code == 302
    assert security_events[-1]["event"] == "otp.replay"
    assert security_events[-1]["result"] == "refused"


def test_a_wrong_code_is_refused_and_logged(client, prt_user, app, security_events):
    log_in(client, prt_user)
    wrong = f"{(int(current_code(app)) + 1) % 1000000:06d}"
    response = client.post(reverse("otp_verifieren"), {"code": wrong})
    assert response.status_code == 200
    assert wrong not in response.content.decode()
    assert security_events[-1]["event"] == "otp.failure"


def test_a_backup_code_works_once(client, prt_user, app, security_events, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    device = StaticDevice.objects.create(user=prt_user, name="Reservecodes")
    device.token_set.create(token="abcd2345")
    log_in(client, prt_user)
    assert client.post(reverse("otp_verifieren"), {"code": "ABCD 2345"}).status_code == 302
    assert security_events.names()[-2:] == ["otp.backup_code_used", "otp.success"]
    client.post(reverse("logout"))

    log_in(client, prt_user)
    assert client.post(reverse("otp_verifieren"), {"code": "abcd2345"}).status_code == 200
    assert security_events[-1]["event"] == "otp.failure"


def test_the_next_url_must_be_our_own(client, prt_user, app):
    log_in(client, prt_user)
    response = client.post(
        reverse("otp_verifieren"), {"code": current_code(app), "next": "https://evil.example/"}
    )
    assert response.url == reverse("home")


def test_login_and_logout_stay_reachable_before_the_second_step(client, prt_user, app):
    log_in(client, prt_user)
    assert client.get(reverse("otp_verifieren")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("persona", ["gemeente_user", "prt_user", "cvdk_user", "beheer_user"])
def test_every_role_logs_in_with_two_factors(request, client, persona):
    user = request.getfixturevalue(persona)
    log_in(client, user)
    client.get(reverse("otp_instellen"))
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("otp_instellen"), {"code": current_code(device)})
    response = client.get(reverse("opvang:uitvraag_list"))
    assert response.status_code == 200
    assert "zonder inloggen in twee stappen" not in response.content.decode()


@pytest.mark.parametrize("persona", ["gemeente_user", "prt_user", "cvdk_user", "beheer_user"])
def test_without_two_factors_every_role_logs_in_with_a_password_and_sees_a_banner(
    request, client, settings, persona
):
    settings.OTP_REQUIRED = False
    user = request.getfixturevalue(persona)
    log_in(client, user)
    response = client.get(reverse("opvang:uitvraag_list"))
    assert response.status_code == 200
    assert "Demo-omgeving zonder inloggen in twee stappen" in response.content.decode()


def test_the_banner_is_also_on_the_login_page(client, settings):
    settings.OTP_REQUIRED = False
    assert "zonder inloggen in twee stappen" in client.get(reverse("login")).content.decode()
    settings.OTP_REQUIRED = True
    assert "zonder inloggen in twee stappen" not in client.get(reverse("login")).content.decode()
