from kern.append_only import AppendOnlyQuerySet, RecordIsFinal
from kern.audit import AuditedQuerySet

from .scope import gebruiker_scope_filter, scope_filter


class GemeenteQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Return the gemeenten the user may see: their own, or all of their province."""
        return scope_filter(self, user, path="")


class RechtenwijzigingIsVastgelegd(RecordIsFinal):
    """A recorded change of rights never changes and is never deleted."""


class RechtenwijzigingQuerySet(AppendOnlyQuerySet):
    def for_user(self, user):
        """Return the changes of the users the user manages (gebruiker_scope_filter)."""
        return gebruiker_scope_filter(self, user, path="gebruiker")
