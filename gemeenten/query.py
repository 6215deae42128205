from opvang.audit import AuditedQuerySet

from .scope import scope_filter


class GemeenteQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Return the gemeenten the user may see: their own, or all of their province."""
        return scope_filter(self, user, path="")
