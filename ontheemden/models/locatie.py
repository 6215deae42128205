"""A GOO location and the occupancy of its beds per peildatum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditFields
from kern.dates import DATUM_BUITEN_BEREIK, EERSTE_DATUM, LAATSTE_DATUM
from kern.fields import (
    CleanCharField,
    CleanTextField,
    PlausibleDateField,
    PositiveWholeNumberField,
)
from kern.formatting import short_date
from kern.text import MAX_TOELICHTING

from .. import meldingen
from ..constants import Soort, Status
from ..query import BezettingQuerySet, GooLocatieQuerySet
from ..telling import GooLocatieWaarden

AUDIT_BASES = [AuditFields]


class GooLocatie(AuditedModel):
    """A location of the gemeentelijke opvang ontheemden (GOO), with its beds."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="goo_locaties"
    )
    naam = CleanCharField("naam locatie", max_length=200)
    soort = models.CharField(max_length=30, choices=Soort.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    capaciteit = PositiveWholeNumberField("capaciteit (bedden)")
    beschikbaar_vanaf = PlausibleDateField(
        help_text="Eerste dag waarop de bedden beschikbaar zijn."
    )
    beschikbaar_tot = PlausibleDateField(
        "beschikbaar tot en met",
        null=True,
        blank=True,
        help_text="Laatste dag waarop de bedden beschikbaar zijn; leeg is voor onbepaalde tijd.",
    )
    toelichting = CleanTextField(blank=True, max_length=MAX_TOELICHTING)
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        bases=AUDIT_BASES, excluded_fields=["gewijzigd_op", "aangemaakt_op"]
    )
    objects = GooLocatieQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "GOO-locatie"
        verbose_name_plural = "GOO-locaties"
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                F("gemeente"),
                Lower("naam"),
                name="goo_locatie_naam_uniek_per_gemeente",
                violation_error_message=meldingen.NAAM_BEZET,
            ),
            models.CheckConstraint(
                name="goo_locatie_capaciteit_positief",
                condition=Q(capaciteit__gt=0),
                violation_error_message=meldingen.CAPACITEIT_NUL,
                violation_error_code="capaciteit_nul",
            ),
            models.CheckConstraint(
                name="goo_locatie_tot_niet_voor_vanaf",
                condition=Q(beschikbaar_tot__isnull=True)
                | Q(beschikbaar_tot__gte=F("beschikbaar_vanaf")),
                violation_error_message=meldingen.TOT_VOOR_VANAF,
                violation_error_code="tot_voor_vanaf",
            ),
            models.CheckConstraint(
                name="goo_locatie_beeindigd_heeft_tot",
                condition=~Q(status=Status.BEEINDIGD) | Q(beschikbaar_tot__isnull=False),
                violation_error_message=meldingen.BEEINDIGD_ZONDER_TOT,
                violation_error_code="beeindigd_zonder_tot",
            ),
            models.CheckConstraint(
                name="goo_locatie_vanaf_in_bereik",
                condition=Q(beschikbaar_vanaf__range=(EERSTE_DATUM, LAATSTE_DATUM)),
                violation_error_message=DATUM_BUITEN_BEREIK,
            ),
            models.CheckConstraint(
                name="goo_locatie_tot_in_bereik",
                condition=Q(beschikbaar_tot__isnull=True)
                | Q(beschikbaar_tot__range=(EERSTE_DATUM, LAATSTE_DATUM)),
                violation_error_message=DATUM_BUITEN_BEREIK,
            ),
        ]

    def __str__(self):
        return self.naam

    # The field each check's message belongs on, in forms and in the import.
    VELD_PER_CODE = {
        "capaciteit_nul": "capaciteit",
        "tot_voor_vanaf": "beschikbaar_tot",
        "beeindigd_zonder_tot": "beschikbaar_tot",
    }

    def validate_constraints(self, exclude=None):
        """Validate the constraints; put each check's message on its field."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as exc:
            per_veld = {}
            for veld, fouten in exc.error_dict.items():
                for fout in fouten:
                    per_veld.setdefault(self.VELD_PER_CODE.get(fout.code, veld), []).append(fout)
            raise ValidationError(per_veld) from None

    def waarden(self, bezettingen=()):
        """Return the plain values of the counting rules, with (peildatum, bezet) pairs."""
        return GooLocatieWaarden(
            capaciteit=self.capaciteit,
            vanaf=self.beschikbaar_vanaf,
            tot=self.beschikbaar_tot,
            status=self.status,
            bezettingen=tuple(bezettingen),
        )

    def controleer_bezetting(self, peildatum, bezet):
        """Raise ValidationError unless bezet beds on peildatum fit this location."""
        if bezet is not None and bezet < 0:
            raise ValidationError({"bezet": meldingen.NEGATIEF})
        if bezet is not None and bezet > self.capaciteit:
            raise ValidationError(
                {
                    "bezet": meldingen.BEZETTING_BOVEN_CAPACITEIT.format(
                        bezet=bezet, capaciteit=self.capaciteit
                    )
                }
            )
        if peildatum < self.beschikbaar_vanaf:
            raise ValidationError(
                {
                    "peildatum": meldingen.PEILDATUM_VOOR_VANAF.format(
                        peildatum=short_date(peildatum), vanaf=short_date(self.beschikbaar_vanaf)
                    )
                }
            )
        if self.beschikbaar_tot is not None and peildatum > self.beschikbaar_tot:
            raise ValidationError(
                {
                    "peildatum": meldingen.PEILDATUM_NA_TOT.format(
                        peildatum=short_date(peildatum), tot=short_date(self.beschikbaar_tot)
                    )
                }
            )


class Bezetting(AuditedModel):
    """The occupied beds of a location on a peildatum; a correction keeps its history."""

    locatie = models.ForeignKey(GooLocatie, on_delete=models.PROTECT, related_name="bezettingen")
    peildatum = PlausibleDateField()
    bezet = PositiveWholeNumberField("bezette bedden")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(bases=AUDIT_BASES, excluded_fields=["gewijzigd_op"])
    objects = BezettingQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "bezetting"
        verbose_name_plural = "bezettingen"
        ordering = ["locatie", "peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["locatie", "peildatum"],
                name="goo_bezetting_uniek_per_peildatum",
                violation_error_message=meldingen.BEZETTING_UNIEK,
            ),
            models.CheckConstraint(
                name="goo_bezetting_niet_negatief",
                condition=Q(bezet__gte=0),
                violation_error_message=meldingen.NEGATIEF,
            ),
        ]

    def __str__(self):
        return f"{self.locatie} op {short_date(self.peildatum)}: {self.bezet}"

    def clean(self):
        """Check the beds against the location: capacity, first and last day."""
        if self.locatie_id and self.peildatum and self.bezet is not None:
            self.locatie.controleer_bezetting(self.peildatum, self.bezet)
