from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.dates import DATUM_BUITEN_BEREIK, EERSTE_DATUM, LAATSTE_DATUM
from kern.fields import (
    CleanCharField,
    CleanTextField,
    PlausibleDateField,
    PositiveWholeNumberField,
)
from kern.text import MAX_TOELICHTING

from .constants import ZEKERE_STATUSSEN, Grondslag, IndieningStatus, Soort, Status
from .query import (
    IndieningQuerySet,
    LocatieQuerySet,
    OpgaveQuerySet,
    UitvraagImportQuerySet,
    UitvraagQuerySet,
)
from .telregels import LocatieWaarden, Telvenster, categorie
from .velden import (
    AMV_TE_GROOT,
    MAX_TE_KLEIN,
    TELREGEL_VELDEN,
    TOT_VOOR_VANAF,
    VANAF_VERPLICHT,
    fouten_per_veld,
)

AUDIT_BASES = [AuditFields]


class Cyclus(AuditedModel):
    """A two-year cycle of the Spreidingswet with its counting window and deadlines."""

    nummer = models.PositiveSmallIntegerField(unique=True)
    telvenster_van = PlausibleDateField("telvenster van", null=True, blank=True)
    telvenster_tot = PlausibleDateField(
        "telvenster tot en met",
        null=True,
        blank=True,
        help_text="Laat leeg zolang het telvenster niet is vastgesteld.",
    )
    noodopvang_telt = models.BooleanField(
        "noodopvang telt mee",
        default=False,
        help_text="Of plekken in noodopvang meetellen voor de opgave in deze cyclus.",
    )
    verslag_uiterlijk = PlausibleDateField("provinciaal verslag uiterlijk", null=True, blank=True)
    verdeelbesluit_uiterlijk = PlausibleDateField("verdeelbesluit uiterlijk", null=True, blank=True)
    realisatie_uiterlijk = PlausibleDateField(
        "plekken gerealiseerd uiterlijk", null=True, blank=True
    )

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "cyclus"
        verbose_name_plural = "cycli"
        ordering = ["nummer"]
        constraints = [
            models.CheckConstraint(
                name="cyclus_telvenster_volgorde",
                condition=Q(telvenster_van__isnull=True)
                | Q(telvenster_tot__isnull=True)
                | Q(telvenster_tot__gte=F("telvenster_van")),
                violation_error_message="Het telvenster eindigt vóór het begint.",
            ),
            models.CheckConstraint(
                name="cyclus_telvenster_compleet",
                condition=Q(telvenster_van__isnull=True, telvenster_tot__isnull=True)
                | Q(telvenster_van__isnull=False, telvenster_tot__isnull=False),
                violation_error_message=(
                    "Vul begin én einde van het telvenster in, of geen van beide."
                ),
            ),
        ]

    def __str__(self):
        return f"cyclus {self.nummer}"

    @property
    def telvenster(self):
        return Telvenster(self.telvenster_van, self.telvenster_tot, self.noodopvang_telt)


class Opgave(AuditedModel):
    """One version of a gemeente's target in a cycle; the latest version applies.

    Versions are never changed: a new figure (verdeelbesluit, restopgave) is a new row.
    """

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="opgaven"
    )
    cyclus = models.ForeignKey(Cyclus, on_delete=models.PROTECT, related_name="opgaven")
    grondslag = models.CharField(max_length=20, choices=Grondslag.choices)
    plekken = PositiveWholeNumberField()
    amv_plekken = PositiveWholeNumberField("waarvan AMV", null=True, blank=True)
    bron = CleanCharField(max_length=300, help_text="Waar het cijfer vandaan komt.")
    datum = PlausibleDateField(help_text="Datum van de bron; de jongste versie geldt.")
    is_demo = models.BooleanField(
        "demo-schatting",
        default=False,
        help_text="Geen officieel cijfer: een schatting voor de demonstratie.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = OpgaveQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "opgave"
        verbose_name_plural = "opgaven"
        ordering = ["gemeente__naam", "cyclus__nummer", "datum", "id"]
        get_latest_by = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                name="opgave_amv_binnen_plekken",
                condition=Q(amv_plekken__isnull=True) | Q(amv_plekken__lte=F("plekken")),
                violation_error_message="Het aantal AMV-plekken is groter dan de opgave.",
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} {self.cyclus}: {self.plekken} ({self.get_grondslag_display()})"


