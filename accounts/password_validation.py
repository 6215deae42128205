"""Password rules in Dutch."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length, with its error in Dutch.

    Django 5.2.19 changed the error's message id, and its Dutch catalog has only the
    old one, so the error would be shown in English.
    """

    def get_error_message(self):
        return f"Dit wachtwoord is te kort. De minimale lengte is {self.min_length} tekens."
