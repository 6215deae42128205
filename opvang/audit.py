"""The audit trail: who changed what, when and from where.

django-simple-history records every save and delete through the ORM (forms, imports,
the admin and code alike) with the acting user. It misses QuerySet.update() and
bulk_* writes, so tracked models use `AuditedQuerySet`, which refuses them.
"""

from django.db import models


class AuditFields(models.Model):
    """Extra fields on every historical record."""

    ip_address = models.GenericIPAddressField("IP-adres", null=True, blank=True)

    class Meta:
        abstract = True


class UnauditedWriteError(RuntimeError):
    pass


class AuditedQuerySet(models.QuerySet):
    """Refuse writes that would bypass the audit trail."""

    def _refuse(self, what):
        raise UnauditedWriteError(
            f"{what} schrijft buiten de wijzigingshistorie om; sla elk object apart op."
        )

    def update(self, **kwargs):
        self._refuse("QuerySet.update()")

    def bulk_create(self, *args, **kwargs):
        self._refuse("bulk_create()")

    def bulk_update(self, *args, **kwargs):
        self._refuse("bulk_update()")

    def _raw_delete(self, *args, **kwargs):
        self._refuse("_raw_delete()")


def toeschrijven(obj, user, reden=None):
    """Attribute the next save of obj in the audit trail to user, with an optional reason.

    Inside a request simple-history finds the user itself; this makes it explicit, also
    for writes outside a request (management commands, imports).
    """
    obj._history_user = user
    if reden:
        obj._change_reason = reden


def client_ip(request, trusted_proxy_count=0):
    """Return the client's IP, trusting X-Forwarded-For only from our own proxies."""
    if request is None:
        return None
    if trusted_proxy_count:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= trusted_proxy_count:
            return forwarded[-trusted_proxy_count]
    return request.META.get("REMOTE_ADDR")
