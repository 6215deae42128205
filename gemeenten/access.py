"""Who may do what with a gemeente or a province, for every task app.

The rules every task (opvang, huisvesting, ontheemden) shares, built on the one scope
rule (gemeenten.scope): loading an object within the user's scope, reading a province
as a whole, writing a gemeente's own figures. Another gemeente's or province's object
is a 404, never a 403, so that its existence leaks nothing, and the refusal is logged
(STYLE.md 4). Each task app's `access` module adds its own models on top of these.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kern.security_log import security_log

from .constants import Rol
from .models import Gemeente, Provincie
from .scope import provincie_scope_filter, user_scope


def may_edit_gemeente(user, gemeente):
    """Return whether the user writes this gemeente's own figures: its gemeente users."""
    return user.is_gemeente and user.gemeente_id == gemeente.pk


def may_read_provincie(user, provincie):
    """Return whether the user reads the province as a whole (dashboards, reports, Excel).

    Its PRT and cvdK may, and beheer bound to it or to no province; gemeente users
    never: they see their own gemeente only (gemeenten.scope.provincie_scope_filter).
    """
    scope = user_scope(user)
    return scope.alles or scope.provincie_id == provincie.pk


def may_read_landelijk(user):
    """Return whether the user reads the national picture: every province at once.

    The LRT and national beheer (scope alles); nobody else sees beyond their own.
    """
    return user_scope(user).alles


def may_import_provincie(user):
    """Return whether the user may import workbooks for the whole province, opgaven too."""
    return user.is_provinciaal or user.rol == Rol.BEHEER


def may_see_ip_addresses(user):
    """Return whether the user may see officials' IP addresses in the history (beheer).

    An IP address is personal data (AVG); only beheer needs it, to investigate misuse.
    """
    return user.rol == Rol.BEHEER


def get_in_scope_or_404(queryset, user, **lookup):
    """Return the object of queryset (the user's scope); else 404, logged if it exists.

    An object outside the scope is logged as access.refused with its label and primary
    key, as the admin logs it; one that does not exist at all is a plain 404. The check
    costs a query only on the 404 path. Every app's access module loads through it.
    """
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        model = queryset.model
        refused = model._base_manager.filter(**lookup).values_list("pk", flat=True).first()
        if refused is not None:
            label = f"{model._meta.label_lower}:{refused}"
            security_log("access.refused", user=user, object=label, result="refused")
        raise Http404(f"Geen {model._meta.verbose_name} gevonden.") from None


def get_gemeente_for_user_or_404(user, code, *, for_edit=False):
    """Return the gemeente in the user's scope; for_edit: only its own users (else 403)."""
    gemeente = get_in_scope_or_404(
        Gemeente.objects.for_user(user).select_related("provincie", "regio"), user, code=code
    )
    if for_edit and not may_edit_gemeente(user, gemeente):
        raise PermissionDenied
    return gemeente


def get_provincie_for_user_or_404(user, code):
    """Return the province if the user reads it as a whole; else 404, never 403, so that
    a gemeente or another province learns nothing (STYLE.md 4)."""
    return get_in_scope_or_404(
        provincie_scope_filter(Provincie.objects, user, path=""), user, code=code
    )
