"""One's own password: setting it with a link, asking for a link, changing it; logging out.

Django's password views with our templates (templates/registration/). Beheer's
invitation and "wachtwoord vergeten" mail the same link (accounts.services), so one
page sets a password from either.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from gemeenten.constants import Gebeurtenis

from .services import rechtenwijziging_vastleggen, wachtwoord_vergeten


class WachtwoordInstellenView(auth_views.PasswordResetConfirmView):
    """Set a password from a link (registration/password_reset_confirm.html)."""

    success_url = reverse_lazy("wachtwoord_ingesteld")

    def form_valid(self, form):
        response = super().form_valid(form)
        rechtenwijziging_vastleggen(
            gebruiker=form.user,
            gebeurtenis=Gebeurtenis.WACHTWOORD_INGESTELD,
            door=form.user,
            request=self.request,
        )
        return response


class WachtwoordIngesteldView(auth_views.PasswordResetCompleteView):
    """Say the password is set (registration/password_reset_complete.html)."""


class WachtwoordVergetenForm(forms.Form):
    email = forms.EmailField(
        label="Uw e-mailadres",
        max_length=254,
        help_text="Het adres waarop u e-mail van het Opvangregister ontvangt.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


@method_decorator(sensitive_post_parameters("email"), name="dispatch")
class WachtwoordVergetenView(FormView):
    """Ask for a link to set a new password; the answer never reveals an account."""

    template_name = "registration/wachtwoord_vergeten.html"
    form_class = WachtwoordVergetenForm
    success_url = reverse_lazy("wachtwoord_vergeten_verstuurd")

    def form_valid(self, form):
        wachtwoord_vergeten(email=form.cleaned_data["email"], request=self.request)
        return super().form_valid(form)


class WachtwoordVergetenVerstuurdView(TemplateView):
    template_name = "registration/wachtwoord_vergeten_verstuurd.html"
    http_method_names = ["get", "head"]
    extra_context = {"uren": settings.PASSWORD_RESET_TIMEOUT // 3600}


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    """Change one's own password (the old one first); the session stays logged in."""

    template_name = "registration/wachtwoord_wijzigen.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        response = super().form_valid(form)
        rechtenwijziging_vastleggen(
            gebruiker=form.user,
            gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD,
            door=form.user,
            request=self.request,
        )
        messages.success(self.request, "Uw wachtwoord is gewijzigd.")
        return response


class UitloggenView(auth_views.LogoutView):
    """Log out (POST only, as Django's view) and say so on the login page."""

    def post(self, request, *args, **kwargs):
        was_ingelogd = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_ingelogd:
            messages.info(request, "U bent uitgelogd.")
        return response
