"""The upload form of the uitvraag import."""

from django import forms

from kern.forms import CleanTextField

from ..constants import Grondslag
from ..models import Cyclus


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Excel-bestand (.xlsx)",
        help_text="Het ingevulde sjabloon; maximaal {mb} MB.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, max_mb, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = self.fields["bestand"].help_text.format(mb=max_mb)


class ProvincieImportForm(ImportForm):
    """PRT and beheer also load targets (tabblad Opgave) for a chosen cycle."""

    cyclus = forms.ModelChoiceField(
        label="Cyclus",
        queryset=Cyclus.objects.all(),
        empty_label=None,
        help_text="Voor de opgaven op het tabblad ‘Opgave’.",
    )
    opgave_grondslag = forms.ChoiceField(
        label="Soort opgave",
        choices=Grondslag.choices,
        initial=Grondslag.INDICATIEF,
        help_text="Alleen van belang als het bestand een tabblad ‘Opgave’ heeft.",
    )
    bron = CleanTextField(
        label="Bron van de opgaven",
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld de brief van de minister; leeg is de bestandsnaam.",
    )
