from django import forms

from kern.forms import CleanTextField, PlausibleDateField
from kern.text import MAX_TOELICHTING

from .constants import ZEKERE_STATUSSEN, Status
from .models import Locatie, Uitvraag
from .services import OPMERKING_VERPLICHT
from .velden import DATUM, LOCATIE_VELDEN, VELDNAMEN

NAAM_BESTAAT = "Uw gemeente heeft al een locatie met de naam ‘{naam}’."
AMV_TE_GROOT = "Het aantal AMV-plekken ({amv}) is groter dan het aantal plekken ({plekken})."
MAX_TE_KLEIN = "Het maximum ({max}) is kleiner dan het minimum aantal plekken ({plekken})."
MAX_ALLEEN_INITIATIEF = (
    "Een maximum aantal plekken geldt alleen voor initiatieven in voorbereiding."
)
VANAF_VERPLICHT = "Vul in vanaf wanneer de plekken beschikbaar zijn (status ‘{status}’)."
TOT_VOOR_VANAF = "‘Beschikbaar tot en met’ ligt vóór ‘beschikbaar vanaf’."
EINDDATUM_VERPLICHT = "Vul de laatste dag in waarop de locatie in gebruik was."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LocatieForm(forms.ModelForm):
    """Add or change a location; also validates every row of an imported workbook."""

    class Meta:
        model = Locatie
        fields = list(VELDNAMEN)
        widgets = {
            **{v.naam: DateInput() for v in LOCATIE_VELDEN if v.type == DATUM},
            "toelichting": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        self.instance.gemeente = gemeente

    def clean_naam(self):
        naam = self.cleaned_data["naam"]  # normalised by the field (kern.text)
        andere = Locatie.objects.filter(gemeente=self.gemeente, naam__iexact=naam)
        if self.instance.pk:
            andere = andere.exclude(pk=self.instance.pk)
        if andere.exists():
            raise forms.ValidationError(NAAM_BESTAAT.format(naam=naam))
        return naam

    def clean(self):
        data = super().clean()
        plekken, amv, pmax = data.get("plekken"), data.get("amv_plekken"), data.get("plekken_max")
        status, vanaf, tot = (
            data.get("status"),
            data.get("beschikbaar_vanaf"),
            data.get("beschikbaar_tot"),
        )
        if plekken is not None and amv is not None and amv > plekken:
            self.add_error("amv_plekken", AMV_TE_GROOT.format(amv=amv, plekken=plekken))
        if pmax is not None and status and status != Status.IN_VOORBEREIDING:
            self.add_error("plekken_max", MAX_ALLEEN_INITIATIEF)
        elif pmax is not None and plekken is not None and pmax < plekken:
            self.add_error("plekken_max", MAX_TE_KLEIN.format(max=pmax, plekken=plekken))
        if status in ZEKERE_STATUSSEN and vanaf is None and "beschikbaar_vanaf" not in self.errors:
            self.add_error("beschikbaar_vanaf", VANAF_VERPLICHT.format(status=Status(status).label))
        if vanaf and tot and tot < vanaf:
            self.add_error("beschikbaar_tot", TOT_VOOR_VANAF)
        return data


class VersieForm(forms.Form):
    """The version of the location the user started from (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AfsluitenForm(forms.Form):
    status = forms.ChoiceField(
        label="Nieuwe status",
        choices=[
            (Status.BEEINDIGD, "beëindigd: de locatie is gesloten"),
            (Status.VERVALLEN, "vervallen: het initiatief gaat niet door"),
        ],
        widget=forms.RadioSelect,
    )
    beschikbaar_tot = PlausibleDateField(
        label="Laatste dag in gebruik",
        required=False,
        widget=DateInput(),
        help_text="Verplicht bij ‘beëindigd’.",
    )
    reden = CleanTextField(label="Reden", max_length=200)

    def __init__(self, *args, locatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.locatie = locatie

    def clean(self):
        data = super().clean()
        tot = data.get("beschikbaar_tot")
        onleesbaar = "beschikbaar_tot" in self.errors  # already says why
        if data.get("status") == Status.BEEINDIGD and tot is None and not onleesbaar:
            self.add_error("beschikbaar_tot", EINDDATUM_VERPLICHT)
        vanaf = self.locatie.beschikbaar_vanaf
        if tot and vanaf and tot < vanaf:
            self.add_error("beschikbaar_tot", TOT_VOOR_VANAF)
        return data


class UitvraagForm(forms.ModelForm):
    class Meta:
        model = Uitvraag
        fields = ["cyclus", "deadline", "bericht"]
        widgets = {"deadline": DateInput(), "bericht": forms.Textarea(attrs={"rows": 4})}


class BeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("akkoord", "Akkoord"), ("terugsturen", "Terugsturen met opmerking")],
        widget=forms.RadioSelect,
    )
    opmerking = CleanTextField(
        label="Opmerking",
        required=False,
        multiline=True,
        max_length=MAX_TOELICHTING,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij terugsturen; de gemeente ziet deze opmerking.",
    )

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "terugsturen" and not data.get("opmerking", "").strip():
            self.add_error("opmerking", OPMERKING_VERPLICHT)
        return data
