"""Receivers: login events (security log, session records and their end) and rights.

Changes of a user's groups and permissions are recorded here, whatever path makes them
(the admin, rechten toepassen, the shell): m2m_changed fires for every one.
"""

from datetime import timedelta
from importlib import import_module

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.utils import timezone

from gemeenten.constants import Gebeurtenis
from gemeenten.models import User, UserSession
from kern.security_log import security_log

from .middleware import session_started
from .services import rechtenwijziging_vastleggen


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


M2M_RECHTEN = {
    User.groups.through: ("groups", Gebeurtenis.GROEPEN_GEWIJZIGD),
    User.user_permissions.through: ("user_permissions", Gebeurtenis.RECHTEN_GEWIJZIGD),
}


def _rights(user, veld):
    if veld == "groups":
        return sorted(user.groups.values_list("name", flat=True))
    rechten = user.user_permissions.values_list("content_type__app_label", "codename")
    return sorted(f"{app_label}.{codename}" for app_label, codename in rechten)


def _affected_users(instance, reverse, pk_set, veld):
    """Return the users whose groups or permissions the change touches."""
    if not reverse:
        return [instance]
    if pk_set is None:  # clear() from the side of the group or permission
        return list(User.objects.filter(**{veld: instance}))
    return list(User.objects.filter(pk__in=pk_set))


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
def rechten_gewijzigd(sender, instance, action, reverse, pk_set, **kwargs):
    """Record each user whose groups or permissions really changed, before and after."""
    veld, gebeurtenis = M2M_RECHTEN[sender]
    voor = instance.__dict__.setdefault("_m2m_rechten_voor", {})
    if action.startswith("pre_"):
        users = _affected_users(instance, reverse, pk_set, veld)
        voor[veld] = [(user, _rights(user, veld)) for user in users]
        return
    for user, oud in voor.pop(veld, []):
        nieuw = _rights(user, veld)
        if nieuw != oud:
            rechtenwijziging_vastleggen(
                gebruiker=user, gebeurtenis=gebeurtenis, oud={veld: oud}, nieuw={veld: nieuw}
            )


@receiver(m2m_changed, sender=Group.permissions.through)
def groepsrechten_gewijzigd(sender, instance, action, reverse, pk_set, **kwargs):
    """Log a change of a group's permissions: it changes the rights of all its members."""
    if action.startswith("post_"):
        groepen = [instance] if not reverse else list(Group.objects.filter(pk__in=pk_set or []))
        for groep in groepen:
            security_log(
                "groep.rechten_gewijzigd", object=groep, action=action.removeprefix("post_")
            )
