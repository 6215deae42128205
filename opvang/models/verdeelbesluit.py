"""The minister's verdeelbesluit (or a restopgave): a document loaded as opgave versions.

Beheer uploads the decision's workbook; the record keeps the file, its preview and who
loaded it. Confirming it writes one new Opgave version per gemeente in the file, each
pointing here (opvang.verdeelbesluit).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet
from kern.fields import CleanCharField, CleanTextField, PlausibleDateField
from kern.text import MAX_TOELICHTING

from ..constants import Grondslag
from .cyclus import AUDIT_BASES, Cyclus

# A verdeelbesluit replaces the indicative targets; a restopgave follows it.
BESLUIT_GRONDSLAGEN = [
    (Grondslag.VERDEELBESLUIT.value, Grondslag.VERDEELBESLUIT.label),
    (Grondslag.RESTOPGAVE.value, Grondslag.RESTOPGAVE.label),
]


class Verdeelbesluit(AuditedModel):
    """A loaded verdeelbesluit or restopgave of one cycle, with its document reference."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "gecontroleerd, nog niet verwerkt"
        VERWERKT = "verwerkt", "verwerkt"
        AFGEWEZEN = "afgewezen", "afgewezen"

    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, related_name="verdeelbesluiten")
    grondslag = models.CharField("soort", max_length=20, choices=BESLUIT_GRONDSLAGEN)
    kenmerk = CleanCharField(
        max_length=100, help_text="Het kenmerk van het besluit, bijvoorbeeld 2024-0001234."
    )
    datum = PlausibleDateField(help_text="De datum van het besluit; de opgaven krijgen die datum.")
    titel = CleanCharField(
        max_length=300, blank=True, help_text="Bijvoorbeeld de titel van de brief."
    )
    is_demo = models.BooleanField(
        "demo", default=False, help_text="Geen echt besluit: gegevens voor de demonstratie."
    )
    bestandsnaam = CleanCharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    bestand = models.BinaryField(editable=False)
    voorbeeld = models.JSONField("voorbeeld", default=dict, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEW)
    opgaven = models.PositiveIntegerField("opgaven vastgelegd", default=0)
    melding = CleanTextField(
        blank=True, max_length=MAX_TOELICHTING, help_text="Waarom de verwerking is geweigerd."
    )
    geladen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geladen_op = models.DateTimeField(auto_now_add=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(bases=AUDIT_BASES, excluded_fields=["bestand", "voorbeeld"])
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "verdeelbesluit"
        verbose_name_plural = "verdeelbesluiten"
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"{self.get_grondslag_display()} {self.kenmerk} ({self.cyclus})"

    @property
    def reden(self):
        """Return the change reason of every opgave this decision writes (≤ 100 chars)."""
        kenmerk = self.kenmerk if len(self.kenmerk) <= 40 else self.kenmerk[:39] + "…"
        return f"{self.get_grondslag_display().capitalize()} {kenmerk} (sha256 {self.sha256[:12]})"
