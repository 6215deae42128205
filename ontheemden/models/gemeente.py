"""Per gemeente: persons in particuliere opvang, and the streefgetal's versions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kern.append_only import AppendOnlyMixin, RecordIsFinal
from kern.audit import AuditedModel
from kern.fields import CleanCharField, PlausibleDateField, PositiveWholeNumberField
from kern.formatting import short_date

from .. import meldingen
from ..query import ParticuliereOpvangQuerySet, StreefgetalQuerySet
from .locatie import AUDIT_BASES


class ParticuliereOpvang(AuditedModel):
    """Persons with private hosts in a gemeente on a peildatum; empty aantal: onbekend."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="particuliere_opvang"
    )
    peildatum = PlausibleDateField()
    aantal = PositiveWholeNumberField(
        "aantal personen",
        null=True,
        blank=True,
        help_text="Laat leeg als het aantal niet bekend is; onbekend is niet hetzelfde als 0.",
    )
    bron = CleanCharField(max_length=200, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(bases=AUDIT_BASES, excluded_fields=["gewijzigd_op"])
    objects = ParticuliereOpvangQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "particuliere opvang"
        verbose_name_plural = "particuliere opvang"
        ordering = ["gemeente__naam", "peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                name="goo_particulier_uniek_per_peildatum",
                violation_error_message=meldingen.PARTICULIER_UNIEK,
            ),
            models.CheckConstraint(
                name="goo_particulier_niet_negatief",
                condition=Q(aantal__isnull=True) | Q(aantal__gte=0),
                violation_error_message=meldingen.NEGATIEF,
            ),
        ]

    def __str__(self):
        aantal = "onbekend" if self.aantal is None else self.aantal
        return f"{self.gemeente} op {short_date(self.peildatum)}: {aantal}"


class StreefgetalIsVastgelegd(RecordIsFinal):
    pass


class Streefgetal(AppendOnlyMixin, AuditedModel):
    """One version of a target in beds, for a gemeente or for a regio; the latest applies.

    A version is written once and never changed or deleted (kern.append_only, and a
    trigger in migration 0002): a new figure is a new version.
    """

    IsFinal = StreefgetalIsVastgelegd
    NOT_CHANGED = "Een vastgelegd streefgetal verandert nooit; leg een nieuwe versie vast."
    NOT_DELETED = "Vastgelegde streefgetallen worden nooit verwijderd."

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        related_name="goo_streefgetallen",
        null=True,
        blank=True,
    )
    regio = models.ForeignKey(
        "gemeenten.Regio",
        on_delete=models.PROTECT,
        related_name="goo_streefgetallen",
        null=True,
        blank=True,
    )
    aantal = PositiveWholeNumberField("streefgetal (bedden)")
    bron = CleanCharField(max_length=200)
    datum = PlausibleDateField(help_text="De datum van het besluit of bericht (de bron).")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = StreefgetalQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "streefgetal GOO"
        verbose_name_plural = "streefgetallen GOO"
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                name="goo_streefgetal_gemeente_of_regio",
                condition=Q(gemeente__isnull=False, regio__isnull=True)
                | Q(gemeente__isnull=True, regio__isnull=False),
                violation_error_message=meldingen.GEEN_DOEL,
            ),
        ]

    def __str__(self):
        return f"{self.gemeente or self.regio}: {self.aantal} ({short_date(self.datum)})"

    def clean(self):
        if not (self.bron or "").strip():
            raise ValidationError({"bron": meldingen.BRON_VERPLICHT})
