"""The two-year cycle and a gemeente's targets in it (its versions of the opgave)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.dates import validate_eerste_januari
from kern.fields import (
    CleanCharField,
    PlausibleDateField,
    PositiveWholeNumberField,
)

from ..constants import AANWIJZING_ZONDER_MINIMUM, MINIMUM_ZONDER_AANWIJZING, Grondslag
from ..query import OpgaveQuerySet
from ..telregels import Telvenster

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
    minimale_looptijd = models.PositiveSmallIntegerField(
        "minimale looptijd (jaren)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=(
            "Zekere plekken tellen alleen als harde (plan)capaciteit als ze ten minste zo "
            "lang beschikbaar zijn: gerekend vanaf ‘beschikbaar vanaf’, of vanaf het begin "
            "van het telvenster voor plekken die er al waren. Leeg: geen minimale looptijd "
            "(zo in cyclus 1). Voor cyclus 2 geldt de aanname van 5 jaar (‘duurzame "
            "opvangplaats’), nog niet vastgesteld."
        ),
    )
    landelijke_raming = PositiveWholeNumberField(
        "landelijke capaciteitsraming",
        null=True,
        blank=True,
        help_text="Het landelijk aantal benodigde opvangplekken in deze cyclus.",
    )
    landelijke_raming_amv = PositiveWholeNumberField("waarvan AMV", null=True, blank=True)
    raming_bron = CleanCharField(
        "bron van de raming",
        max_length=300,
        blank=True,
        help_text="Waar de landelijke raming vandaan komt.",
    )
    raming_datum = PlausibleDateField("datum van de raming", null=True, blank=True)
    indeling_per = PlausibleDateField(
        "gemeentelijke indeling per",
        null=True,
        blank=True,
        validators=[validate_eerste_januari],
        help_text=(
            "Een 1 januari: de gemeenten zoals ze op die dag bestonden, tellen in deze "
            "cyclus (gemeentelijke herindeling). Leeg: de gemeenten van vandaag."
        ),
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
            models.CheckConstraint(
                name="cyclus_raming_amv_binnen_raming",
                condition=Q(landelijke_raming_amv__isnull=True)
                | Q(landelijke_raming_amv__lte=F("landelijke_raming")),
                violation_error_message="Het aantal AMV-plekken is groter dan de raming.",
            ),
        ]

    def __str__(self):
        return f"cyclus {self.nummer}"

    @property
    def telvenster(self):
        return Telvenster(
            self.telvenster_van,
            self.telvenster_tot,
            self.noodopvang_telt,
            minimale_looptijd=self.minimale_looptijd,
        )


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
    verdeelbesluit = models.ForeignKey(
        "opvang.Verdeelbesluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opgave_versies",
        help_text="Het geladen besluit waar deze versie uit komt (leeg: los vastgelegd).",
    )
    aangewezen = models.BooleanField(
        default=False, help_text="Aangewezen gemeente: moet een minimum aantal plekken realiseren."
    )
    minimum_plekken = PositiveWholeNumberField(
        "minimum aantal plekken",
        null=True,
        blank=True,
        help_text="Alleen bij een aangewezen gemeente.",
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
            models.CheckConstraint(
                name="opgave_minimum_alleen_aangewezen",
                condition=Q(aangewezen=True) | Q(minimum_plekken__isnull=True),
                violation_error_message=MINIMUM_ZONDER_AANWIJZING,
            ),
            models.CheckConstraint(
                name="opgave_aangewezen_met_minimum",
                condition=Q(aangewezen=False) | Q(minimum_plekken__isnull=False),
                violation_error_message=AANWIJZING_ZONDER_MINIMUM,
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} {self.cyclus}: {self.plekken} ({self.get_grondslag_display()})"
