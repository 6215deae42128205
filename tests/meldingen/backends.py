"""A mail backend for tests that fails as a mail server would, then delivers."""

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

# Failures to raise, one per send, before sending works (locmem's outbox).
STORINGEN = []


class StoringBackend(BaseEmailBackend):
    def send_messages(self, messages):
        if STORINGEN:
            raise STORINGEN.pop(0)
        mail.outbox.extend(messages)
        return len(messages)
