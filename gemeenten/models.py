from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kern.append_only import AppendOnlyMixin
from kern.audit import AuditedModel, AuditFields
from kern.dates import validate_eerste_januari
from kern.fields import CleanCharField, PlausibleDateField, PositiveWholeNumberField
from kern.formatting import count, long_date

from .constants import Gebeurtenis, Rol
from .query import GemeenteQuerySet, RechtenwijzigingIsVastgelegd, RechtenwijzigingQuerySet

HERINDELING_ONVOLLEDIG = (
    "Vul bij een herindeling zowel ‘opgeheven per’ als ‘opgegaan in’ in, of geen van beide."
)
OPGEGAAN_IN_ZICHZELF = "Een gemeente kan niet in zichzelf opgaan."
OPGEHEVEN_VOOR_INGESTELD = "Een gemeente wordt opgeheven na de dag waarop ze is ingesteld."
OPVOLGER_BESTAAT_NIET = "Deze gemeente bestaat niet op de dag van de herindeling."

provinciecode_validator = RegexValidator(
    r"^PV\d{2}$", "Een provinciecode is PV gevolgd door 2 cijfers."
)
INWONERS_ONBEKEND = "inwoners onbekend"

gemeentecode_validator = RegexValidator(
    r"^GM\d{4}$", "Een gemeentecode is GM gevolgd door 4 cijfers."
)


class Provincie(models.Model):
    code = models.CharField(
        "CBS-code", max_length=4, unique=True, validators=[provinciecode_validator]
    )
    naam = CleanCharField(max_length=100, unique=True)

    class Meta:
        verbose_name = "provincie"
        verbose_name_plural = "provincies"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Regio(models.Model):
    """A sub-region within a province, such as U16 or Foodvalley."""

    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="regios")
    naam = CleanCharField(max_length=100)

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["provincie", "naam"], name="regio_uniek_per_provincie")
        ]

    def __str__(self):
        return self.naam


class Gemeente(AuditedModel):
    code = models.CharField(
        "CBS-code", max_length=6, unique=True, validators=[gemeentecode_validator]
    )
    naam = CleanCharField(max_length=100)
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="gemeenten")
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="gemeenten", null=True, blank=True
    )
    # Empty when not known (shown as "onbekend", never as 0); beheer loads them from a
    # CBS StatLine export (`manage.py inwoners_laden`), with their source and peildatum.
    inwoners = PositiveWholeNumberField(null=True, blank=True)
    inwoners_peildatum = PlausibleDateField("peildatum inwoners", null=True, blank=True)
    # A gemeentelijke herindeling: the gemeente stays, with its history, and is only
    # left out of the cycles whose indeling is of a day it no longer existed.
    ingesteld_per = PlausibleDateField(
        "ingesteld per",
        null=True,
        blank=True,
        validators=[validate_eerste_januari],
        help_text="Alleen voor een gemeente die bij een herindeling is ontstaan (een 1 januari).",
    )
    opgeheven_per = PlausibleDateField(
        "opgeheven per",
        null=True,
        blank=True,
        validators=[validate_eerste_januari],
        help_text=(
            "De 1 januari waarop de gemeente bij een herindeling opging in een andere. "
            "De gemeente blijft bestaan met haar geschiedenis; cycli met een latere "
            "gemeentelijke indeling tellen haar niet meer."
        ),
    )
    opgegaan_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorgangers",
        verbose_name="opgegaan in",
        help_text="De gemeente die haar per die datum voortzet.",
    )
    inwoners_bron = CleanCharField("bron inwoners", max_length=200, blank=True)

    history = HistoricalRecords(bases=[AuditFields])
    objects = GemeenteQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                name="gemeente_opgeheven_met_opvolger",
                condition=Q(opgeheven_per__isnull=True, opgegaan_in__isnull=True)
                | Q(opgeheven_per__isnull=False, opgegaan_in__isnull=False),
                violation_error_message=HERINDELING_ONVOLLEDIG,
            ),
            models.CheckConstraint(
                name="gemeente_niet_opgegaan_in_zichzelf",
                condition=~Q(opgegaan_in=models.F("pk")),
                violation_error_message=OPGEGAAN_IN_ZICHZELF,
            ),
            models.CheckConstraint(
                name="gemeente_ingesteld_voor_opgeheven",
                condition=Q(ingesteld_per__isnull=True)
                | Q(opgeheven_per__isnull=True)
                | Q(opgeheven_per__gt=models.F("ingesteld_per")),
                violation_error_message=OPGEHEVEN_VOOR_INGESTELD,
            ),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        opvolger = self.opgegaan_in
        # Without both, or merging into itself: the constraints say what is wrong.
        if opvolger is None or self.opgeheven_per is None or opvolger.pk == self.pk:
            return
        if not opvolger.bestaat_op(self.opgeheven_per):
            raise ValidationError({"opgegaan_in": OPVOLGER_BESTAAT_NIET})

    def bestaat_op(self, datum):
        """Return whether the gemeente existed on datum (GemeenteQuerySet.bestaand_op)."""
        ingesteld = self.ingesteld_per is None or self.ingesteld_per <= datum
        return ingesteld and (self.opgeheven_per is None or self.opgeheven_per > datum)

    @property
    def inwoners_tekst(self):
        """Return the population with its peildatum and source, or "inwoners onbekend".

        An unknown population is never shown as 0.
        """
        if self.inwoners is None:
            return INWONERS_ONBEKEND
        herkomst = ", ".join(
            deel
            for deel in (
                long_date(self.inwoners_peildatum) if self.inwoners_peildatum else "",
                self.inwoners_bron,
            )
            if deel
        )
        tekst = count(self.inwoners, "inwoner", "inwoners")
        return f"{tekst} ({herkomst})" if herkomst else tekst


class GebruikerManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """Make the first account of an installation a beheer user without a scope."""
        extra_fields.setdefault("rol", Rol.BEHEER)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """An official; the role decides what they may do, the scope where."""

    rol = models.CharField(max_length=10, choices=Rol.choices, default=Rol.GEMEENTE)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="gebruikers"
    )
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, null=True, blank=True, related_name="gebruikers"
    )

    objects = GebruikerManager()

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                name="gebruiker_scope_past_bij_rol",
                condition=(
                    Q(rol=Rol.GEMEENTE, gemeente__isnull=False, provincie__isnull=True)
                    | Q(rol__in=[Rol.PRT, Rol.CVDK], gemeente__isnull=True, provincie__isnull=False)
                    | Q(rol=Rol.BEHEER, gemeente__isnull=True)
                    | Q(rol=Rol.LRT, gemeente__isnull=True, provincie__isnull=True)
                ),
                violation_error_message=(
                    "Een gemeentegebruiker hoort bij één gemeente, een PRT- of cvdK-gebruiker "
                    "bij één provincie, een LRT-gebruiker bij geen gemeente of provincie."
                ),
            )
        ]

    @property
    def is_gemeente(self):
        return self.rol == Rol.GEMEENTE

    @property
    def is_provinciaal(self):
        """Return whether the user is PRT or cvdK staff: reads the whole province."""
        return self.rol in (Rol.PRT, Rol.CVDK)

    @property
    def is_landelijk(self):
        """Return whether the user is of the Landelijke Regietafel: reads every province."""
        return self.rol == Rol.LRT

    @property
    def scope_label(self):
        if self.is_gemeente and self.gemeente_id:
            return f"gemeente {self.gemeente.naam}"
        if self.provincie_id:
            return f"provincie {self.provincie.naam}"
        return "alle provincies"


class UserSession(models.Model):
    """A session of a user, recorded at login, so that deactivating the user ends it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessies")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self):
        return f"sessie van {self.user} sinds {self.created_at:%Y-%m-%d %H:%M}"


class Rechtenwijziging(AppendOnlyMixin, models.Model):
    """One change of a user's rights or account: who changed what of whom, when, from where.

    Append-only, like the audit trail: save() and delete() refuse changes and database
    triggers refuse UPDATE and DELETE (migration 0005), unlike django_admin_log.
    """

    gebruiker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="rechtenwijzigingen")
    gebeurtenis = models.CharField("wijziging", max_length=40, choices=Gebeurtenis.choices)
    oud = models.JSONField("oude waarde", null=True, blank=True)
    nieuw = models.JSONField("nieuwe waarde", null=True, blank=True)
    door = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg: buiten een verzoek aan de applicatie, zoals een beheeropdracht.",
    )
    op = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField("IP-adres", null=True, blank=True)

    objects = RechtenwijzigingQuerySet.as_manager()

    IsFinal = RechtenwijzigingIsVastgelegd
    NOT_CHANGED = "Een vastgelegde rechtenwijziging verandert nooit."
    NOT_DELETED = "Rechtenwijzigingen worden nooit verwijderd."

    class Meta:
        verbose_name = "rechtenwijziging"
        verbose_name_plural = "rechtenwijzigingen"
        ordering = ["-op", "-id"]

    def __str__(self):
        return f"{self.get_gebeurtenis_display()}: {self.gebruiker}"
