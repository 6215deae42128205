"""Signals of opvang: its own events for the apps above it, and the audit trail's receivers.

The events are sent by opvang.services after their transaction committed
(kern.signalen.send_on_commit). The apps above (meldingen) connect to them; opvang
imports none of them.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from kern.audit import client_ip

# An uitvraag was opened (uitvraag=, user=).
uitvraag_geopend = Signal()
# A submission was reviewed (indiening=, user=): returned with a remark, or accepted.
indiening_teruggestuurd = Signal()
indiening_geaccepteerd = Signal()


@receiver(pre_create_historical_record)
def add_ip_address(sender, history_instance, **kwargs):
    """Store the client's IP on every historical record made during a request."""
    request = getattr(HistoricalRecords.context, "request", None)
    history_instance.ip_address = client_ip(request, settings.TRUSTED_PROXY_COUNT)


@receiver(post_save)
def record_loaded_rows(sender, instance, created, raw, **kwargs):
    """Record the rows loaddata writes in the history too (simple-history skips raw saves).

    Without a record PostgreSQL's commit-time check (opvang migration 0007) refuses the
    load, and loading a fixture again would change rows without a trace. Reloading a row
    that is unchanged records nothing.
    """
    if not raw or not hasattr(sender._meta, "simple_history_manager_attribute"):
        return
    history = getattr(sender, sender._meta.simple_history_manager_attribute)
    if not created and _matches_latest_record(history, instance):
        return
    history.bulk_history_create([instance], update=not created, default_change_reason="loaddata")


def _matches_latest_record(history, instance):
    latest = history.filter(**{instance._meta.pk.attname: instance.pk}).order_by("-history_id")
    latest = latest.first()
    return latest is not None and all(
        getattr(latest, f.attname) == getattr(instance, f.attname)
        for f in history.model.tracked_fields
    )
