"""Half years, the national and per-gemeente taakstelling, start balances, settings."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.fields import CleanCharField, PlausibleDateField, PositiveWholeNumberField

from ..constants import Bron
from ..query import GemeenteDataQuerySet, InstellingQuerySet, TaakstellingQuerySet
from ..saldo import Drempels

AUDIT_BASES = [AuditFields]


def door_field():
    """Return the field naming who created a row (empty for migrations and the demo)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class Halfjaar(AuditedModel):
    """A half year of the taakstelling (H1: 1 January–30 June, H2: 1 July–31 December)."""

    code = models.CharField(max_length=7, unique=True, help_text="Bijvoorbeeld 2025-H1.")
    begin = PlausibleDateField()
    eind = PlausibleDateField("eind (tot en met)")

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "halfjaar"
        verbose_name_plural = "halfjaren"
        ordering = ["begin"]
        constraints = [
            models.CheckConstraint(
                name="halfjaar_volgorde",
                condition=Q(eind__gt=F("begin")),
                violation_error_message="Een halfjaar eindigt na zijn begin.",
            ),
        ]

    def __str__(self):
        return self.code

    def bevat(self, datum):
        return self.begin <= datum <= self.eind


class LandelijkeTaakstelling(AuditedModel):
    """One version of the national taakstelling of a half year; the latest applies."""

    halfjaar = models.ForeignKey(Halfjaar, on_delete=models.PROTECT, related_name="landelijk")
    personen = PositiveWholeNumberField()
    bron = CleanCharField(max_length=300)
    datum = PlausibleDateField(help_text="Datum van de bron; de jongste versie geldt.")

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "landelijke taakstelling"
        verbose_name_plural = "landelijke taakstellingen"
        ordering = ["halfjaar__begin", "datum", "id"]

    def __str__(self):
        return f"{self.halfjaar}: {self.personen} ({self.bron})"


class Taakstelling(AuditedModel):
    """One version of a gemeente's taakstelling for a half year; the latest applies."""

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="taakstellingen"
    )
    halfjaar = models.ForeignKey(Halfjaar, on_delete=models.PROTECT, related_name="+")
    personen = PositiveWholeNumberField()
    bron = CleanCharField(max_length=300, help_text="Waar het cijfer vandaan komt.")
    datum = PlausibleDateField(help_text="Datum van de bron; de jongste versie geldt.")
    is_demo = models.BooleanField("demo-schatting", default=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = door_field()

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = TaakstellingQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "taakstelling"
        verbose_name_plural = "taakstellingen"
        ordering = ["gemeente__naam", "halfjaar__begin", "datum", "id"]

    def __str__(self):
        return f"{self.gemeente} {self.halfjaar}: {self.personen}"


class Startsaldo(AuditedModel):
    """The start balance of a gemeente's first half year in the app, entered by beheer.

    Positive: achterstand; negative: voorsprong. Later half years start with the
    previous end balance; versions are kept, the latest applies.
    """

    gemeente = models.ForeignKey("gemeenten.Gemeente", on_delete=models.PROTECT, related_name="+")
    halfjaar = models.ForeignKey(Halfjaar, on_delete=models.PROTECT, related_name="+")
    saldo = models.IntegerField(help_text="Achterstand positief, voorsprong negatief.")
    bron = CleanCharField(max_length=300)
    datum = PlausibleDateField()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = door_field()

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = GemeenteDataQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "startsaldo"
        verbose_name_plural = "startsaldi"
        ordering = ["gemeente__naam", "datum", "id"]

    def __str__(self):
        return f"{self.gemeente} {self.halfjaar}: {self.saldo}"


class Instelling(AuditedModel):
    """A province's choices: which source counts, and the rating's thresholds."""

    provincie = models.OneToOneField(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="statushouders_instelling"
    )
    telbron = models.CharField(
        "telt mee", max_length=10, choices=Bron.choices, default=Bron.COA,
        help_text="De bron waarvan de maandcijfers meetellen; de andere wordt ernaast getoond.",
    )  # fmt: skip
    drempel_op_schema = models.PositiveSmallIntegerField(
        "op schema vanaf (% van het tempo)", default=100
    )
    drempel_enigszins_achter = models.PositiveSmallIntegerField(
        "enigszins achter vanaf (% van het tempo)", default=75
    )

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = InstellingQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "instelling statushouders"
        verbose_name_plural = "instellingen statushouders"
        constraints = [
            models.CheckConstraint(
                name="instelling_drempels_volgorde",
                condition=Q(drempel_enigszins_achter__lte=F("drempel_op_schema"))
                & Q(drempel_op_schema__lte=1000),
                violation_error_message=(
                    "De drempel voor ‘enigszins achter’ ligt niet boven die voor ‘op schema’."
                ),
            ),
        ]

    def __str__(self):
        return f"Instelling statushouders {self.provincie}"

    @property
    def drempels(self):
        return Drempels(self.drempel_op_schema, self.drempel_enigszins_achter)
