"""A PRT's what-if scenario and its three kinds of change; no real figure is touched.

A scenario belongs to one province and cycle and names who made it. Its changes say
what the counting function is given instead of the registered locations
(scenarios.selectors): an initiative decided, a hypothetical location added, a
location dropped. Every row is tracked (who, when, from where), as figures are.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.fields import CleanCharField, CleanTextField, PlausibleDateField, PositiveWholeNumberField
from kern.formatting import long_date
from kern.text import MAX_TOELICHTING
from opvang.constants import AFGESLOTEN_STATUSSEN, Soort, Status
from opvang.telregels import LocatieWaarden
from opvang.velden import AMV_TE_GROOT, TOT_VOOR_VANAF

from . import constants as c
from .constants import TeltAls

AUDIT_BASES = [AuditFields]


def _een_per_locatie(name, message):
    """Return the constraint that a scenario names a location at most once in a change."""
    return models.UniqueConstraint(
        fields=["scenario", "locatie"], name=name, violation_error_message=message
    )


def _door():
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class Scenario(AuditedModel):
    """A named what-if of a province in a cycle, counted on its peildatum."""

    provincie = models.ForeignKey(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="scenarios"
    )
    cyclus = models.ForeignKey("opvang.Cyclus", on_delete=models.PROTECT, related_name="+")
    naam = CleanCharField(max_length=200)
    toelichting = CleanTextField(blank=True, max_length=MAX_TOELICHTING)
    peildatum = PlausibleDateField(
        help_text="De dag waarop het scenario en de werkelijkheid worden geteld."
    )
    is_demo = models.BooleanField("demo", default=False, editable=False)
    aangemaakt_door = _door()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_door = _door()
    gewijzigd_op = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(bases=AUDIT_BASES, excluded_fields=["aangemaakt_op"])
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "scenario"
        verbose_name_plural = "scenario's"
        ordering = ["-gewijzigd_op", "naam"]
        constraints = [
            models.UniqueConstraint(
                F("provincie"),
                Lower("naam"),
                name="scenario_naam_uniek_per_provincie",
                violation_error_message=c.DUBBELE_NAAM,
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("scenarios:detail", args=[self.pk])


class ScenarioBesluit(AuditedModel):
    """An initiative (planvoorraad) of the register, decided in the scenario."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="besluiten")
    locatie = models.ForeignKey(
        "opvang.Locatie", on_delete=models.PROTECT, related_name="+", verbose_name="initiatief"
    )
    telt_als = models.CharField(
        "telt mee met", max_length=10, choices=TeltAls.choices, default=TeltAls.MINIMUM
    )
    aantal = PositiveWholeNumberField(
        "aantal plekken",
        null=True,
        blank=True,
        help_text="Alleen bij ‘een gegeven aantal plekken’: binnen de bandbreedte.",
    )
    vanaf = PlausibleDateField(
        "beschikbaar vanaf", help_text="Eerste dag waarop de besloten plekken er zijn."
    )

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "besloten initiatief"
        verbose_name_plural = "besloten initiatieven"
        ordering = ["locatie__gemeente__naam", "locatie__naam"]
        constraints = [_een_per_locatie("scenariobesluit_uniek", c.DUBBEL_BESLUIT)]

    def __str__(self):
        return f"{self.locatie}: {self.plekken_label}"

    @property
    def maximum(self):
        return self.locatie.plekken_max or self.locatie.plekken

    @property
    def plekken(self):
        """Return the places the decided initiative counts with."""
        if self.telt_als == TeltAls.MAXIMUM:
            return self.maximum
        if self.telt_als == TeltAls.AANTAL:
            return self.aantal
        return self.locatie.plekken

    @property
    def plekken_label(self):
        return f"{self.plekken} plekken vanaf {long_date(self.vanaf)}"

    def besloten(self, waarden: LocatieWaarden) -> LocatieWaarden:
        """Return the initiative's values as decided: in realisatie, its places, its date."""
        return LocatieWaarden(
            status=Status.IN_REALISATIE,
            soort=waarden.soort,
            plekken=self.plekken,
            amv_plekken=min(waarden.amv_plekken, self.plekken),
            vanaf=self.vanaf,
            tot=waarden.tot,
        )

    def clean(self):
        super().clean()
        if self.locatie_id is None or self.scenario_id is None:
            return
        fouten = {}
        loc = self.locatie
        if loc.gemeente.provincie_id != self.scenario.provincie_id:
            fouten["locatie"] = c.NIET_IN_PROVINCIE
        elif loc.status != Status.IN_VOORBEREIDING:
            fouten["locatie"] = c.GEEN_INITIATIEF.format(
                naam=loc.naam, status=loc.get_status_display()
            )
        elif self.scenario.vervallen.filter(locatie=loc).exists():
            fouten["locatie"] = c.AL_VERVALLEN
        fouten.update(self._aantal_fouten())
        if self.vanaf and loc.beschikbaar_tot and self.vanaf > loc.beschikbaar_tot:
            fouten["vanaf"] = c.VANAF_NA_TOT.format(tot=long_date(loc.beschikbaar_tot))
        if fouten:
            raise ValidationError(fouten)

    def _aantal_fouten(self):
        if self.telt_als != TeltAls.AANTAL:
            return {"aantal": c.AANTAL_NIET_GEVRAAGD} if self.aantal is not None else {}
        if self.aantal is None:
            return {"aantal": c.AANTAL_VERPLICHT}
        minimum, maximum = self.locatie.plekken, self.maximum
        if not minimum <= self.aantal <= maximum:
            tekst = c.AANTAL_BUITEN_BEREIK.format(
                aantal=self.aantal, minimum=minimum, maximum=maximum
            )
            return {"aantal": tekst}
        return {}


