"""An uitruil agreement between two gemeenten of one province (DOMAIN.md §6.3).

Gemeente A takes over `asiel_plekken` of gemeente B's asylum opgave in the cycle
(A +N, B −N); gemeente B takes over `statushouders` persons of A's taakstelling in each
half year of the period (B +M, A −M). The official figures stay as they are: the
figures after uitruil are computed from them (uitruil.selectors), and only agreements
akkoord door de PRT count. Every change is in the history, with who and why.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from gemeenten.scope import user_scope
from kern.audit import AuditedModel, AuditedQuerySet, AuditFields
from kern.fields import CleanCharField, CleanTextField, PositiveWholeNumberField

from .constants import BADGE, AfspraakStatus

AUDIT_BASES = [AuditFields]


def _door(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class UitruilafspraakQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Keep the agreements the user sees: its province's, or its gemeente's own."""
        scope = user_scope(user)
        if scope.alles:
            return self
        if scope.gemeente_id:
            g = scope.gemeente_id
            return self.filter(Q(gemeente_a_id=g) | Q(gemeente_b_id=g))
        if scope.provincie_id:
            return self.filter(provincie_id=scope.provincie_id)
        return self.none()

    def akkoord(self):
        return self.filter(status=AfspraakStatus.AKKOORD)


class Uitruilafspraak(AuditedModel):
    provincie = models.ForeignKey(
        "gemeenten.Provincie", on_delete=models.PROTECT, related_name="uitruilafspraken"
    )
    cyclus = models.ForeignKey("opvang.Cyclus", on_delete=models.PROTECT, related_name="+")
    gemeente_a = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gemeente A (neemt asielplekken over)",
    )
    gemeente_b = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gemeente B (neemt statushouders over)",
    )
    asiel_plekken = PositiveWholeNumberField(
        "asielplekken van B naar A",
        default=0,
        help_text="Zoveel plekken van de opgave van gemeente B neemt gemeente A over.",
    )
    statushouders = PositiveWholeNumberField(
        "statushouders per halfjaar van A naar B",
        default=0,
        help_text=(
            "Zoveel personen van de taakstelling van gemeente A neemt gemeente B over, "
            "in elk halfjaar van de periode."
        ),
    )
    halfjaar_van = models.ForeignKey(
        "huisvesting.Halfjaar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="taakstelling vanaf halfjaar",
    )
    halfjaar_tot = models.ForeignKey(
        "huisvesting.Halfjaar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="taakstelling tot en met halfjaar",
    )
    status = models.CharField(
        max_length=12, choices=AfspraakStatus.choices, default=AfspraakStatus.VOORGESTELD
    )
    kenmerk = CleanCharField(
        "documentkenmerk(en)",
        max_length=200,
        blank=True,
        help_text="Het kenmerk van de afspraak of het besluit, bijvoorbeeld D/25/123456.",
    )
    toelichting = CleanTextField(blank=True)
    is_demo = models.BooleanField("demo-afspraak", default=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = _door("voorgesteld door")
    akkoord_op = models.DateTimeField("akkoord op", null=True, blank=True)
    akkoord_door = _door("akkoord door")
    vervallen_op = models.DateTimeField("vervallen op", null=True, blank=True)
    vervallen_door = _door("vervallen verklaard door")

    history = HistoricalRecords(bases=AUDIT_BASES)
    objects = UitruilafspraakQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "uitruilafspraak"
        verbose_name_plural = "uitruilafspraken"
        ordering = ["cyclus__nummer", "aangemaakt_op", "id"]
        constraints = [
            models.CheckConstraint(
                name="uitruil_twee_gemeenten",
                condition=~Q(gemeente_a=F("gemeente_b")),
                violation_error_message="Een uitruil is tussen twee verschillende gemeenten.",
            ),
            models.CheckConstraint(
                name="uitruil_iets_uitgeruild",
                condition=Q(asiel_plekken__gt=0) | Q(statushouders__gt=0),
                violation_error_message=(
                    "Vul een aantal asielplekken of statushouders in (ten minste één groter dan 0)."
                ),
            ),
            models.CheckConstraint(
                name="uitruil_periode_bij_statushouders",
                condition=Q(statushouders=0)
                | Q(halfjaar_van__isnull=False, halfjaar_tot__isnull=False),
                violation_error_message=(
                    "Kies de halfjaren van de taakstelling waarvoor de uitruil van "
                    "statushouders geldt."
                ),
            ),
        ]

    def __str__(self):
        return f"Uitruil {self.gemeente_a} – {self.gemeente_b} ({self.cyclus})"

    def get_absolute_url(self):
        return reverse("uitruil:detail", args=[self.pk])

    @property
    def is_akkoord(self):
        return self.status == AfspraakStatus.AKKOORD

    @property
    def badge(self):
        return BADGE[self.status]
