"""Persons housed per month, and the housing measures a gemeente plans."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditFields
from kern.fields import CleanCharField, CleanTextField, PlausibleDateField
from kern.fields import PositiveWholeNumberField as Aantal

from ..constants import Bron, MaatregelSoort, MaatregelStatus
from ..query import GemeenteDataQuerySet
from .referentie import door_field


class Realisatie(AuditedModel):
    """Persons housed by a gemeente in one month, from one source (COA or the gemeente)."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="realisaties"
    )
    maand = PlausibleDateField(help_text="De eerste dag van de maand.")
    gehuisvest = Aantal("gehuisvest (personen)")
    bron = models.CharField(max_length=10, choices=Bron.choices)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = door_field()

    history = HistoricalRecords(bases=[AuditFields])
    objects = GemeenteDataQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "realisatie"
        verbose_name_plural = "realisaties"
        ordering = ["gemeente__naam", "maand", "bron"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "maand", "bron"],
                name="realisatie_een_per_maand_en_bron",
                violation_error_message="Voor deze maand en bron is al een aantal ingevoerd.",
            ),
            models.CheckConstraint(
                name="realisatie_eerste_van_de_maand",
                condition=Q(maand__day=1),
                violation_error_message="Een maand wordt vastgelegd op de eerste dag.",
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} {self.maand:%Y-%m} ({self.get_bron_display()}): {self.gehuisvest}"


class Maatregel(AuditedModel):
    """A housing measure a gemeente plans: a project with homes and persons and a date."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="maatregelen"
    )
    projectnaam = CleanCharField(max_length=200)
    soort = models.CharField(max_length=20, choices=MaatregelSoort.choices)
    woningen = Aantal("aantal woningen", null=True, blank=True)
    personen = Aantal("aantal personen", null=True, blank=True)
    verwacht_op = PlausibleDateField("verwacht gereed", null=True, blank=True)
    status = models.CharField(max_length=20, choices=MaatregelStatus.choices)
    toelichting = CleanTextField(blank=True, max_length=2000)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = door_field()

    history = HistoricalRecords(bases=[AuditFields])
    objects = GemeenteDataQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "huisvestingsmaatregel"
        verbose_name_plural = "huisvestingsmaatregelen"
        ordering = ["gemeente__naam", "verwacht_op", "projectnaam"]
        constraints = [
            models.CheckConstraint(
                name="maatregel_woningen_of_personen",
                condition=Q(woningen__isnull=False) | Q(personen__isnull=False),
                violation_error_message="Vul het aantal woningen of het aantal personen in.",
            ),
        ]

    def __str__(self):
        return f"{self.gemeente}: {self.projectnaam}"
