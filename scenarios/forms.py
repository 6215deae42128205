"""The scenario's forms: its name and peildatum, and one form per kind of change.

Each change form is bound to an unsaved row of its scenario; the service validates it
again with the scenario locked (scenarios.services). Only the province's own
initiatives, locations and gemeenten are offered.
"""

from django import forms

from gemeenten.models import Gemeente
from opvang.constants import AFGESLOTEN_STATUSSEN, Status
from opvang.models import Cyclus, Locatie

from .models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen

KIES_UIT_LIJST = "Kies een locatie uit de lijst."
KIES_GEMEENTE = "Kies een gemeente uit de lijst."
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LocatieKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        bereik = f"{obj.plekken}–{obj.plekken_max}" if obj.plekken_max else f"{obj.plekken}"
        return f"{obj.gemeente.naam}: {obj.naam} ({bereik} plekken, {obj.get_status_display()})"


class ScenarioForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["naam", "cyclus", "peildatum", "toelichting"]
        widgets = {
            "peildatum": DATUM,
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, provincie, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.provincie = provincie
        self.fields["cyclus"].queryset = Cyclus.objects.order_by("nummer")
        self.fields["cyclus"].empty_label = None
        self.fields["cyclus"].label_from_instance = lambda c: f"cyclus {c.nummer}"


def _keuze(label):
    return LocatieKeuze(
        queryset=Locatie.objects.none(),
        label=label,
        error_messages={"invalid_choice": KIES_UIT_LIJST},
    )


class WijzigingForm(forms.ModelForm):
    """A change of the scenario: bound to an unsaved row of it; choices from its province."""

    def __init__(self, *args, scenario, **kwargs):
        super().__init__(*args, instance=self._meta.model(scenario=scenario), **kwargs)
        if "locatie" in self.fields:
            locaties = Locatie.objects.filter(gemeente__provincie=scenario.provincie)
            self.fields["locatie"].queryset = self.keuzes(locaties.select_related("gemeente"))
        if "gemeente" in self.fields:
            gemeenten = Gemeente.objects.filter(provincie=scenario.provincie).order_by("naam")
            self.fields["gemeente"].queryset = gemeenten
            self.fields["gemeente"].error_messages["invalid_choice"] = KIES_GEMEENTE

    def keuzes(self, locaties):
        return locaties


class BesluitForm(WijzigingForm):
    locatie = _keuze("Initiatief (planvoorraad)")

    class Meta:
        model = ScenarioBesluit
        fields = ["locatie", "telt_als", "aantal", "vanaf"]
        widgets = {"telt_als": forms.RadioSelect, "vanaf": DATUM}

    def keuzes(self, locaties):
        return locaties.filter(status=Status.IN_VOORBEREIDING)


class HypothetischeLocatieForm(WijzigingForm):
    class Meta:
        model = ScenarioLocatie
        fields = ["gemeente", "naam", "soort", "plekken", "amv_plekken", "vanaf", "tot"]
        widgets = {"vanaf": DATUM, "tot": DATUM}


class VervallenForm(WijzigingForm):
    locatie = _keuze("Locatie die vervalt")

    class Meta:
        model = ScenarioVervallen
        fields = ["locatie"]

    def keuzes(self, locaties):
        return locaties.exclude(status__in=AFGESLOTEN_STATUSSEN)


WIJZIGING_FORMS = {
    "besluit": BesluitForm,
    "locatie": HypothetischeLocatieForm,
    "vervallen": VervallenForm,
}