class Locatie(AuditedModel):
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="locaties"
    )
    naam = CleanCharField("naam locatie", max_length=200)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    plekken = PositiveWholeNumberField(
        help_text="Aantal opvangplekken; bij een initiatief in voorbereiding het minimum."
    )
    plekken_max = PositiveWholeNumberField(
        "plekken maximaal",
        null=True,
        blank=True,
        help_text="Alleen bij initiatieven in voorbereiding; leeg betekent gelijk aan plekken.",
    )
    amv_plekken = PositiveWholeNumberField("waarvan AMV", default=0)
    beschikbaar_vanaf = PlausibleDateField(
        null=True, blank=True, help_text="Eerste dag waarop de plekken beschikbaar zijn."
    )
    beschikbaar_tot = PlausibleDateField(
        "beschikbaar tot en met",
        null=True,
        blank=True,
        help_text="Laatste dag waarop de plekken beschikbaar zijn; leeg is voor onbepaalde tijd.",
    )
    toelichting = CleanTextField(blank=True, max_length=MAX_TOELICHTING)
    # The columns keep their first names: the tests of data migrations 0005 and 0007 run
    # those migrations' historical models against today's schema.
    versie = models.PositiveIntegerField(default=1, editable=False, db_column="version")
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_column="created_at")
    gewijzigd_op = models.DateTimeField(auto_now=True, db_column="updated_at")

    history = HistoricalRecords(
        bases=AUDIT_BASES, excluded_fields=["gewijzigd_op", "aangemaakt_op"]
    )
    objects = LocatieQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["gemeente__naam", "naam"]
        constraints = [
            # On the normalised name (kern.text) and in any case: users, the form and
            # the import take "AZC Noord" and "azc noord" for one location.
            models.UniqueConstraint(
                F("gemeente"),
                Lower("naam"),
                name="locatie_naam_uniek_per_gemeente",
                violation_error_message="Deze gemeente heeft al een locatie met deze naam.",
            ),
            models.CheckConstraint(
                name="locatie_amv_binnen_plekken",
                condition=Q(amv_plekken__lte=F("plekken")),
                violation_error_message=AMV_TE_GROOT,
                violation_error_code="amv_te_groot",
            ),
            models.CheckConstraint(
                name="locatie_max_niet_onder_plekken",
                condition=Q(plekken_max__isnull=True) | Q(plekken_max__gte=F("plekken")),
                violation_error_message=MAX_TE_KLEIN,
                violation_error_code="max_te_klein",
            ),
            models.CheckConstraint(
                name="locatie_tot_niet_voor_vanaf",
                condition=Q(beschikbaar_vanaf__isnull=True)
                | Q(beschikbaar_tot__isnull=True)
                | Q(beschikbaar_tot__gte=F("beschikbaar_vanaf")),
                violation_error_message=TOT_VOOR_VANAF,
                violation_error_code="tot_voor_vanaf",
            ),
            # Also in the database: a date from the year 1 made every report iterate
            # two thousand years (kern.dates).
            models.CheckConstraint(
                name="locatie_vanaf_in_bereik",
                condition=Q(beschikbaar_vanaf__isnull=True)
                | Q(beschikbaar_vanaf__range=(EERSTE_DATUM, LAATSTE_DATUM)),
                violation_error_message=DATUM_BUITEN_BEREIK,
            ),
            models.CheckConstraint(
                name="locatie_tot_in_bereik",
                condition=Q(beschikbaar_tot__isnull=True)
                | Q(beschikbaar_tot__range=(EERSTE_DATUM, LAATSTE_DATUM)),
                violation_error_message=DATUM_BUITEN_BEREIK,
            ),
            models.CheckConstraint(
                name="locatie_zeker_heeft_vanaf",
                condition=~Q(status__in=ZEKERE_STATUSSEN) | Q(beschikbaar_vanaf__isnull=False),
                violation_error_message=VANAF_VERPLICHT,
                violation_error_code="vanaf_verplicht",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("opvang:locatie_detail", args=[self.pk])

    def validate_constraints(self, exclude=None):
        """Validate the constraints; put each check's message on its field, with the values."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as exc:
            raise ValidationError(fouten_per_veld(exc, self)) from None

    @property
    def waarden(self):
        return LocatieWaarden(**{a: getattr(self, n) for a, n in TELREGEL_VELDEN.items()})

    @property
    def is_afgesloten(self):
        return self.status in (Status.BEEINDIGD, Status.VERVALLEN)

    def categorie_in(self, cyclus):
        return categorie(self.waarden, cyclus.telvenster)


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

    history = HistoricalRecords(bases=AUDIT_BASES, excluded_fields=["bestand", "voorbeeld"])
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
