"""The beheer screens of accounts: users, their rights changes and second factors.

Every admin goes through ScopedAdminMixin (gemeenten/admin_scope.py), also those of
django-otp, django-axes and auth's groups, which are registered here again for that
(so accounts comes after them in INSTALLED_APPS).
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UsernameField
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin as BaseStaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as BaseTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.admin_scope import ScopedAdminMixin
from gemeenten.models import Rechtenwijziging, User
from gemeenten.scope import gebruiker_scope_filter, may_manage_scope

from .beheer_nl import recht_label
from .services import (
    gebruiker_rechten,
    gebruiker_rechten_toepassen,
    gebruiker_wijzigingen_vastleggen,
    tweede_factor_verwijderen,
    wachtwoordlink_versturen,
)

OnlyRelated = admin.RelatedOnlyFieldListFilter

admin.site.site_header = "Opvangregister · beheer"
admin.site.site_title = "Opvangregister beheer"
admin.site.index_title = "Beheer"

BUITEN_BEREIK = (
    "U beheert alleen gebruikers van provincie {provincie}: kies een gemeente of de "
    "provincie {provincie}."
)
EMAIL_HULPTEKST = "Hierheen gaat de link waarmee de gebruiker zelf een wachtwoord instelt."
# Rights that only a superuser gives: beheer gets its rights from the role alone.
SUPERUSER_VELDEN = ["is_staff", "is_superuser", "groups", "user_permissions"]


class RechtLabelsMixin:
    """Rights in Dutch in the choice of a group's or a user's rights (beheer_nl)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            formfield.label_from_instance = recht_label
        return formfield


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


class GebruikerAanmakenForm(GebruikerForm):
    """A new user: no password, but an e-mail address to send the set-password link to."""

    class Meta(GebruikerForm.Meta):
        fields = ["username", "first_name", "last_name", "email", "rol", "gemeente", "provincie"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = EMAIL_HULPTEKST


@admin.register(User)
class UserAdmin(RechtLabelsMixin, ScopedAdminMixin, BaseUserAdmin):
    list_display = ["username", "get_full_name", "rol", "gemeente", "provincie", "is_active"]
    list_filter = ["rol", "is_active", ("provincie", OnlyRelated)]
    fieldsets = [
        (None, {"fields": ["username"]}),
        ("Persoonlijke gegevens", {"fields": ["first_name", "last_name", "email"]}),
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
        ("Rechten", {"fields": ["is_active", *SUPERUSER_VELDEN]}),
        ("Belangrijke datums", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "email"]}),
        ("Persoonlijke gegevens", {"fields": ["first_name", "last_name"]}),
        ("Rol en bereik", {"fields": ["rol", "gemeente", "provincie"]}),
    ]
    form = GebruikerForm
    add_form = GebruikerAanmakenForm
    add_form_template = None  # Django's asks for a password
    actions = ["wachtwoordlink_sturen"]

    def get_urls(self):
        # No page sets another user's password: they get a link to set it themselves.
        urls = super().get_urls()
        return [url for url in urls if url.name != "auth_user_password_change"]

    def scope_queryset(self, qs, user):
        return gebruiker_scope_filter(qs, user)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "last_login", "date_joined"]
        if not request.user.is_superuser:
            # The e-mail address receives the set-password link: changing it would
            # let beheer take the account over.
            readonly += [*SUPERUSER_VELDEN, *(["email"] if obj else [])]
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.beheerder = request.user
        return form

    def save_model(self, request, obj, form, change):
        # What the user's rights were, to record what this save changes (save_related).
        obj._rechten_voor = gebruiker_rechten(User.objects.get(pk=obj.pk)) if change else None
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # After the form's groups are saved, so that the role decides the beheer rights.
        super().save_related(request, form, formsets, change)
        gebruiker_rechten_toepassen(user=form.instance)
        gebruiker_wijzigingen_vastleggen(
            gebruiker=form.instance, voor=form.instance._rechten_voor, request=request
        )
        if not change and wachtwoordlink_versturen(user=form.instance, request=request):
            self.message_user(
                request,
                f"Link om het wachtwoord in te stellen verstuurd naar {form.instance.email}.",
            )

    @admin.action(description="Stuur link om wachtwoord in te stellen", permissions=["change"])
    def wachtwoordlink_sturen(self, request, queryset):
        users = list(queryset)
        verstuurd = sum(wachtwoordlink_versturen(user=user, request=request) for user in users)
        self.message_user(
            request, f"Link om het wachtwoord in te stellen verstuurd naar {gebruikers(verstuurd)}."
        )
        if overgeslagen := len(users) - verstuurd:
            self.message_user(
                request,
                f"{gebruikers(overgeslagen)} zonder e-mailadres of niet actief "
                f"{'kreeg' if overgeslagen == 1 else 'kregen'} geen link.",
                messages.WARNING,
            )


