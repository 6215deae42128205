"""The audit trail: who changed what, when and from where.

django-simple-history records every save and delete through the ORM (forms, imports,
the admin and code alike) with the acting user. It misses QuerySet.update() and
bulk_* writes, so tracked models use `AuditedQuerySet`, which refuses them, as their
default and their base manager. On PostgreSQL a commit-time trigger refuses what goes
around both (opvang migration 0007), which is why a save and its history record are
always written in one transaction (`AuditedModel`).
"""

from django.db import models, router, transaction


class AuditFields(models.Model):
    """Extra fields on every historical record."""

    ip_address = models.GenericIPAddressField("IP-adres", null=True, blank=True)

    class Meta:
        abstract = True


class AuditedModel(models.Model):
    """Base of every tracked model: a save and its history record commit together.

    simple-history writes the record after the row, in the post_save signal. Outside a
    transaction (autocommit) the row would commit alone, before its record exists, and
    PostgreSQL's commit-time check would refuse it. Tracked models also set
    `Meta.base_manager_name = "objects"`, so that `_base_manager` refuses update() too.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using, savepoint=False):
            super().save(*args, **kwargs)


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


def attribute_to(obj, user, reason=None):
    """Attribute the next save of obj in the audit trail to user, with an optional reason.

    Inside a request simple-history finds the user itself; this makes it explicit, also
    for writes outside a request (management commands, imports).
    """
    obj._history_user = user
    if reason:
        obj._change_reason = reason


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
