"""The choice of cycle and peildatum, read once from a query string or from CLI flags.

Every page that counts for a cycle on a day (the gemeente page here, the dashboard,
exports, JSON, documents and `manage.py verslag` through rapportage.vraag) binds this
form: one parser, one set of defaults (the cycle kies_cyclus() picks, today), one set
of Dutch errors. An invalid choice is an error, never silently replaced.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

from kern.forms import PlausibleDateField

from .models import Cyclus, Uitvraag

ONGELDIGE_PEILDATUM = "Ongeldige peildatum: gebruik het formaat JJJJ-MM-DD, zoals 2024-10-15."
ONBEKENDE_CYCLUS = "Onbekende cyclus: %(value)s."


def standaard_cyclus(cycli, user):
    """Return the cycle of the user's open uitvraag, else the latest with a known window."""
    cycli = list(cycli)
    if not cycli:
        return None
    uitvraag = Uitvraag.objects.for_user(user).open().first() if user is not None else None
    if uitvraag:
        return uitvraag.cyclus
    bekend = [c for c in cycli if c.telvenster.is_bekend]
    return (bekend or cycli)[-1]


class PeildatumField(PlausibleDateField):
    """A peildatum written as YYYY-MM-DD within kern.dates' range; empty is today."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Peildatum")
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Voor de huidige capaciteit; leeg is vandaag.")
        super().__init__(
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": ONGELDIGE_PEILDATUM},
            **kwargs,
        )


class CyclusKeuzeForm(forms.Form):
    """Cycle and peildatum; bound to request.GET or to the flags of a command.

    cyclus fixes the cycle (it came from the URL); else a missing one is the cycle
    standaard_cyclus() picks for the user. One query for the cycles (none when the
    cycle is fixed), one for the user's open uitvraag when the cycle is not given.
    """

    cyclus = forms.TypedChoiceField(
        coerce=int, label="Cyclus", error_messages={"invalid_choice": ONBEKENDE_CYCLUS}
    )
    peildatum = PeildatumField()

    def __init__(self, data, *, user=None, cyclus=None):
        self.user, self.vaste_cyclus = user, cyclus
        data = data.copy()
        if cyclus is not None:
            # The URL fixed it: nothing to choose, so no query for the others.
            self.cycli = {cyclus.nummer: cyclus}
            data["cyclus"] = cyclus.nummer
        else:
            self.cycli = {c.nummer: c for c in Cyclus.objects.all()}
        if cyclus is None and not data.get("cyclus"):
            standaard = standaard_cyclus(self.cycli.values(), user)
            if standaard is not None:
                data["cyclus"] = standaard.nummer
        super().__init__(data)
        self.fields["cyclus"].choices = [(n, f"cyclus {n}") for n in self.cycli]

    @property
    def heeft_cycli(self):
        """Whether any cycle exists; before beheer enters one there is nothing to choose."""
        return bool(self.cycli)

    def clean_cyclus(self):
        return self.cycli[self.cleaned_data["cyclus"]]

    def clean_peildatum(self):
        return self.cleaned_data["peildatum"] or timezone.localdate()

    def foutmelding(self):
        """Return every error as one Dutch sentence per error, for JSON and the CLI."""
        return " ".join(str(m) for fout in self.errors.values() for m in fout)
