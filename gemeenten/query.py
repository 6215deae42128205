from django.db.models import Q

from kern.append_only import AppendOnlyQuerySet, RecordIsFinal
from kern.audit import AuditedQuerySet

from .scope import gebruiker_scope_filter, scope_filter


class GemeenteQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Return the gemeenten the user may see: their own, or all of their province."""
        return scope_filter(self, user, path="")

    def bestaand_op(self, datum):
        """Return the gemeenten that existed on datum: instituted by then, not yet merged.

        A gemeente opgeheven per 1 January 2026 no longer exists on that day; its
        successor does (Gemeente.bestaat_op is the same rule for one row).
        """
        return self.filter(
            Q(ingesteld_per__isnull=True) | Q(ingesteld_per__lte=datum),
            Q(opgeheven_per__isnull=True) | Q(opgeheven_per__gt=datum),
        )


class RechtenwijzigingIsVastgelegd(RecordIsFinal):
    """A recorded change of rights never changes and is never deleted."""


class RechtenwijzigingQuerySet(AppendOnlyQuerySet):
    def for_user(self, user):
        """Return the changes of the users the user manages (gebruiker_scope_filter)."""
        return gebruiker_scope_filter(self, user, path="gebruiker")
