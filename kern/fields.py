"""Model fields that carry the ground floor's rules into every ModelForm and full_clean().

They change behaviour only, never the schema: each deconstructs as the Django field it
extends, so adopting one needs no migration. (A changed field path or a TextField's
max_length would make Django rebuild the table on SQLite, which drops the append-only
triggers of a history table.) The admin's forms, the app's forms and the Excel import
(through LocatieForm) all validate through them, and the services call full_clean().
Text is cleaned when it is validated (Field.clean), not on save: code that saves
without validating (fixtures, tests) stores what it is given.
"""

from __future__ import annotations

from django.db import models

from . import dates, forms, text


class _CleanTextMixin:
    multiline = False
    base_path = ""

    def _init_validators(self):
        self.validators[:] = forms.text_validators(self.validators, self.max_length, self.multiline)

    def clean(self, value, model_instance):
        # Not in to_python(): CharField also calls that on every save and lookup.
        if isinstance(value, str):
            value = text.normalize(value, multiline=self.multiline)
        return super().clean(value, model_instance)

    def formfield(self, **kwargs):
        if self.choices is not None:
            return super().formfield(**kwargs)
        return super().formfield(
            **{"form_class": forms.CleanTextField, "multiline": self.multiline, **kwargs}
        )

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, self.base_path, args, kwargs


class CleanCharField(_CleanTextMixin, models.CharField):
    """A CharField of one line (a name): normalised, no control characters, Dutch limit."""

    base_path = "django.db.models.CharField"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_validators()


class CleanTextField(_CleanTextMixin, models.TextField):
    """A TextField of free text: normalised per line, no control characters, a length limit.

    Django enforces a TextField's max_length only in forms; here full_clean() does too.
    The limit is left out of deconstruct(): it is no part of the schema.
    """

    multiline = True
    base_path = "django.db.models.TextField"

    def __init__(self, *args, max_length=text.MAX_TOELICHTING, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self._init_validators()

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs


class PlausibleDateField(models.DateField):
    """A DateField refusing dates outside kern.dates' range (DATUM_BUITEN_BEREIK)."""

    default_validators = [dates.validate_plausible_date]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.PlausibleDateField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateField", args, kwargs


class PositiveWholeNumberField(models.PositiveIntegerField):
    """A PositiveIntegerField whose forms read Dutch notation (kern.numbers): 1.000 is 1000."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.WholeNumberField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.PositiveIntegerField", args, kwargs
