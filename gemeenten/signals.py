"""Receivers for login events: the security log, session records and their end."""

from datetime import timedelta
from importlib import import_module

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from .middleware import session_started
from .models import User, UserSession
from .security_log import security_log


@receiver(user_logged_in)
def login_succeeded(sender, request, user, **kwargs):
    session_started(request.session)
    UserSession.objects.filter(
        user=user,
        created_at__lt=timezone.now() - timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT),
    ).delete()
    if request.session.session_key:
        UserSession.objects.get_or_create(user=user, session_key=request.session.session_key)
    security_log("login.success", request=request, user=user)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    # Django masks the password in credentials; only the username is taken from it.
    locked = getattr(request, "axes_locked_out", False)
    security_log(
        "login.failure",
        request=request,
        username=credentials.get("username"),
        result="locked" if locked else "refused",
    )


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    security_log("login.lockout", request=request, username=username, result="locked")


@receiver(user_logged_out)
def logged_out(sender, request, user, **kwargs):
    if user is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()
    security_log("logout", request=request, user=user)


def end_sessions(user):
    """End every session of the user, whatever the session engine."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    records = list(UserSession.objects.filter(user=user))
    for record in records:
        store(session_key=record.session_key).delete()
        record.delete()
    return len(records)


@receiver(post_save, sender=User)
def deactivated_user_loses_sessions(sender, instance, **kwargs):
    if not instance.is_active:
        ended = end_sessions(instance)
        if ended:
            security_log("sessions.ended", object=instance, count=ended)
