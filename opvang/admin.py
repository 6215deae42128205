from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from gemeenten.admin_scope import ScopedAdminMixin
from gemeenten.scope import provincie_scope_filter, scope_filter
from kern.admin import NoDeleteMixin

from .models import Cyclus, Indiening, Locatie, Opgave, ProvincieOpgave, Uitvraag, UitvraagImport

OnlyRelated = admin.RelatedOnlyFieldListFilter


class GemeenteScopeMixin(ScopedAdminMixin):
    """Show the rows of the gemeenten in the user's scope."""

    def scope_queryset(self, qs, user):
        return scope_filter(qs, user)


@admin.register(Cyclus)
class CyclusAdmin(ScopedAdminMixin, NoDeleteMixin, SimpleHistoryAdmin):
    """Cycles hold for every province: all beheer read them, national beheer changes them."""

    list_display = [
        "nummer",
        "telvenster_van",
        "telvenster_tot",
        "noodopvang_telt",
        "minimale_looptijd",
        "landelijke_raming",
    ]
    landelijk = True
    fieldsets = [
        (None, {"fields": ["nummer"]}),
        (
            "Telregels",
            {
                "fields": [
                    "telvenster_van",
                    "telvenster_tot",
                    "noodopvang_telt",
                    "minimale_looptijd",
                    "indeling_per",
                ]
            },
        ),
        (
            "Landelijke capaciteitsraming",
            {
                "fields": [
                    "landelijke_raming",
                    "landelijke_raming_amv",
                    "raming_bron",
                    "raming_datum",
                ]
            },
        ),
        (
            "Termijnen",
            {"fields": ["verslag_uiterlijk", "verdeelbesluit_uiterlijk", "realisatie_uiterlijk"]},
        ),
    ]

    def scope_queryset(self, qs, user):
        return qs


@admin.register(Opgave)
class OpgaveAdmin(GemeenteScopeMixin, NoDeleteMixin, SimpleHistoryAdmin):
    """Targets are versions: beheer adds a new one, an existing one never changes."""

    list_display = ["gemeente", "cyclus", "grondslag", "plekken", "amv_plekken", "datum", "is_demo"]
    list_filter = ["cyclus", "grondslag", "is_demo", ("gemeente__provincie", OnlyRelated)]
    search_fields = ["gemeente__naam", "gemeente__code", "bron"]
    fields = [
        "gemeente",
        "cyclus",
        "grondslag",
        "plekken",
        "amv_plekken",
        "bron",
        "datum",
        "is_demo",
    ]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.aangemaakt_door = request.user
        super().save_model(request, obj, form, change)


@admin.register(ProvincieOpgave)
class ProvincieOpgaveAdmin(ScopedAdminMixin, NoDeleteMixin, SimpleHistoryAdmin):
    """The published opgave of every province: national beheer enters and corrects it."""

    landelijk = True
    list_display = ["provincie", "cyclus", "plekken", "amv_plekken", "bron"]
    list_filter = ["cyclus"]
    fields = ["provincie", "cyclus", "plekken", "amv_plekken", "bron"]

    def scope_queryset(self, qs, user):
        return provincie_scope_filter(qs, user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.aangemaakt_door = request.user
        super().save_model(request, obj, form, change)


@admin.register(Locatie)
class LocatieAdmin(GemeenteScopeMixin, NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["naam", "gemeente", "soort", "status", "plekken", "amv_plekken"]
    list_filter = ["status", "soort", ("gemeente__provincie", OnlyRelated)]
    search_fields = ["naam", "gemeente__naam"]
    readonly_fields = ["versie"]

    def save_model(self, request, obj, form, change):
        # Keep the optimistic lock meaningful: an admin save is a new version too.
        if change:
            obj.versie += 1
        super().save_model(request, obj, form, change)


@admin.register(Uitvraag)
class UitvraagAdmin(ScopedAdminMixin, NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["provincie", "cyclus", "deadline", "geopend_op", "gesloten_op"]

    def scope_queryset(self, qs, user):
        return provincie_scope_filter(qs, user)


@admin.register(Indiening)
class IndieningAdmin(GemeenteScopeMixin, NoDeleteMixin, SimpleHistoryAdmin):
    """Submissions are reviewed in the app; the admin only shows them."""

    list_display = ["gemeente", "uitvraag", "status", "ingediend_op"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(UitvraagImport)
class UitvraagImportAdmin(ScopedAdminMixin, NoDeleteMixin, SimpleHistoryAdmin):
    """Imports are recorded by the app; the admin only shows them (never the file's bytes)."""

    list_display = [
        "bestandsnaam",
        "status",
        "gemeente",
        "provincie",
        "geupload_door",
        "geupload_op",
        "toegevoegd",
        "gewijzigd",
        "opgaven",
    ]
    list_filter = ["status", ("provincie", OnlyRelated)]
    search_fields = ["bestandsnaam", "sha256", "geupload_door__username"]
    exclude = ["bestand"]

    def scope_queryset(self, qs, user):
        # An import is for one gemeente, or for a whole province.
        return scope_filter(qs, user) | provincie_scope_filter(qs, user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
