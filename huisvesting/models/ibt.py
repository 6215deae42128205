"""Interbestuurlijk toezicht: the escalation steps the province records per gemeente."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kern.append_only import AppendOnlyMixin, RecordIsFinal
from kern.audit import AuditedModel, AuditFields
from kern.fields import CleanTextField, PlausibleDateField

from ..constants import IbtStapSoort
from ..query import IbtStapQuerySet


class IbtStapIsVastgelegd(RecordIsFinal):
    """A recorded IBT step never changes: a correction is a new step."""


class IbtStap(AppendOnlyMixin, AuditedModel):
    """One dated, attributable step of the escalation ladder, with its reason.

    Written once, never changed or deleted (by the app and by database triggers); a
    correction is a new record that says what it corrects.
    """

    gemeente = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.PROTECT, related_name="ibt_stappen"
    )
    halfjaar = models.ForeignKey(
        "huisvesting.Halfjaar", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stap = models.CharField(max_length=20, choices=IbtStapSoort.choices)
    datum = PlausibleDateField()
    reden = CleanTextField(max_length=2000)
    notitie = CleanTextField(blank=True, max_length=2000, help_text="Optioneel; geen bijlagen.")
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gezet_op = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(bases=[AuditFields])
    objects = IbtStapQuerySet.as_manager()

    IsFinal = IbtStapIsVastgelegd
    NOT_CHANGED = (
        "Een vastgelegde IBT-stap verandert nooit; leg een correctie vast als nieuwe stap."
    )
    NOT_DELETED = "Vastgelegde IBT-stappen worden nooit verwijderd."

    class Meta:
        base_manager_name = "objects"
        verbose_name = "IBT-stap"
        verbose_name_plural = "IBT-stappen"
        ordering = ["gemeente__naam", "datum", "id"]

    def __str__(self):
        return f"{self.gemeente} {self.datum:%d-%m-%Y}: {self.get_stap_display()}"
