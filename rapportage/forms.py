"""The choice of report on the dashboard: cycle, peildatum and source, from the URL."""

from django import forms

from kern.forms import PlausibleDateField

from .selectors import BRON_ACTUEEL, BRON_AKKOORD


class RapportKeuzeForm(forms.Form):
    """Bound to request.GET; a missing cycle is the one kies_cyclus() picks."""

    cyclus = forms.TypedChoiceField(coerce=int, label="Cyclus")
    peildatum = PlausibleDateField(
        label="Peildatum",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Voor de huidige capaciteit; leeg is vandaag.",
    )
    bron = forms.ChoiceField(
        label="Bron",
        choices=[
            (BRON_ACTUEEL, "actueel: de geregistreerde locaties nu"),
            (BRON_AKKOORD, "akkoord: de laatste geaccepteerde indiening per gemeente"),
        ],
        required=False,
    )

    def __init__(self, data, *, cycli, standaard_cyclus):
        data = data.copy()
        if not data.get("cyclus") and standaard_cyclus is not None:
            data["cyclus"] = standaard_cyclus.nummer
        super().__init__(data)
        self.cycli = {c.nummer: c for c in cycli}
        self.fields["cyclus"].choices = [(n, f"cyclus {n}") for n in self.cycli]

    def clean_bron(self):
        return self.cleaned_data["bron"] or BRON_ACTUEEL

    def rapport_kwargs(self):
        """Return the keyword arguments of verslag_rapport() for the valid form."""
        return {
            "cyclus": self.cycli[self.cleaned_data["cyclus"]],
            "peildatum": self.cleaned_data["peildatum"],
            "bron": self.cleaned_data["bron"],
        }
