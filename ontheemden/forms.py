from django import forms

from kern.forms import CleanTextField, PlausibleDateField, WholeNumberField

from . import meldingen
from .models import GooLocatie, ParticuliereOpvang
from .services import VELDNAMEN

NAAM_BESTAAT = "Uw gemeente heeft al een GOO-locatie met de naam ‘{naam}’."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class GooLocatieForm(forms.ModelForm):
    """Add or change a GOO location; also validates every row of an imported workbook."""

    class Meta:
        model = GooLocatie
        fields = list(VELDNAMEN)
        widgets = {
            "beschikbaar_vanaf": DateInput(),
            "beschikbaar_tot": DateInput(),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        self.instance.gemeente = gemeente

    def clean_naam(self):
        naam = self.cleaned_data["naam"]
        andere = GooLocatie.objects.filter(gemeente=self.gemeente, naam__iexact=naam)
        if self.instance.pk:
            andere = andere.exclude(pk=self.instance.pk)
        if andere.exists():
            raise forms.ValidationError(NAAM_BESTAAT.format(naam=naam))
        return naam


class VersieForm(forms.Form):
    """The version of the location the user started from (optimistic locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class BezettingForm(forms.Form):
    """Occupied beds of one of the gemeente's locations on a peildatum."""

    locatie = forms.ModelChoiceField(label="Locatie", queryset=GooLocatie.objects.none())
    peildatum = PlausibleDateField(label="Peildatum", widget=DateInput())
    bezet = WholeNumberField(label="Bezette bedden")

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = GooLocatie.objects.filter(gemeente=gemeente)

    def clean_bezet(self):
        bezet = self.cleaned_data["bezet"]
        if bezet < 0:
            raise forms.ValidationError(meldingen.NEGATIEF)
        return bezet


class ParticuliereOpvangForm(forms.ModelForm):
    class Meta:
        model = ParticuliereOpvang
        fields = ["peildatum", "aantal", "bron"]
        widgets = {"peildatum": DateInput()}

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.gemeente = gemeente

    def validate_unique(self):
        """A second figure for a date corrects the first (the service), it is no error."""


class StreefgetalForm(forms.Form):
    """A new version of a streefgetal, for a gemeente or a regio of the province."""

    doel = forms.ChoiceField(label="Voor")
    aantal = WholeNumberField(label="Streefgetal (bedden)")
    bron = CleanTextField(label="Bron", max_length=200)
    datum = PlausibleDateField(label="Datum van de bron", widget=DateInput())

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = [(f"gemeente:{g.code}", g.naam) for g in provincie.gemeenten.order_by("naam")]
        regios = [(f"regio:{r.naam}", f"regio {r.naam}") for r in provincie.regios.order_by("naam")]
        self.fields["doel"].choices = [("Gemeenten", gemeenten), ("Regio's", regios)]

    def clean_aantal(self):
        aantal = self.cleaned_data["aantal"]
        if aantal < 0:
            raise forms.ValidationError(meldingen.NEGATIEF)
        return aantal

    def doel_kwargs(self):
        soort, _, waarde = self.cleaned_data["doel"].partition(":")
        return {"gemeente_code": waarde} if soort == "gemeente" else {"regio_naam": waarde}


class PeildatumForm(forms.Form):
    peildatum = PlausibleDateField(label="Peildatum", required=False, widget=DateInput())
