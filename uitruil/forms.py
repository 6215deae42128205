"""The PRT's form of an uitruil agreement: two gemeenten of the province, the numbers."""

from django import forms

from gemeenten.models import Gemeente
from huisvesting.models import Halfjaar
from opvang.models import Cyclus

from .models import Uitruilafspraak


class AfspraakForm(forms.ModelForm):
    class Meta:
        model = Uitruilafspraak
        fields = [
            "cyclus",
            "gemeente_a",
            "gemeente_b",
            "asiel_plekken",
            "statushouders",
            "halfjaar_van",
            "halfjaar_tot",
            "kenmerk",
            "toelichting",
        ]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.filter(provincie=provincie).order_by("naam")
        self.fields["gemeente_a"].queryset = gemeenten
        self.fields["gemeente_b"].queryset = gemeenten
        self.fields["cyclus"].queryset = Cyclus.objects.all()
        for veld in ("halfjaar_van", "halfjaar_tot"):
            self.fields[veld].queryset = Halfjaar.objects.order_by("begin")
            self.fields[veld].help_text = "Nodig bij een uitruil van statushouders."
            self.fields[veld].soms_verplicht = True


class VervallenForm(forms.Form):
    reden = forms.CharField(
        label="Reden", max_length=80, help_text="Komt in de wijzigingshistorie van de afspraak."
    )
