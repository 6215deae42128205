"""A reporting round: the uitvraag, a gemeente's indiening and an uploaded workbook."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel
from kern.fields import (
    CleanCharField,
    CleanTextField,
    PlausibleDateField,
)
from kern.text import MAX_TOELICHTING

from ..constants import Grondslag, IndieningStatus
from ..query import (
    IndieningQuerySet,
    UitvraagImportQuerySet,
    UitvraagQuerySet,
)
from .cyclus import AUDIT_BASES, Cyclus


class Uitvraag(AuditedModel):
    """A reporting round: the province asks its gemeenten to update and submit."""

    provincie = models.ForeignKey(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="uitvragen"
    )
    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, related_name="uitvragen")
    deadline = PlausibleDateField()
    bericht = CleanTextField(
        blank=True,
        max_length=MAX_TOELICHTING,
        help_text="Toelichting voor de gemeenten (optioneel).",
    )
    geopend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geopend_op = models.DateTimeField(auto_now_add=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = UitvraagQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "uitvraag"
        verbose_name_plural = "uitvragen"
        ordering = ["-geopend_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie"],
                condition=Q(gesloten_op__isnull=True),
                name="een_open_uitvraag_per_provincie",
                violation_error_message="Er staat al een uitvraag open voor deze provincie.",
            )
        ]

    def __str__(self):
        return f"Uitvraag {self.cyclus} ({self.provincie}), deadline {self.deadline:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("opvang:uitvraag_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.gesloten_op is None

    @property
    def deadline_verstreken(self):
        return date.today() > self.deadline


class Indiening(AuditedModel):
    """A gemeente's submission: an immutable snapshot of its locations and figures.

    Only the review (status, remark, reviewer) changes after submission; a trigger
    refuses any change to what was submitted (migration 0005).
    """

    uitvraag = models.ForeignKey(Uitvraag, on_delete=models.PROTECT, related_name="indieningen")
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="indieningen"
    )
    status = models.CharField(
        max_length=20, choices=IndieningStatus.choices, default=IndieningStatus.INGEDIEND
    )
    snapshot = models.JSONField(editable=False)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    opmerking = CleanTextField(blank=True, max_length=MAX_TOELICHTING)

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = IndieningQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "indiening"
        verbose_name_plural = "indieningen"
        ordering = ["-ingediend_op", "-id"]
        constraints = [
            # At most one submission per gemeente per uitvraag awaits review or is
            # accepted: a double click, a back button or a second tab cannot add one.
            models.UniqueConstraint(
                fields=["uitvraag", "gemeente"],
                condition=Q(status__in=[IndieningStatus.INGEDIEND, IndieningStatus.AKKOORD]),
                name="een_lopende_indiening_per_gemeente",
                violation_error_message="Deze gemeente heeft voor deze uitvraag al ingediend.",
            )
        ]

    def __str__(self):
        moment = timezone.localtime(self.ingediend_op)
        return f"Indiening {self.gemeente} ({moment:%d-%m-%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("opvang:indiening_detail", args=[self.pk])


class UitvraagImport(AuditedModel):
    """An uploaded uitvraag workbook: checked and previewed, then processed or refused.

    The file's bytes stay on the server between preview and confirmation, so the
    confirmation re-validates exactly what was previewed and trusts nothing the browser
    sends back.
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", "gecontroleerd, nog niet verwerkt"
        VERWERKT = "verwerkt", "verwerkt"
        AFGEWEZEN = "afgewezen", "afgewezen"

    bestandsnaam = CleanCharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    bestand = models.BinaryField(editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEW)
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg bij een import voor de hele provincie.",
    )
    provincie = models.ForeignKey(
        "gemeenten.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Bij een import voor de hele provincie: welke provincie.",
    )
    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, null=True, blank=True)
    opgave_grondslag = models.CharField(max_length=20, choices=Grondslag.choices, blank=True)
    bron = CleanCharField(max_length=300, blank=True)
    voorbeeld = models.JSONField("voorbeeld", default=dict, editable=False)
    # What confirming writes, as checked for the preview (opvang.excel.wijzigingen), and
    # the province's data version before that check: unchanged, it needs no second check.
    wijzigingen = models.JSONField("wijzigingen", default=dict, editable=False)
    dataversie = models.CharField("dataversie", max_length=32, blank=True, editable=False)
    toegevoegd = models.PositiveIntegerField("locaties toegevoegd", default=0)
    gewijzigd = models.PositiveIntegerField("locaties gewijzigd", default=0)
    opgaven = models.PositiveIntegerField("opgaven vastgelegd", default=0)
    melding = CleanTextField(
        blank=True, max_length=MAX_TOELICHTING, help_text="Waarom de verwerking is geweigerd."
    )
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geupload_op = models.DateTimeField(auto_now_add=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(
        bases=AUDIT_BASES, excluded_fields=["bestand", "voorbeeld", "wijzigingen", "dataversie"]
    )
    objects = UitvraagImportQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "import van een uitvraag"
        verbose_name_plural = "imports van uitvragen"
        ordering = ["-geupload_op", "-id"]

    def __str__(self):
        return f"Import {self.bestandsnaam} ({self.sha256[:12]})"

    @property
    def reden(self):
        """Return the change reason recorded on every location this import writes.

        History keeps at most 100 characters of a reason: the file name is shortened and
        the hash's first 12 characters identify the import (its record has the whole hash).
        """
        naam = self.bestandsnaam if len(self.bestandsnaam) <= 70 else self.bestandsnaam[:69] + "…"
        return f"Import {naam} (sha256 {self.sha256[:12]})"
