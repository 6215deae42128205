from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Cyclus, Indiening, Locatie, Opgave, Uitvraag, UitvraagImport


class NoDeleteMixin:
    """No figure is ever lost: tracked records are closed or superseded, never deleted."""

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(Cyclus)
class CyclusAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["nummer", "telvenster_van", "telvenster_tot", "noodopvang_telt"]


@admin.register(Opgave)
class OpgaveAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    """Targets are versions: beheer adds a new one, an existing one never changes."""

    list_display = ["gemeente", "cyclus", "soort", "plekken", "amv_plekken", "datum", "is_demo"]
    list_filter = ["cyclus", "soort", "is_demo", "gemeente__provincie"]
    search_fields = ["gemeente__naam", "gemeente__code", "bron"]
    fields = ["gemeente", "cyclus", "soort", "plekken", "amv_plekken", "bron", "datum", "is_demo"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Locatie)
class LocatieAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "soort", "status", "plekken", "amv_plekken"]
    list_filter = ["status", "soort", "gemeente__provincie"]
    search_fields = ["naam", "gemeente__naam"]
    readonly_fields = ["version"]

    def save_model(self, request, obj, form, change):
        # Keep the optimistic lock meaningful: an admin save is a new version too.
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(Uitvraag)
class UitvraagAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["provincie", "cyclus", "deadline", "geopend_op", "gesloten_op"]


@admin.register(Indiening)
class IndieningAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    """Submissions are reviewed in the app; the admin only shows them."""

    list_display = ["gemeente", "uitvraag", "status", "ingediend_op"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(UitvraagImport)
class UitvraagImportAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    """Imports are recorded by the app; the admin only shows them (never the file's bytes)."""

    list_display = [
        "bestandsnaam",
        "status",
        "gemeente",
        "provincie",
        "uploaded_by",
        "uploaded_at",
        "toegevoegd",
        "gewijzigd",
        "opgaven",
    ]
    list_filter = ["status", "provincie"]
    search_fields = ["bestandsnaam", "sha256", "uploaded_by__username"]
    exclude = ["inhoud"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
