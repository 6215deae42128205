from django.db.models import OuterRef, Subquery

from gemeenten.constants import Rol
from gemeenten.scope import scope_filter
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
        """Return the uitvragen of the user's province (all of them for national beheer)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        provincie_id = user.scope_provincie_id
        if provincie_id:
            return self.filter(provincie_id=provincie_id)
        return self.all() if user.rol == Rol.BEHEER else self.none()

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