def gebruikers(aantal):
    return f"{aantal} gebruiker{'' if aantal == 1 else 's'}"


@admin.register(Rechtenwijziging)
class RechtenwijzigingAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """The trail of rights changes: read-only for everyone, for beheer within its scope."""

    list_display = ["op", "gebeurtenis", "gebruiker", "door", "ip_address"]
    list_filter = ["gebeurtenis"]
    search_fields = ["gebruiker__username", "door__username"]
    fields = ["op", "gebeurtenis", "gebruiker", "oud", "nieuw", "door", "ip_address"]
    readonly_fields = fields

    def scope_queryset(self, qs, user):
        return qs.for_user(user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AccountScopeMixin(ScopedAdminMixin):
    """Show a user's second factors only to those who manage the user; record removals."""

    def scope_queryset(self, qs, user):
        return gebruiker_scope_filter(qs, user, path="user")

    def delete_model(self, request, obj):
        tweede_factor_verwijderen(device=obj, request=request)

    def delete_queryset(self, request, queryset):
        for device in queryset.select_related("user"):
            tweede_factor_verwijderen(device=device, request=request)


def met_titel(filter_class, titel):
    """Return filter_class with a Dutch title (a list filter takes the field's name)."""

    class Filter(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = titel

    return Filter


class TweedeFactorWeergaveMixin:
    """A second factor in Dutch and read-only: beheer looks at it or removes it.

    The user enrols an app or backup codes themself at login (accounts.views); no
    screen creates, edits or shows a key or a code.
    """

    VELDEN = ["gebruiker", "naam", "aangemaakt", "laatst_gebruikt", "bevestigd"]
    list_display = VELDEN
    readonly_fields = VELDEN
    radio_fields = {}
    list_filter = [
        ("created_at", met_titel(admin.DateFieldListFilter, "aangemaakt op")),
        ("last_used_at", met_titel(admin.DateFieldListFilter, "laatst gebruikt op")),
        ("confirmed", met_titel(admin.BooleanFieldListFilter, "bevestigd")),
    ]
    search_help_text = "Zoek op de gebruikersnaam of het e-mailadres van de gebruiker."

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": self.VELDEN})]

    def get_inline_instances(self, request, obj=None):
        return []  # the backup codes themselves are secrets

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Gebruiker", ordering="user__username")
    def gebruiker(self, obj):
        return obj.user

    @admin.display(description="Naam")
    def naam(self, obj):
        return obj.name

    @admin.display(description="Aangemaakt op", ordering="created_at")
    def aangemaakt(self, obj):
        return obj.created_at

    @admin.display(description="Laatst gebruikt op", ordering="last_used_at")
    def laatst_gebruikt(self, obj):
        return obj.last_used_at

    @admin.display(description="Bevestigd", boolean=True)
    def bevestigd(self, obj):
        return obj.confirmed


class TOTPDeviceAdmin(AccountScopeMixin, TweedeFactorWeergaveMixin, BaseTOTPDeviceAdmin):
    pass


class StaticDeviceAdmin(AccountScopeMixin, TweedeFactorWeergaveMixin, BaseStaticDeviceAdmin):
    pass


class LoginRecordScopeMixin(ScopedAdminMixin):
    """Show login attempts (by username) only of the users one manages."""

    def scope_queryset(self, qs, user):
        usernames = gebruiker_scope_filter(User.objects.all(), user).values("username")
        return qs.filter(username__in=usernames)


class ScopedAccessAttemptAdmin(LoginRecordScopeMixin, AccessAttemptAdmin):
    pass


class ScopedAccessLogAdmin(LoginRecordScopeMixin, AccessLogAdmin):
    pass


class ScopedAccessFailureLogAdmin(LoginRecordScopeMixin, AccessFailureLogAdmin):
    pass


class GroupAdmin(RechtLabelsMixin, ScopedAdminMixin, BaseGroupAdmin):
    """Groups hold rights: superusers only."""

    def scope_queryset(self, qs, user):
        return qs.none()


for model, model_admin in [
    (TOTPDevice, TOTPDeviceAdmin),
    (StaticDevice, StaticDeviceAdmin),
    (AccessAttempt, ScopedAccessAttemptAdmin),
    (AccessLog, ScopedAccessLogAdmin),
    (AccessFailureLog, ScopedAccessFailureLogAdmin),
    (Group, GroupAdmin),
]:
    if admin.site.is_registered(model):  # axes registers its admins only if enabled
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
