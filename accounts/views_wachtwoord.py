"""Setting one's own password with a link: the pages behind every link beheer sends.

Django's password-reset views with our templates (templates/registration/): a later
"wachtwoord vergeten" page only has to mail a link to the same pages.
"""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from gemeenten.constants import Gebeurtenis

from .services import rechtenwijziging_vastleggen


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
