from django import forms
from django.utils import timezone

from kern.forms import CleanTextField, PlausibleDateField
from kern.text import MAX_TOELICHTING

from .constants import Status
from .models import Locatie, Uitvraag
from .services import OPMERKING_VERPLICHT
from .velden import DATUM, LOCATIE_VELDEN, TOT_VOOR_VANAF, VELDNAMEN

NAAM_BESTAAT = "Uw gemeente heeft al een locatie met de naam ‘{naam}’."
MAX_ALLEEN_INITIATIEF = (
    "Een maximum aantal plekken geldt alleen voor initiatieven in voorbereiding."
)
EINDDATUM_VERPLICHT = "Vul de laatste dag in waarop de locatie in gebruik was."
DEADLINE_VERSTREKEN = "De deadline ligt in het verleden. Kies vandaag of een latere datum."
SLUITEN_NIET_BEVESTIGD = (
    "Vink aan dat u de uitvraag wilt sluiten. Sluiten kan niet ongedaan worden gemaakt."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LocatieForm(forms.ModelForm):
    """Add or change a location; also validates every row of an imported workbook.

    The invariants are the model's constraints, validated with their messages after
    clean() (Locatie.validate_constraints); a field that already has an error is left out
    of them, so each field shows one message.
    """

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
        status = data.get("status")
        if data.get("plekken_max") is not None and status and status != Status.IN_VOORBEREIDING:
            self.add_error("plekken_max", MAX_ALLEEN_INITIATIEF)
        return data


class VersieForm(forms.Form):
    """The version of the location the user started from (optimistic locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


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

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(DEADLINE_VERSTREKEN)
        return deadline


class SluitenForm(forms.Form):
    """Closing an uitvraag cannot be undone: the PRT confirms it explicitly."""

    bevestigd = forms.BooleanField(
        label="Ja, sluit deze uitvraag. Gemeenten kunnen daarna niet meer indienen.",
        error_messages={"required": SLUITEN_NIET_BEVESTIGD},
    )


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opmerking"].soms_verplicht = True  # when returning (help text)

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "terugsturen" and not data.get("opmerking", "").strip():
            self.add_error("opmerking", OPMERKING_VERPLICHT)
        return data
