"""Querysets of the app: scope per user, the latest version of a streefgetal."""

from django.db.models import OuterRef, Q, Subquery

from gemeenten.scope import scope_filter
from kern.append_only import AppendOnlyQuerySet
from kern.audit import AuditedQuerySet


class GooLocatieQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)


class BezettingQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user, path="locatie__gemeente")


class ParticuliereOpvangQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)

    def laatste_op(self, peildatum):
        """Keep each gemeente's latest figure on or before the peildatum."""
        latest = (
            self.model.objects.filter(gemeente=OuterRef("gemeente"), peildatum__lte=peildatum)
            .order_by("-peildatum", "-id")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(latest))


class StreefgetalQuerySet(AppendOnlyQuerySet):
    def in_provincie(self, provincie):
        return self.filter(Q(gemeente__provincie=provincie) | Q(regio__provincie=provincie))

    def versies(self):
        """Order the versions oldest first: the last one per gemeente or regio applies."""
        return self.order_by("datum", "id")
