from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from opvang.admin import NoDeleteMixin

from .models import Gemeente, Provincie, Regio, User
from .services import gebruiker_rechten_toepassen


@admin.register(Provincie)
class ProvincieAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ["naam", "provincie"]
    list_filter = ["provincie"]


@admin.register(Gemeente)
class GemeenteAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["code", "naam", "provincie", "regio", "inwoners", "inwoners_peildatum"]
    list_filter = ["provincie", "regio"]
    search_fields = ["code", "naam"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "rol", "gemeente", "provincie", "is_active"]
    list_filter = ["rol", "is_active", "provincie"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
    ]

    def save_related(self, request, form, formsets, change):
        # After the form's groups are saved, so that the role decides the beheer rights.
        super().save_related(request, form, formsets, change)
        gebruiker_rechten_toepassen(user=form.instance)
