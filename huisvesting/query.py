"""Querysets of the huisvesting app: every list goes through for_user()."""

from django.db.models import OuterRef, Subquery

from gemeenten.scope import provincie_scope_filter, scope_filter
from kern.append_only import AppendOnlyQuerySet
from kern.audit import AuditedQuerySet


class GemeenteDataQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)

    def in_provincie(self, provincie):
        return self.filter(gemeente__provincie=provincie)


class TaakstellingQuerySet(GemeenteDataQuerySet):
    def geldend(self):
        """Keep only the version that applies: the latest per gemeente and half year."""
        latest = (
            self.model.objects.filter(gemeente=OuterRef("gemeente"), halfjaar=OuterRef("halfjaar"))
            .order_by("-datum", "-id")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(latest))


class InstellingQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return provincie_scope_filter(self, user)


class IbtStapQuerySet(AppendOnlyQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)

    def in_provincie(self, provincie):
        return self.filter(gemeente__provincie=provincie)
