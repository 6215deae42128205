from django import forms

from kern.forms import CleanTextField, PlausibleDateField
from kern.text import MAX_DOCUMENTTEKST

from .models import DocumentVersie
from .selectors import BRON_ACTUEEL, BRON_AKKOORD

KENMERK_BESTAAT = "Kenmerk {kenmerk} is al gebruikt voor een ander document van deze provincie."
NIET_BEVESTIGD = (
    "Vink aan dat u het document definitief wilt vaststellen; er is nog niets vastgesteld."
)


class VaststellenForm(forms.Form):
    kenmerk = CleanTextField(
        label="Kenmerk", max_length=50, help_text="Het documentnummer, bijvoorbeeld D/24/161337."
    )
    peildatum = PlausibleDateField(
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
    knelpunten = CleanTextField(
        label="Knelpunten",
        multiline=True,
        max_length=MAX_DOCUMENTTEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    vervolg = CleanTextField(
        label="Vervolg",
        multiline=True,
        max_length=MAX_DOCUMENTTEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        self.provincie = provincie

    def clean_kenmerk(self):
        kenmerk = self.cleaned_data["kenmerk"]
        if DocumentVersie.objects.filter(provincie=self.provincie, kenmerk=kenmerk).exists():
            raise forms.ValidationError(KENMERK_BESTAAT.format(kenmerk=kenmerk))
        return kenmerk


class BevestigingForm(forms.Form):
    """The second step of vaststellen: a version can never be changed, so it is confirmed."""

    bevestigd = forms.BooleanField(
        label=(
            "Ja, stel dit document definitief vast. Een vastgestelde versie verandert nooit meer."
        ),
        error_messages={"required": NIET_BEVESTIGD},
    )
