"""Form fields that apply the ground floor's rules to what users type.

Model fields (kern.fields) return these from formfield(), so every ModelForm (the
app's and the admin's) gets them; plain forms declare them directly.
"""

from __future__ import annotations

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError

from . import dates, numbers, text


class LengthValidator(validators.MaxLengthValidator):
    """A length limit with one Dutch message on every path (web, import, admin)."""

    def __call__(self, value):
        if len(value) > self.limit_value:
            raise ValidationError(
                text.TE_LANG.format(max=self.limit_value, lengte=len(value)), code="max_length"
            )


class ControlCharacterValidator:
    """Refuse text with control characters (STUURTEKENS); newlines only if multiline."""

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        if isinstance(value, str) and text.control_characters(value, multiline=self.multiline):
            raise ValidationError(text.STUURTEKENS, code="control_characters")


def text_validators(field_validators, max_length, multiline):
    """Return a field's validators with Django's length and NUL checks replaced by ours."""
    eigen = [
        v
        for v in field_validators
        if not isinstance(
            v, validators.MaxLengthValidator | validators.ProhibitNullCharactersValidator
        )
    ]
    if max_length is not None:
        eigen.append(LengthValidator(max_length))
    eigen.append(ControlCharacterValidator(multiline))
    return eigen


class CleanTextField(forms.CharField):
    """A CharField normalised by kern.text, refusing control characters, with a Dutch limit."""

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)
        self.validators = text_validators(self.validators, self.max_length, multiline)

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, str):
            return text.normalize(value, multiline=self.multiline)
        return value


class PlausibleDateField(forms.DateField):
    """A DateField that refuses dates outside kern.dates' range, with its one message."""

    default_validators = [dates.validate_plausible_date]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", None) == "date":
            attrs.update(min=dates.EERSTE_DATUM.isoformat(), max=dates.LAATSTE_DATUM.isoformat())
        return attrs


class WholeNumberField(forms.IntegerField):
    """An IntegerField reading Dutch notation: 1000 and 1.000 are a thousand; 1,5 is refused.

    Shown as a text box with a numeric keyboard: a number input would let the browser
    decide what "1.000" means.
    """

    widget = forms.TextInput
    default_error_messages = {"invalid": numbers.GEEN_GEHEEL_GETAL}

    def __init__(self, **kwargs):
        widget = kwargs.get("widget")
        # The admin asks for a number input; a text box reads what the user typed.
        if isinstance(widget, forms.NumberInput) or (
            isinstance(widget, type) and issubclass(widget, forms.NumberInput)
        ):
            kwargs["widget"] = forms.TextInput
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["inputmode"] = "numeric"
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return numbers.parse_whole_number(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
