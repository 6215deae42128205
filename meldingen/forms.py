from django import forms

from .services import lees_dagen


class VoorkeurForm(forms.Form):
    herinneringen = forms.BooleanField(
        label="Herinneringen per e-mail ontvangen",
        required=False,
        help_text=(
            "Herinneringen vóór de deadline en de melding dat de deadline verstreken is. "
            "Meldingen over het terugsturen of accepteren van een indiening en over een "
            "vastgesteld document krijgt u altijd."
        ),
    )


class HerinneringenForm(forms.Form):
    dagen = forms.CharField(
        label="Herinneringen, in dagen vóór de deadline",
        max_length=40,
        help_text="Bijvoorbeeld ‘7, 2’: zeven en twee dagen vóór de deadline. Leeg: geen.",
        required=False,
    )

    def clean_dagen(self):
        return lees_dagen(self.cleaned_data["dagen"])
