"""A province's opgave in a cycle, as published: the national picture's reference figure.

A province that registers its gemeenten's opgaven in the app has its opgave as their
sum (rapportage); this figure is what is known of every province, also of one that does
not use the app, with its source (DOMAIN.md §3: COA, NOS, regional press for cycle 1).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.fields import CleanCharField, PositiveWholeNumberField

from .cyclus import Cyclus


class ProvincieOpgave(AuditedModel):
    """The published opgave of a province in a cycle; beheer enters it as it becomes known."""

    provincie = models.ForeignKey(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="opgaven"
    )
    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, related_name="provincie_opgaven")
    plekken = PositiveWholeNumberField()
    amv_plekken = PositiveWholeNumberField("waarvan AMV", null=True, blank=True)
    bron = CleanCharField(max_length=300, help_text="Waar het cijfer vandaan komt.")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(bases=[AuditFields])
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "opgave van een provincie"
        verbose_name_plural = "opgaven van de provincies"
        ordering = ["cyclus__nummer", "provincie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "cyclus"],
                name="een_provincie_opgave_per_cyclus",
                violation_error_message="Deze provincie heeft al een opgave in deze cyclus.",
            ),
            models.CheckConstraint(
                name="provincie_opgave_amv_binnen_plekken",
                condition=Q(amv_plekken__isnull=True) | Q(amv_plekken__lte=F("plekken")),
                violation_error_message="Het aantal AMV-plekken is groter dan de opgave.",
            ),
        ]

    def __str__(self):
        return f"{self.provincie} {self.cyclus}: {self.plekken}"
