from datetime import timedelta

from django.db import models
from django.utils import timezone

from gemeenten.scope import provincie_scope_filter

from .constants import MailStatus


class MeldingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the user's own notifications: nobody reads another's."""
        return self.filter(ontvanger=user)

    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)

    def van_uitvraag(self, uitvraag, user):
        """Return what was sent about an uitvraag, for a reader of its province as a whole."""
        qs = self.filter(uitvraag=uitvraag)
        return provincie_scope_filter(qs, user, path="uitvraag__provincie")

    def te_versturen(self, *, nu=None, marge=None):
        """Return queued notifications whose (next) attempt was due before nu - marge."""
        grens = (nu or timezone.now()) - (marge or timedelta(0))
        return self.filter(mail_status=MailStatus.WACHTRIJ).filter(
            models.Q(volgende_poging__lte=grens)
            | models.Q(volgende_poging__isnull=True, in_wachtrij_op__lte=grens)
        )
