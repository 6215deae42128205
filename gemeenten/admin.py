from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UsernameField
from simple_history.admin import SimpleHistoryAdmin

from opvang.admin import NoDeleteMixin

from .models import Gemeente, Provincie, Regio, User
from .scope import gebruiker_scope_filter, may_manage_scope
from .services import gebruiker_rechten_toepassen

BUITEN_BEREIK = (
    "U beheert alleen gebruikers van provincie {provincie}: kies een gemeente of de "
    "provincie {provincie}."
)
# Rights that only a superuser gives: beheer gets its rights from the role alone.
SUPERUSER_VELDEN = ["is_staff", "is_superuser", "groups", "user_permissions"]


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


class GebruikerForm(forms.ModelForm):
    """A user in /beheer/: refuses a user outside the scope of the beheer user saving it."""

    beheerder = None  # the user saving the form, set by UserAdmin.get_form

    class Meta:
        model = User
        # No password: nobody sets or sees another user's password in /beheer/.
        fields = [
            "username",
            *["first_name", "last_name", "email", "rol", "gemeente", "provincie"],
            *["is_active", *SUPERUSER_VELDEN, "last_login", "date_joined"],
        ]
        field_classes = {"username": UsernameField}

    def clean(self):
        cleaned = super().clean()
        gemeente, provincie = cleaned.get("gemeente"), cleaned.get("provincie")
        scope = gemeente.provincie_id if gemeente else getattr(provincie, "pk", None)
        if self.beheerder is not None and not may_manage_scope(self.beheerder, scope):
            eigen = self.beheerder.provincie
            raise forms.ValidationError(BUITEN_BEREIK.format(provincie=eigen))
        return cleaned


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "rol", "gemeente", "provincie", "is_active"]
    list_filter = ["rol", "is_active", "provincie"]
    fieldsets = [
        (None, {"fields": ["username"]}),
        ("Persoonlijke gegevens", {"fields": ["first_name", "last_name", "email"]}),
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
        ("Rechten", {"fields": ["is_active", *SUPERUSER_VELDEN]}),
        ("Belangrijke datums", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
    ]

    form = GebruikerForm

    def get_queryset(self, request):
        return gebruiker_scope_filter(super().get_queryset(request), request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "last_login", "date_joined"]
        if not request.user.is_superuser:
            readonly += SUPERUSER_VELDEN
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.beheerder = request.user
        return form

    def save_related(self, request, form, formsets, change):
        # After the form's groups are saved, so that the role decides the beheer rights.
        super().save_related(request, form, formsets, change)
        gebruiker_rechten_toepassen(user=form.instance)
