"""Sending an app's own signal once the write it reports has committed.

A lower app tells the apps above it of an event by a signal of its own (opvang.signals,
rapportage.signals), never by importing them. It is sent after the transaction
commits, so a receiver never sees a write that is rolled back; robust, so a failing
receiver is logged and never breaks or undoes the write.
"""

from django.db import transaction


def send_on_commit(signal, sender, **kwargs):
    """Send signal (sender, **kwargs) when the current transaction commits; at once outside one."""
    transaction.on_commit(lambda: signal.send(sender=sender, **kwargs), robust=True)