class ScenarioLocatie(AuditedModel):
    """A hypothetical location: counted as certain (in realisatie) from its vanaf."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="locaties")
    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    naam = CleanCharField("naam locatie", max_length=200)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    plekken = PositiveWholeNumberField("aantal plekken")
    amv_plekken = PositiveWholeNumberField("waarvan AMV", default=0)
    vanaf = PlausibleDateField("beschikbaar vanaf")
    tot = PlausibleDateField(
        "beschikbaar tot en met",
        null=True,
        blank=True,
        help_text="Leeg is voor onbepaalde tijd.",
    )

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "hypothetische locatie"
        verbose_name_plural = "hypothetische locaties"
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            models.UniqueConstraint(
                F("scenario"),
                F("gemeente"),
                Lower("naam"),
                name="scenariolocatie_naam_uniek",
                violation_error_message=c.DUBBELE_LOCATIE,
            ),
            models.CheckConstraint(
                name="scenariolocatie_amv_binnen_plekken",
                condition=Q(amv_plekken__lte=F("plekken")),
                violation_error_message=AMV_TE_GROOT,
                violation_error_code="amv_te_groot",
            ),
            models.CheckConstraint(
                name="scenariolocatie_tot_niet_voor_vanaf",
                condition=Q(tot__isnull=True) | Q(tot__gte=F("vanaf")),
                violation_error_message=TOT_VOOR_VANAF,
                violation_error_code="tot_voor_vanaf",
            ),
        ]

    CONSTRAINT_VELDEN = {"amv_te_groot": "amv_plekken", "tot_voor_vanaf": "tot"}

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"

    @property
    def waarden(self) -> LocatieWaarden:
        return LocatieWaarden(
            status=Status.IN_REALISATIE,
            soort=self.soort,
            plekken=self.plekken,
            amv_plekken=self.amv_plekken,
            vanaf=self.vanaf,
            tot=self.tot,
        )

    def clean(self):
        super().clean()
        if not (self.gemeente_id and self.scenario_id):
            return
        if self.gemeente.provincie_id != self.scenario.provincie_id:
            raise ValidationError({"gemeente": c.GEMEENTE_NIET_IN_PROVINCIE})

    def validate_constraints(self, exclude=None):
        """Validate the constraints; put each check's message on its field, with the values."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as exc:
            fouten = {}
            for veld, lijst in exc.error_dict.items():
                for fout in lijst:
                    doel = self.CONSTRAINT_VELDEN.get(fout.code, veld)
                    tekst = str(fout.message).format(**vars(self))
                    fouten.setdefault(doel, []).append(ValidationError(tekst, code=fout.code))
            raise ValidationError(fouten) from None


class ScenarioVervallen(AuditedModel):
    """A location of the register that the scenario leaves out (it does not come)."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="vervallen")
    locatie = models.ForeignKey("opvang.Locatie", on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "vervallen locatie"
        verbose_name_plural = "vervallen locaties"
        ordering = ["locatie__gemeente__naam", "locatie__naam"]
        constraints = [_een_per_locatie("scenariovervallen_uniek", c.DUBBEL_VERVALLEN)]

    def __str__(self):
        return str(self.locatie)

    def clean(self):
        super().clean()
        if self.locatie_id is None or self.scenario_id is None:
            return
        loc = self.locatie
        if loc.gemeente.provincie_id != self.scenario.provincie_id:
            raise ValidationError({"locatie": c.NIET_IN_PROVINCIE})
        if loc.status in AFGESLOTEN_STATUSSEN:
            status = loc.get_status_display()
            raise ValidationError({"locatie": c.AL_AFGESLOTEN.format(status=status)})
        if self.scenario.besluiten.filter(locatie=loc).exists():
            raise ValidationError({"locatie": c.AL_BESLOTEN})
