"""The scope rule of gemeenten/scope.py in /beheer/: lists, objects, history, choices, saves.

Beheer of one province sees and manages that province only, national beheer every
province, and neither a superuser (gebruiker_scope_filter); superusers see everything.
Another scope's object is not found, as in the app, and that refusal is logged.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404

from kern.security_log import security_log

from .models import Gemeente, Provincie, Regio, User
from .scope import gebruiker_scope_filter, may_manage_scope, provincie_scope_filter, scope_filter

# The choices of a foreign key to these models, limited to the user's scope.
KEUZES = {
    Provincie: lambda qs, user: provincie_scope_filter(qs, user, path=""),
    Regio: provincie_scope_filter,
    Gemeente: lambda qs, user: scope_filter(qs, user, path=""),
    User: gebruiker_scope_filter,
}


class ScopedAdminMixin:
    """Limit a ModelAdmin to the scope of the user (superusers are not limited).

    Subclasses say in `scope_queryset()` which rows a user's scope holds. `landelijk`
    marks reference data of all provinces together (provinces, cycles): only national
    beheer adds or changes it.
    """

    landelijk = False

    def scope_queryset(self, qs, user):
        raise NotImplementedError(f"{type(self).__name__} must say what its scope holds.")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else self.scope_queryset(qs, request.user)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and from_field is None and self._exists(object_id):
            refused = f"{self.model._meta.label_lower}:{object_id}"
            security_log("access.refused", request=request, object=refused, result="refused")
        return obj

    def _exists(self, object_id):
        try:
            return self.model._base_manager.filter(pk=object_id).exists()
        except (ValidationError, ValueError):
            return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        keuzes = KEUZES.get(db_field.related_model)
        if keuzes is not None and not request.user.is_superuser:
            kwargs["queryset"] = keuzes(db_field.related_model._default_manager.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_change_landelijk(self, request):
        return not self.landelijk or may_manage_scope(request.user, None)

    def has_add_permission(self, request):
        return self._may_change_landelijk(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self._may_change_landelijk(request)

    def save_model(self, request, obj, form, change):
        """Save, then refuse (undoing the save) an object that left the user's scope.

        The limited choices keep a beheer user in its scope; this refuses whatever
        slips past them. The admin's views save inside a transaction.
        """
        super().save_model(request, obj, form, change)
        if not self.get_queryset(request).filter(pk=obj.pk).exists():
            security_log("access.refused", request=request, object=obj, result="refused")
            raise PermissionDenied

    def _get_or_404(self, request, object_id):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404(f"Geen {self.model._meta.verbose_name} gevonden.")

    def history_view(self, request, object_id, extra_context=None):
        # simple-history would show the history of an object outside the queryset.
        self._get_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Show (or revert to) an old version of an object in scope (SimpleHistoryAdmin)."""
        self._get_or_404(request, object_id)
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)
