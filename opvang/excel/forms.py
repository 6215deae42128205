"""The upload form of the uitvraag import."""

from django import forms
from django.core.exceptions import ValidationError

from kern.constraints import check_in_geheugen
from kern.forms import CleanTextField, PlausibleDateField

from ..constants import Grondslag
from ..forms import NAAM_BESTAAT, DateInput, LocatieForm
from ..models import Cyclus
from ..models.verdeelbesluit import BESLUIT_GRONDSLAGEN
from ..velden import fouten_per_veld


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


class ImportLocatieForm(LocatieForm):
    """LocatieForm for one row of a workbook, checked in memory instead of per query.

    The names of the scope's locations come from the import, which holds them all
    (namen: {(gemeente_id, lower-case name): pk}); the check constraints are evaluated
    in memory (kern.constraints), with the same messages on the same fields. The rules
    are the model's and the web form's: only where they are looked up differs.
    """

    def __init__(self, *args, namen, **kwargs):
        super().__init__(*args, **kwargs)
        self.namen = namen
        # The instance is this row's own (a new one, or a copy of the existing one).
        self.instance.validate_constraints = self._constraints_in_geheugen

    def clean_naam(self):
        naam = self.cleaned_data["naam"]
        ander = self.namen.get((self.gemeente.pk, naam.lower()))
        if ander is not None and ander != self.instance.pk:
            raise forms.ValidationError(NAAM_BESTAAT.format(naam=naam))
        return naam

    def validate_unique(self):
        """Skip: the only unique field is the primary key; clean_naam checks the names."""

    def _constraints_in_geheugen(self, exclude=None):
        try:
            check_in_geheugen(self.instance, exclude)
        except ValidationError as exc:
            raise ValidationError(fouten_per_veld(exc, self.instance)) from None


class VerdeelbesluitForm(ImportForm):
    """Beheer loads a verdeelbesluit or restopgave: the workbook and the decision's data."""

    cyclus = forms.ModelChoiceField(label="Cyclus", queryset=Cyclus.objects.all(), empty_label=None)
    grondslag = forms.ChoiceField(
        label="Soort besluit",
        choices=BESLUIT_GRONDSLAGEN,
        initial=Grondslag.VERDEELBESLUIT,
        help_text="Het verdeelbesluit van de minister, of een latere restopgave.",
    )
    kenmerk = CleanTextField(
        label="Kenmerk", max_length=100, help_text="Het kenmerk van het besluit."
    )
    datum = PlausibleDateField(
        label="Datum van het besluit",
        widget=DateInput(),
        help_text="De nieuwe versies van de opgaven krijgen deze datum.",
    )
    titel = CleanTextField(
        label="Titel of omschrijving",
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld de titel van de brief van de minister (optioneel).",
    )
