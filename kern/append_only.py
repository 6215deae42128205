"""Records written once: never changed and never deleted by the app.

Database triggers refuse UPDATE and DELETE of such rows as well (kern.triggers); this is
the same promise in Python, so that code trying it fails with a clear message.
"""

from .audit import AuditedQuerySet


class RecordIsFinal(RuntimeError):
    """A record written once never changes and is never deleted."""


class AppendOnlyQuerySet(AuditedQuerySet):
    """Refuse deletes, besides the writes AuditedQuerySet refuses."""

    def delete(self):
        raise self.model.IsFinal(self.model.NOT_DELETED)


class AppendOnlyMixin:
    """Refuse to save a stored row again or to delete one.

    A model names its exception (a RecordIsFinal) and its two messages.
    """

    IsFinal = RecordIsFinal
    NOT_CHANGED = "Een vastgelegd gegeven verandert nooit."
    NOT_DELETED = "Vastgelegde gegevens worden nooit verwijderd."

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise self.IsFinal(self.NOT_CHANGED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise self.IsFinal(self.NOT_DELETED)
