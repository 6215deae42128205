"""A reception location, the register's central row."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel
from kern.dates import DATUM_BUITEN_BEREIK, EERSTE_DATUM, LAATSTE_DATUM
from kern.fields import (
    CleanCharField,
    CleanTextField,
    PlausibleDateField,
    PositiveWholeNumberField,
)
from kern.text import MAX_TOELICHTING

from ..constants import ZEKERE_STATUSSEN, Soort, Status
from ..query import LocatieQuerySet
from ..telregels import LocatieWaarden, categorie, omschrijving
from ..velden import (
    AMV_TE_GROOT,
    MAX_TE_KLEIN,
    TELREGEL_VELDEN,
    TOT_VOOR_VANAF,
    VANAF_VERPLICHT,
    fouten_per_veld,
)
from .cyclus import AUDIT_BASES


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

    def omschrijving_in(self, cyclus):
        """Return in Dutch where the location counts in the cycle and, if too short, why."""
        return omschrijving(self.waarden, cyclus.telvenster)
