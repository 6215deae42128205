"""Filtering the report's gemeente rows on the dashboard and in its exports.

django-filter filters querysets; the rows are the report's plain GemeenteRij values
(counted once by verslag_rapport()), so the filter is a small form over that list.
"""

from decimal import Decimal

from django import forms

from opvang.constants import VoortgangStatus

GEEN_UITVRAAG = "geen_uitvraag"

ONDER_50 = "onder_50"
VAN_50_TOT_100 = "50_100"
VANAF_100 = "vanaf_100"
GEEN_OPGAVE = "geen_opgave"
DEKKING_BANDEN = [
    (ONDER_50, "minder dan 50%"),
    (VAN_50_TOT_100, "50% tot 100%"),
    (VANAF_100, "100% of meer"),
    (GEEN_OPGAVE, "geen opgave"),
]


def dekking_band(percentage):
    """Return the band of a dekking percentage (None: no opgave)."""
    if percentage is None:
        return GEEN_OPGAVE
    if percentage < Decimal(50):
        return ONDER_50
    if percentage < Decimal(100):
        return VAN_50_TOT_100
    return VANAF_100


class GemeenteRijFilter(forms.Form):
    """Filter the rows by regio, submission status and dekking band ('' = all)."""

    regio = forms.ChoiceField(label="Regio", required=False)
    status = forms.ChoiceField(
        label="Indiening",
        required=False,
        choices=[("", "alle"), *VoortgangStatus.choices, (GEEN_UITVRAAG, "geen uitvraag")],
    )
    band = forms.ChoiceField(
        label="Dekking", required=False, choices=[("", "alle"), *DEKKING_BANDEN]
    )

    def __init__(self, data, *, rijen):
        super().__init__(data)
        regios = sorted({r.regio for r in rijen if r.regio})
        self.fields["regio"].choices = [("", "alle"), *((r, r) for r in regios)]

    def keuzes(self):
        """Return {field: value} of the valid, non-empty choices; invalid ones are ignored."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}

    def is_actief(self):
        return bool(self.keuzes())

    def omschrijving(self):
        """Return the active filter in words, e.g. 'regio Eemland, dekking: minder dan 50%'."""
        return ", ".join(
            f"{self.fields[k].label.lower()}: {dict(self.fields[k].choices)[v]}"
            for k, v in self.keuzes().items()
        )

    def filter(self, rijen):
        keuzes = self.keuzes()
        return [r for r in rijen if _past(r, keuzes)]


def _past(rij, keuzes):
    waarden = {
        "regio": rij.regio,
        "status": rij.indiening_status or GEEN_UITVRAAG,
        "band": dekking_band(rij.dekking_percentage),
    }
    return all(waarden[k] == v for k, v in keuzes.items())
