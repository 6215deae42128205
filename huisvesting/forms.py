"""Forms of the gemeente page: a month's count, a housing measure, an IBT step."""

from __future__ import annotations

import re
from datetime import date, datetime

from django import forms

from kern.forms import WholeNumberField

from .constants import Bron, IbtStapSoort
from .models import Halfjaar, IbtStap, Instelling, Maatregel
from .services import MAATREGEL_VELDEN

MAAND_ONLEESBAAR = "Vul de maand in als jaar-maand (2025-07) of als datum (1-7-2025)."
MAAND_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
DATUM_RE = re.compile(r"^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def lees_maand(waarde):
    """Return the first day of the month in waarde (2025-07, 1-7-2025, 2025-07-01, a date)."""
    if isinstance(waarde, datetime):
        waarde = waarde.date()
    if isinstance(waarde, date):
        return waarde.replace(day=1)
    tekst = str(waarde or "")
    try:
        if m := MAAND_RE.match(tekst):
            return date(int(m[1]), int(m[2]), 1)
        if m := DATUM_RE.match(tekst):
            return date(int(m[3]), int(m[2]), 1)
        return date.fromisoformat(tekst.strip()).replace(day=1)
    except ValueError:
        raise forms.ValidationError(MAAND_ONLEESBAAR) from None


class MaandField(forms.CharField):
    widget = forms.TextInput(attrs={"placeholder": "2025-07", "inputmode": "numeric"})

    def to_python(self, value):
        value = super().to_python(value)
        return lees_maand(value) if value else None


class RealisatieForm(forms.Form):
    maand = MaandField(label="Maand", help_text="Bijvoorbeeld 2025-07.")
    gehuisvest = WholeNumberField(label="Gehuisvest (personen)", min_value=None)
    bron = forms.ChoiceField(label="Bron", choices=Bron.choices, initial=Bron.GEMEENTE)


class MaatregelForm(forms.ModelForm):
    class Meta:
        model = Maatregel
        fields = list(MAATREGEL_VELDEN)
        widgets = {"verwacht_op": DateInput(), "toelichting": forms.Textarea(attrs={"rows": 3})}


class IbtStapForm(forms.ModelForm):
    halfjaar = forms.ModelChoiceField(
        queryset=Halfjaar.objects.order_by("begin"), required=False, to_field_name="code"
    )

    class Meta:
        model = IbtStap
        fields = ["stap", "datum", "halfjaar", "reden", "notitie"]
        widgets = {
            "datum": DateInput(),
            "reden": forms.Textarea(attrs={"rows": 3}),
            "notitie": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stap"].choices = IbtStapSoort.choices


class InstellingForm(forms.ModelForm):
    class Meta:
        model = Instelling
        fields = ["telbron", "drempel_op_schema", "drempel_enigszins_achter"]
