"""The beheer screens of the reference data: provincies, regio's and gemeenten.

Users and their accounts have theirs in accounts/admin.py.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kern.admin import NoDeleteMixin
from kern.formatting import whole_number

from .admin_scope import ScopedAdminMixin
from .models import Gemeente, Provincie, Regio
from .scope import provincie_scope_filter, scope_filter

OnlyRelated = admin.RelatedOnlyFieldListFilter


@admin.register(Provincie)
class ProvincieAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "naam"]
    landelijk = True

    def scope_queryset(self, qs, user):
        return provincie_scope_filter(qs, user, path="")


@admin.register(Regio)
class RegioAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "provincie"]
    list_filter = [("provincie", OnlyRelated)]

    def scope_queryset(self, qs, user):
        return provincie_scope_filter(qs, user)


@admin.register(Gemeente)
class GemeenteAdmin(ScopedAdminMixin, NoDeleteMixin, SimpleHistoryAdmin):
    list_display = [
        "code",
        "naam",
        "provincie",
        "regio",
        "inwoners_getal",
        "inwoners_peildatum",
        "opgeheven_per",
        "opgegaan_in",
    ]
    list_filter = [("provincie", OnlyRelated), ("regio", OnlyRelated)]
    search_fields = ["code", "naam"]

    @admin.display(description="inwoners", ordering="inwoners")
    def inwoners_getal(self, gemeente):
        """Show an unknown population as "onbekend", never as 0 or a dash."""
        if gemeente.inwoners is None:
            return "onbekend"
        return whole_number(gemeente.inwoners)

    def scope_queryset(self, qs, user):
        return scope_filter(qs, user, path="")
