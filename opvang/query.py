from django.db.models import OuterRef, Subquery

from gemeenten.scope import provincie_scope_filter, scope_filter, scope_provincie_filter
from kern.audit import AuditedQuerySet


class LocatieQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)


class OpgaveQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)

    def in_cyclus(self, cyclus):
        return self.filter(cyclus=cyclus)

    def geldend(self):
        """Keep only the version that applies: the latest per gemeente and cycle."""
        latest = (
            self.model.objects.filter(gemeente=OuterRef("gemeente"), cyclus=OuterRef("cyclus"))
            .order_by("-datum", "-id")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(latest))


class UitvraagQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Return the uitvragen of the province the user's scope lies in."""
        return scope_provincie_filter(self, user)

    def open(self):
        return self.filter(gesloten_op__isnull=True)


class IndieningQuerySet(AuditedQuerySet):
    def for_user(self, user):
        return scope_filter(self, user)

    def laatste_per_gemeente(self):
        """Keep only each gemeente's latest submission within its uitvraag."""
        latest = (
            self.model.objects.filter(gemeente=OuterRef("gemeente"), uitvraag=OuterRef("uitvraag"))
            .order_by("-ingediend_op", "-id")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(latest))


class UitvraagImportQuerySet(AuditedQuerySet):
    def for_user(self, user):
        """Return the user's own uploads, for a gemeente or a province still in their scope.

        A preview belongs to whoever uploaded it: nobody else confirms or reads it.
        """
        in_scope = scope_filter(self, user) | provincie_scope_filter(self, user)
        return in_scope.filter(geupload_door=user) if user.is_authenticated else self.none()
