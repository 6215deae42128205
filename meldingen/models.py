"""Notifications (Melding), a user's choice about reminders, an uitvraag's reminder days.

A Melding is itself the record of a notification: who, what, when queued, when sent, how
many attempts, which error. Only the system writes it (and the user its gelezen_op), so
it keeps no history of its own, as rapportage's DocumentOpdracht. What users set
(MeldingVoorkeur, HerinneringInstelling) is tracked with history, as every setting.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from kern.audit import AuditedModel, AuditedQuerySet, AuditFields

from .constants import MailStatus, MeldingSoort
from .query import MeldingQuerySet


class Melding(models.Model):
    """One notification to one user: shown in the app and, unless skipped, mailed."""

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meldingen"
    )
    soort = models.CharField(max_length=20, choices=MeldingSoort.choices)
    uitvraag = models.ForeignKey(
        "opvang.Uitvraag", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    indiening = models.ForeignKey(
        "opvang.Indiening", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    documentversie = models.ForeignKey(
        "rapportage.DocumentVersie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    onderwerp = models.CharField(max_length=200)
    samenvatting = models.CharField(max_length=500, blank=True)
    link = models.CharField(max_length=200, help_text="Pad in de app waar de melding over gaat.")
    tekst = models.TextField("tekst van de mail")
    html = models.TextField("HTML van de mail")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gelezen_op = models.DateTimeField(null=True, blank=True)
    # One notification per event, recipient and moment: a second run of the scheduler,
    # a signal sent twice or two schedulers at once make no second one.
    sleutel = models.CharField(max_length=120, unique=True)
    mail_status = models.CharField(
        max_length=20, choices=MailStatus.choices, default=MailStatus.WACHTRIJ
    )
    in_wachtrij_op = models.DateTimeField(null=True, blank=True)
    volgende_poging = models.DateTimeField(null=True, blank=True)
    laatste_poging_op = models.DateTimeField(null=True, blank=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)
    fout = models.CharField(max_length=500, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"], name="melding_ongelezen")]

    def __str__(self):
        return f"{self.get_soort_display()} aan {self.ontvanger}: {self.onderwerp}"

    def get_absolute_url(self):
        return self.link or reverse("meldingen:lijst")

    @property
    def is_gelezen(self):
        return self.gelezen_op is not None


class MeldingVoorkeur(AuditedModel):
    """What a user receives by mail: reminders can be switched off, nothing else."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meldingvoorkeur"
    )
    herinneringen = models.BooleanField(
        "herinneringen per e-mail",
        default=True,
        help_text=(
            "Herinneringen vóór de deadline en de melding dat de deadline verstreken is. "
            "Ze blijven zichtbaar onder Meldingen."
        ),
    )

    history = HistoricalRecords(bases=[AuditFields])
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "voorkeur voor meldingen"
        verbose_name_plural = "voorkeuren voor meldingen"

    def __str__(self):
        return f"Voorkeur meldingen {self.gebruiker}"


class HerinneringInstelling(AuditedModel):
    """An uitvraag's reminder days: how many days before the deadline reminders go out.

    Kept here, one-to-one with the uitvraag, so that opvang knows nothing of reminders;
    without a row the defaults of settings.HERINNERING_DAGEN hold.
    """

    uitvraag = models.OneToOneField(
        "opvang.Uitvraag", on_delete=models.PROTECT, related_name="herinnering_instelling"
    )
    dagen = models.JSONField("dagen vóór de deadline", default=list)

    history = HistoricalRecords(bases=[AuditFields])
    objects = AuditedQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        verbose_name = "herinneringen bij een uitvraag"
        verbose_name_plural = "herinneringen bij uitvragen"

    def __str__(self):
        return f"Herinneringen {self.uitvraag}: {self.dagen}"
