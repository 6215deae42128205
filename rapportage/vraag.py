"""RapportVraag: which report is asked for, parsed once from a URL or from CLI flags.

The dashboard, its CSV and XLSX, the JSON export, the documents pages and `manage.py
verslag` all bind RapportVraagForm and count `vraag.rapport()`. It builds on
opvang.vraag.CyclusKeuzeForm (the gemeente page's parser), so the defaults and the
Dutch errors are the same everywhere: the cycle kies_cyclus() picks, today, actueel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django import forms

from gemeenten.models import Provincie
from opvang.models import Cyclus
from opvang.vraag import CyclusKeuzeForm

from . import cache, rijcache
from .selectors import (
    BRON_ACTUEEL,
    BRON_AKKOORD,
    ONBEKENDE_BRON,
    Rapport,
    gemeente_rijen,
    verslag_rapport,
)

BRON_KEUZES = [
    (BRON_ACTUEEL, "actueel: de geregistreerde locaties nu"),
    (BRON_AKKOORD, "akkoord: de laatste geaccepteerde indiening per gemeente"),
]


@dataclass(frozen=True)
class RapportVraag:
    """A province's report in a cycle, counted on a peildatum from a source."""

    provincie: Provincie
    cyclus: Cyclus
    peildatum: date
    bron: str

    @cached_property
    def versies(self):
        """The province's data versions of now, read once (kern.dataversie.Dataversies)."""
        return cache.versies(self.provincie)

    @cached_property
    def sleutel(self) -> str:
        """The cache key of this report at the data version of now (rapportage.cache)."""
        return cache.sleutel(self, self.versies.versie())

    @cached_property
    def delen_sleutel(self) -> str:
        """The cache key of the plan parts' figures (ontheemden, huisvesting) of now."""
        return cache.delen_sleutel(self, self.versies.versie(cache.DELEN_ZONDER))

    def rapport(self, *, met_locaties=True) -> Rapport:
        """Return the report, computed once per data version (rapportage.cache).

        met_locaties=False: the same figures without each row's locations, which the
        dashboard and the JSON export do not show (it is faster to count and cache).
        """
        onderdeel = "rapport" if met_locaties else "cijfers"
        return cache.bewaard(
            self.sleutel,
            onderdeel,
            lambda: self.tel(met_locaties=met_locaties, tel_rijen=rijcache.teller(self.versies)),
        )

    def tel(self, *, met_locaties=True, tel_rijen=gemeente_rijen) -> Rapport:
        """Return the report counted now, past the cache (tel_rijen: verslag_rapport)."""
        return verslag_rapport(
            provincie=self.provincie,
            cyclus=self.cyclus,
            peildatum=self.peildatum,
            bron=self.bron,
            met_locaties=met_locaties,
            tel_rijen=tel_rijen,
        )


class RapportVraagForm(CyclusKeuzeForm):
    """Cycle, peildatum and source; a missing source is actueel (what is registered now)."""

    bron = forms.ChoiceField(
        label="Bron",
        choices=BRON_KEUZES,
        required=False,
        error_messages={"invalid_choice": ONBEKENDE_BRON},
    )

    def __init__(self, data, *, provincie, user=None, cyclus=None):
        super().__init__(data, user=user, cyclus=cyclus)
        self.provincie = provincie

    def clean_bron(self):
        return self.cleaned_data["bron"] or BRON_ACTUEEL

    def vraag(self) -> RapportVraag:
        """Return the RapportVraag of the valid form."""
        return RapportVraag(provincie=self.provincie, **self.cleaned_data)

    def standaard_vraag(self) -> RapportVraag:
        """Return what an empty query string asks for, to offer after an invalid choice."""
        leeg = type(self)({}, provincie=self.provincie, user=self.user, cyclus=self.vaste_cyclus)
        leeg.is_valid()
        return leeg.vraag()
