"""Writes of the gemeenten app."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .constants import Rol

BEHEER_GROEP = "Beheer"
WACHTWOORDLINK_ONDERWERP = "registration/wachtwoord_instellen_onderwerp.txt"
WACHTWOORDLINK_TEKST = "registration/wachtwoord_instellen_email.txt"


def gebruiker_rechten_toepassen(*, user):
    """Give a user the rights of their role in the beheer screens.

    Beheer users are staff and members of the group "Beheer" (migration 0004); other
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


def wachtwoordlink_versturen(*, user):
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
    return True
