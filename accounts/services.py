"""Writes of the gemeenten app."""

import time

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from simple_history.models import HistoricalRecords

from gemeenten.constants import Gebeurtenis, Rol
from gemeenten.models import Rechtenwijziging, User
from kern.security_log import request_ip, security_log

from .rollen import BEHEER_GROEP

WACHTWOORDLINK_ONDERWERP = "registration/wachtwoord_instellen_onderwerp.txt"
WACHTWOORDLINK_TEKST = "registration/wachtwoord_instellen_email.txt"
# Which fields of a user each kind of change covers (is_active: GEACTIVEERD/GEDEACTIVEERD).
VELDEN_PER_GEBEURTENIS = {
    Gebeurtenis.ROL_GEWIJZIGD: ["rol", "gemeente", "provincie"],
    Gebeurtenis.SUPERUSER_STAF_GEWIJZIGD: ["is_superuser", "is_staff"],
    Gebeurtenis.EMAIL_GEWIJZIGD: ["email"],
}


def gebruiker_rechten_toepassen(*, user):
    """Give a user the rights of their role in the beheer screens.

    Beheer users are staff and members of the group "Beheer" (accounts.rollen); other
    roles use the application only, so they lose both. Superusers keep their staff flag.
    """
    groep = Group.objects.get(name=BEHEER_GROEP)
    is_beheer = user.rol == Rol.BEHEER
    if is_beheer:
        user.groups.add(groep)
    else:
        user.groups.remove(groep)
    staff = is_beheer or user.is_superuser
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])


def wachtwoordlink(user):
    """Return the address at which the user sets their own password (SITE_URL + token).

    Django's password-reset token: it works once, as setting the password changes the
    hash it is made from, and expires after PASSWORD_RESET_TIMEOUT.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("wachtwoord_instellen", args=[uid, token])


def wachtwoordlink_versturen(*, user, request=None):
    """Mail an active user with an e-mail address a link to set their own password.

    Nobody but the user sees or sets the password. Return whether a link was sent.
    """
    if not user.is_active or not user.email:
        return False
    context = {
        "user": user,
        "link": wachtwoordlink(user),
        "uren": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    PasswordResetForm().send_mail(
        WACHTWOORDLINK_ONDERWERP, WACHTWOORDLINK_TEKST, context, None, user.email
    )
    rechtenwijziging_vastleggen(
        gebruiker=user, gebeurtenis=Gebeurtenis.LINK_VERSTUURD, request=request
    )
    return True


def rechtenwijziging_vastleggen(
    *, gebruiker, gebeurtenis, oud=None, nieuw=None, door=None, request=None
):
    """Record a change of a user's rights in the append-only trail and the security log.

    Without a request the current one is taken from simple-history's middleware (as
    security_log does), and its user is the actor unless `door` is given. The security
    log names the changed fields, not their values.
    """
    if request is None:
        request = getattr(HistoricalRecords.context, "request", None)
    if door is None and request is not None and request.user.is_authenticated:
        door = request.user
    wijziging = Rechtenwijziging.objects.create(
        gebruiker=gebruiker,
        gebeurtenis=gebeurtenis,
        oud=oud,
        nieuw=nieuw,
        door=door,
        ip_address=request_ip(request) if request is not None else None,
    )
    velden = sorted({**(oud or {}), **(nieuw or {})})
    security_log(gebeurtenis, request=request, user=door, object=gebruiker, fields=velden)
    return wijziging


def gebruiker_rechten(user):
    """Return what decides a user's rights and account, as JSON values (codes, not ids)."""
    return {
        "rol": user.rol,
        "gemeente": user.gemeente.code if user.gemeente_id else None,
        "provincie": user.provincie.code if user.provincie_id else None,
        "is_superuser": user.is_superuser,
        "is_staff": user.is_staff,
        "is_active": user.is_active,
        "email": user.email,
    }


def gebruiker_wijzigingen_vastleggen(*, gebruiker, voor, request):
    """Record what changed of a user's rights since `voor` (gebruiker_rechten(); None: new)."""
    na = gebruiker_rechten(gebruiker)
    if voor is None:
        rechtenwijziging_vastleggen(
            gebruiker=gebruiker,
            gebeurtenis=Gebeurtenis.GEBRUIKER_AANGEMAAKT,
            nieuw=na,
            request=request,
        )
        return
    velden_per_gebeurtenis = {
        **VELDEN_PER_GEBEURTENIS,
        Gebeurtenis.GEACTIVEERD if na["is_active"] else Gebeurtenis.GEDEACTIVEERD: ["is_active"],
    }
    for gebeurtenis, velden in velden_per_gebeurtenis.items():
        oud = {veld: voor[veld] for veld in velden if voor[veld] != na[veld]}
        if oud:
            nieuw = {veld: na[veld] for veld in oud}
            rechtenwijziging_vastleggen(
                gebruiker=gebruiker, gebeurtenis=gebeurtenis, oud=oud, nieuw=nieuw, request=request
            )


def tweede_factor_verwijderen(*, device, request):
    """Remove a second factor of a user (an app or their backup codes), and record it.

    The user enrols a new app at their next login (README: a lost phone).
    """
    oud = {"apparaat": device._meta.label_lower, "naam": device.name}
    rechtenwijziging_vastleggen(
        gebruiker=device.user,
        gebeurtenis=Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD,
        oud=oud,
        request=request,
    )
    device.delete()


# A request for a link is limited per e-mail address and per IP, so that nobody can
# flood a mailbox or probe addresses: at most this many per address and per IP per hour.
WACHTWOORD_VERGETEN_PER_UUR = 5


def _binnen_limiet(sleutel):
    """Count one request under sleutel in this hour; return whether it is within the limit."""
    uur = int(time.time() // 3600)
    sleutel = f"wachtwoord-vergeten:{sleutel}:{uur}"
    cache.add(sleutel, 0, timeout=3600)
    return cache.incr(sleutel) <= WACHTWOORD_VERGETEN_PER_UUR


def wachtwoord_vergeten(*, email, request):
    """Mail a link to set a new password to each active user with this address.

    The page says the same whether or not the address is known (no account is revealed),
    so this returns nothing. Every request is in the security log; a request over the
    hourly limit sends nothing.
    """
    email = email.strip().lower()
    ip = request_ip(request) or "onbekend"
    if not (_binnen_limiet(f"ip:{ip}") and _binnen_limiet(f"email:{email}")):
        security_log("wachtwoord.vergeten", request=request, result="refused", reason="limit")
        return
    gebruikers = User.objects.filter(email__iexact=email, is_active=True)
    verstuurd = sum(wachtwoordlink_versturen(user=u, request=request) for u in gebruikers)
    security_log("wachtwoord.vergeten", request=request, result="ok", sent=verstuurd)
