import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from gemeenten.scope import provincie_scope_filter
from kern.append_only import AppendOnlyMixin, AppendOnlyQuerySet, RecordIsFinal
from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.fields import CleanCharField, CleanTextField, PlausibleDateField
from kern.text import MAX_DOCUMENTTEKST

from .constants import Document, OpdrachtSoort, OpdrachtStatus


class DocumentIsVastgesteld(RecordIsFinal):
    """A vastgesteld document never changes: a correction is a new version."""


class DocumentVersieQuerySet(AppendOnlyQuerySet):
    def for_user(self, user):
        """Return the versions of the provinces the user reads as a whole."""
        return provincie_scope_filter(self, user)


class DocumentVersie(AppendOnlyMixin, AuditedModel):
    """One vastgesteld version of a verslag or plan: its PDF and the figures behind it.

    Rows are written once and never changed or deleted, by the app (save and delete
    refuse) and by the database (triggers refuse UPDATE and DELETE).
    """

    provincie = models.ForeignKey(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="documenten"
    )
    cyclus = models.ForeignKey("opvang.Cyclus", on_delete=models.PROTECT, related_name="+")
    document = models.CharField(max_length=10, choices=Document.choices)
    versie = models.PositiveIntegerField()
    kenmerk = CleanCharField(max_length=50, help_text="Documentnummer, bijvoorbeeld D/24/161337.")
    datum = PlausibleDateField(help_text="Datum op het document.")
    peildatum = PlausibleDateField()
    bron = models.CharField(max_length=10)
    knelpunten = CleanTextField(blank=True, max_length=MAX_DOCUMENTTEKST)
    vervolg = CleanTextField(blank=True, max_length=MAX_DOCUMENTTEKST)
    rapport = models.JSONField(help_text="De cijfers achter het document (het rapport als JSON).")
    pdf = models.BinaryField(editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(bases=[AuditFields], excluded_fields=["pdf", "rapport"])
    objects = DocumentVersieQuerySet.as_manager()

    IsFinal = DocumentIsVastgesteld
    NOT_CHANGED = "Een vastgesteld document verandert nooit."
    NOT_DELETED = "Vastgestelde documenten worden nooit verwijderd."

    class Meta:
        base_manager_name = "objects"
        verbose_name = "vastgestelde documentversie"
        verbose_name_plural = "vastgestelde documentversies"
        ordering = ["provincie", "cyclus", "document", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "cyclus", "document", "versie"],
                name="documentversie_uniek",
                violation_error_message="Deze versie bestaat al; probeer het opnieuw.",
            ),
            models.UniqueConstraint(
                fields=["provincie", "kenmerk"],
                name="documentkenmerk_uniek_per_provincie",
                violation_error_message="Dit kenmerk is al gebruikt voor een ander document.",
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_document_display()} {self.provincie}, "
            f"cyclus {self.cyclus.nummer}, versie {self.versie}"
        )

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.sha256 = hashlib.sha256(bytes(self.pdf)).hexdigest()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rapportage:document_download", args=[self.pk])

    @property
    def bestandsnaam(self):
        kenmerk = "".join(c if c.isalnum() else "-" for c in self.kenmerk)
        cyclus = self.cyclus.nummer
        return f"{self.document}-{self.provincie.code}-cyclus{cyclus}-v{self.versie}-{kenmerk}.pdf"


class DocumentDownload(models.Model):
    """Each download of an archived version: who, when and from where (append-only)."""

    versie = models.ForeignKey(DocumentVersie, on_delete=models.PROTECT, related_name="downloads")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField("IP-adres", null=True, blank=True)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        verbose_name = "download van een vastgesteld document"
        verbose_name_plural = "downloads van vastgestelde documenten"
        ordering = ["-op"]

    def __str__(self):
        return f"{self.versie} door {self.door} op {self.op:%d-%m-%Y %H:%M}"


class DocumentOpdrachtQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the requests of the provinces the user reads as a whole."""
        return provincie_scope_filter(self, user)


class DocumentOpdracht(models.Model):
    """A request to make a document, run by a background task (rapportage.tasks).

    A concept's PDF is kept here for download; vaststellen leaves its DocumentVersie.
    Rendering takes seconds to a minute: the page shows the status, which the worker
    sets (wachtrij, bezig, klaar, mislukt with its reason), and a failed one can be
    tried again. Not part of the audit trail: the vastgestelde version is.
    """

    provincie = models.ForeignKey("gemeenten.Provincie", on_delete=models.PROTECT, related_name="+")
    cyclus = models.ForeignKey("opvang.Cyclus", on_delete=models.PROTECT, related_name="+")
    document = models.CharField(max_length=10, choices=Document.choices)
    soort = models.CharField(max_length=12, choices=OpdrachtSoort.choices)
    peildatum = PlausibleDateField()
    bron = models.CharField(max_length=10)
    kenmerk = CleanCharField(max_length=50, blank=True)
    knelpunten = CleanTextField(blank=True, max_length=MAX_DOCUMENTTEKST)
    vervolg = CleanTextField(blank=True, max_length=MAX_DOCUMENTTEKST)
    # The report's cache key (rapportage.cache): a concept is made once per data version.
    sleutel = models.CharField(max_length=200, blank=True, db_index=True)
    status = models.CharField(
        max_length=10, choices=OpdrachtStatus.choices, default=OpdrachtStatus.WACHTRIJ
    )
    fout = models.TextField(blank=True)
    pdf = models.BinaryField(null=True, editable=False)
    documentversie = models.ForeignKey(
        DocumentVersie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(auto_now_add=True)
    begonnen_op = models.DateTimeField(null=True, blank=True)
    klaar_op = models.DateTimeField(null=True, blank=True)

    objects = DocumentOpdrachtQuerySet.as_manager()

    class Meta:
        verbose_name = "opdracht voor een document"
        verbose_name_plural = "opdrachten voor documenten"
        ordering = ["-aangevraagd_op"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.get_document_display()} {self.provincie}"

    def get_absolute_url(self):
        return reverse("rapportage:document_opdracht", args=[self.pk])

    @property
    def is_bezig(self):
        return self.status in (OpdrachtStatus.WACHTRIJ, OpdrachtStatus.BEZIG)

    @property
    def bestandsnaam(self):
        return f"concept-{self.document}-{self.provincie.code}-cyclus{self.cyclus.nummer}.pdf"
