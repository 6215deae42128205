"""The one rule of who sees which gemeenten; every list goes through it."""

from dataclasses import dataclass

from django.db.models import Q

from .constants import Rol


@dataclass(frozen=True)
class Scope:
    """What a user sees: one gemeente, one province, everything, or nothing."""

    gemeente_id: int | None = None
    provincie_id: int | None = None
    alles: bool = False


def user_scope(user):
    """Return the user's Scope: the one rule every filter and access check below uses.

    A gemeente user sees their own gemeente; PRT and cvdK their province; beheer their
    province, or everything when bound to none; the LRT everything (to read: every
    write checks a role the LRT does not have); an inactive or anonymous user nothing.
    """
    if not user.is_authenticated or not user.is_active:
        return Scope()
    if user.rol == Rol.LRT:
        return Scope(alles=True)
    if user.rol == Rol.GEMEENTE:
        return Scope(gemeente_id=user.gemeente_id)
    if user.provincie_id and user.rol in (Rol.PRT, Rol.CVDK, Rol.BEHEER):
        return Scope(provincie_id=user.provincie_id)
    return Scope(alles=user.rol == Rol.BEHEER)


def scope_filter(qs, user, path="gemeente"):
    """Filter qs to rows of the gemeenten the user may see (user_scope).

    path leads from qs's model to its Gemeente ("" when qs holds gemeenten).
    """
    prefix = f"{path}__" if path else ""
    scope = user_scope(user)
    if scope.alles:
        return qs
    if scope.gemeente_id:
        return qs.filter(Q(**{f"{prefix}pk": scope.gemeente_id}))
    if scope.provincie_id:
        return qs.filter(Q(**{f"{prefix}provincie_id": scope.provincie_id}))
    return qs.none()


def provincie_scope_filter(qs, user, path="provincie"):
    """Filter qs to rows of the provinces the user reads as a whole (dashboards, reports).

    Its PRT and cvdK may, and beheer bound to it or to no province; gemeente users
    never: they see their own gemeente only. path leads from qs's model to its Provincie
    ("" when qs holds provinces).
    """
    scope = user_scope(user)
    if scope.alles:
        return qs
    if scope.provincie_id:
        return qs.filter(**{f"{path}_id" if path else "pk": scope.provincie_id})
    return qs.none()


def scope_provincie_filter(qs, user, path="provincie"):
    """Filter qs to rows of the province the user's scope lies in (uitvragen).

    As provincie_scope_filter, and a gemeente user's gemeente's province as well: a
    gemeente sees its own province's uitvraag, never another province's.
    """
    scope = user_scope(user)
    if scope.gemeente_id:
        return qs.filter(**{f"{path}_id" if path else "pk": user.gemeente.provincie_id})
    return provincie_scope_filter(qs, user, path)


def may_manage_scope(user, provincie_id):
    """Return whether a beheer user manages what belongs to this scope.

    provincie_id is a province's, or None for what belongs to no province (a national
    beheer user, a cycle): beheer of one province manages that province only, national
    beheer everything.
    """
    if user.is_superuser:
        return True
    if user.rol != Rol.BEHEER or not user.is_active:
        return False
    return user.provincie_id is None or user.provincie_id == provincie_id


def gebruiker_scope_filter(qs, user, path=""):
    """Filter qs to rows of the users a beheer user manages (may_manage_scope).

    path leads from qs's model to its User ("" when qs holds users). A user belongs to
    their gemeente's province, or to the province they are bound to. Superusers are
    managed by superusers only: nobody can take over or change a stronger account.
    """
    prefix = f"{path}__" if path else ""
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.rol != Rol.BEHEER:
        return qs.none()
    qs = qs.filter(**{f"{prefix}is_superuser": False})
    if user.provincie_id:
        return qs.filter(
            Q(**{f"{prefix}gemeente__provincie_id": user.provincie_id})
            | Q(**{f"{prefix}provincie_id": user.provincie_id})
        )
    return qs
