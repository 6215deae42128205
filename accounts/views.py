"""The two-factor step of the login: enrolling an authenticator app and entering a code.

After the password, a user without an app enrols one (QR code, then a first code, then
ten backup codes shown once); a user with one enters its current code or a backup code.
Only then is the session verified (django_otp.login). A code is accepted once:
django-otp's TOTP device refuses any code at or before the last accepted time step.
Failed codes are limited per account and per account and IP (accounts.otp_throttle).
"""

import base64
import math
import re
import time
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.models import User
from kern.security_log import request_ip, security_log

from . import otp_throttle

CODE_ONJUIST = (
    "Deze code klopt niet, is al gebruikt of is verlopen. Wacht op de volgende code "
    "van uw app en probeer het opnieuw."
)
CODE_GEBLOKKEERD = (
    "Er is te vaak een verkeerde code ingevuld. Probeer het over {wachttijd} opnieuw. "
    "Was u dit niet? Neem dan contact op met de beheerder van het Opvangregister bij uw "
    "provincie: misschien kent iemand anders uw wachtwoord."
)
AANTAL_RESERVECODES = 10
APP_CODE = re.compile(r"^\d{6}$")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="De 6 cijfers uit uw authenticator-app, of een reservecode.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _refuse(form, message=CODE_ONJUIST):
    """Mark the code wrong and empty the field: a refused code is not shown again."""
    form.add_error("code", message)
    data = form.data.copy()
    data["code"] = ""
    form.data = data


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("home")


def _with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


def _is_replay(device, code):
    """Return whether code is the app's code for a time step already used."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp.verify(int(code), device.tolerance) and totp.t() <= device.last_t


def _verify_app_code(request, device, code):
    if device.verify_token(code):
        return True
    replay = _is_replay(device, code)
    security_log("otp.replay" if replay else "otp.failure", request=request, result="refused")
    return False


def _verify_backup_code(request, code):
    device = StaticDevice.objects.select_for_update().filter(user=request.user).first()
    if device is not None and device.verify_token(code):
        security_log(
            "otp.backup_code_used",
            request=request,
            object=device,
            remaining=device.token_set.count(),
        )
        return device
    security_log("otp.failure", request=request, result="refused", kind="backup")
    return None


def _verified_device(request, code):
    """Return the device that accepts code (the app's code or a backup code), or None."""
    if APP_CODE.match(code):
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=request.user, confirmed=True)
            .order_by("pk")
            .first()
        )
        ok = device is not None and _verify_app_code(request, device, code)
        return device if ok else None
    return _verify_backup_code(request, code)


def _locked_out_message(cooloff):
    minuten = math.ceil(cooloff.seconds / 60)
    wachttijd = "1 minuut" if minuten == 1 else f"{minuten} minuten"
    return CODE_GEBLOKKEERD.format(wachttijd=wachttijd)


def _checked_code(request, code):
    """Return (device, None) for a right code, else (None, the message to show).

    In a cool-off every code is refused unchecked; a wrong code is counted.
    """
    user, ip = request.user, request_ip(request)
    with transaction.atomic():
        # One code check at a time per account, so that parallel guesses all count.
        User.objects.select_for_update().filter(pk=user.pk).first()
        cooloff = otp_throttle.cooloff(user, ip)
        if cooloff is not None:
            log = {"scope": cooloff.scope, "wait_seconds": cooloff.seconds}
            security_log("otp.throttled", request=request, result="refused", **log)
            return None, _locked_out_message(cooloff)
        device = _verified_device(request, code)
        if device is not None:
            otp_throttle.reset(user)
            return device, None
        started = otp_throttle.record_failure(user, ip)
    if started is None:
        return None, CODE_ONJUIST
    log = {"scope": started.scope, "wait_seconds": started.seconds}
    security_log("otp.cooloff", request=request, result="locked", **log)
    return None, _locked_out_message(started)


def _new_backup_codes(user):
    device, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Reservecodes"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_RESERVECODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


def _unconfirmed_device(user):
    """Return the user's app being enrolled, created on the first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def _confirm_device(request, device):
    """Confirm the enrolled app, log the user in with it and return new backup codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(request.user)
    otp_login(request, device)
    security_log("otp.enrolled", request=request, object=device)
    return codes


def _enrolment_context(request, form, device):
    sleutel = base64.b32encode(device.bin_key).decode("ascii")
    return {
        "form": form,
        "qr": _qr_data_uri(device.config_url),
        "sleutel": " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)),
        "next": _next_url(request),
    }


def _qr_data_uri(text):
    """Return text as a QR code in an SVG data: URI (no inline script or style needed)."""
    svg = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@sensitive_post_parameters("code")
@login_required
def otp_verifieren(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(_with_next("otp_instellen", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, message = _checked_code(request, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            security_log("otp.success", request=request, object=device)
            return redirect(_next_url(request))
        _refuse(form, message)
    return render(request, "otp/verifieren.html", {"form": form, "next": _next_url(request)})


@sensitive_post_parameters("code")
@login_required
def otp_instellen(request):
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        # A second app only through beheer, who first deletes the old one: otherwise a
        # stolen password would be enough to add an attacker's app.
        return redirect(_with_next("otp_verifieren", request))
    device = _unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = _confirm_device(request, device)
            ctx = {"codes": codes, "next": _next_url(request)}
            return render(request, "otp/reservecodes.html", ctx)
        security_log("otp.failure", request=request, result="refused", kind="enrolment")
        _refuse(form)
    return render(request, "otp/instellen.html", _enrolment_context(request, form, device))
