"""Signals of rapportage: its events for the apps above it (meldingen connects to them).

Sent by rapportage.services after the write committed (kern.signalen.send_on_commit);
rapportage imports no app above it.
"""

from django.dispatch import Signal

# A verslag or plan was vastgesteld (documentversie=).
document_vastgesteld = Signal()
