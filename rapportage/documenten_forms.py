from django import forms

from .models import DocumentVersie
from .selectors import BRON_ACTUEEL, BRON_AKKOORD

KENMERK_BESTAAT = "Kenmerk {kenmerk} is al gebruikt voor een ander document van deze provincie."


class VaststellenForm(forms.Form):
    kenmerk = forms.CharField(
        label="Kenmerk", max_length=50, help_text="Het documentnummer, bijvoorbeeld D/24/161337."
    )
    peildatum = forms.DateField(
        label="Peildatum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="De datum waarop de huidige capaciteit wordt geteld.",
    )
    bron = forms.ChoiceField(
        label="Bron van de cijfers",
        choices=[
            (BRON_AKKOORD, "de laatste geaccepteerde indiening van elke gemeente"),
            (BRON_ACTUEEL, "de actuele registratie"),
        ],
        widget=forms.RadioSelect,
    )
    knelpunten = forms.CharField(label="Knelpunten", widget=forms.Textarea(attrs={"rows": 6}))
    vervolg = forms.CharField(label="Vervolg", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        self.provincie = provincie

    def clean_kenmerk(self):
        kenmerk = self.cleaned_data["kenmerk"].strip()
        if DocumentVersie.objects.filter(provincie=self.provincie, kenmerk=kenmerk).exists():
            raise forms.ValidationError(KENMERK_BESTAAT.format(kenmerk=kenmerk))
        return kenmerk
