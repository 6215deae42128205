"""The audit trail: who changed what, when and from where.

django-simple-history records every save and delete through the ORM (forms, imports,
the admin and code alike) with the acting user. It misses QuerySet.update() and
bulk_* writes, so tracked models use `AuditedQuerySet`, which refuses them, as their
default and their base manager; only `bulk_create_met_historie` and
`bulk_update_met_historie` write in bulk, with a history record per row. On PostgreSQL
a commit-time trigger refuses what goes around both (opvang migration 0007), which is
why a save and its history record are always written in one transaction
(`AuditedModel`).
"""

import contextvars

from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone


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
        # bulk_update() runs its UPDATEs through update(): allowed only inside it.
        if not _bulk_met_historie.get():
            self._refuse("QuerySet.update()")
        return super().update(**kwargs)

    def bulk_create(self, *args, **kwargs):
        if not _bulk_met_historie.get():
            self._refuse("bulk_create()")
        return super().bulk_create(*args, **kwargs)

    def bulk_update(self, *args, **kwargs):
        if not _bulk_met_historie.get():
            self._refuse("bulk_update()")
        return super().bulk_update(*args, **kwargs)

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


# Set only inside bulk_create_met_historie / bulk_update_met_historie: there the rows
# and their history records are written together, in one transaction.
_bulk_met_historie = contextvars.ContextVar("bulk_met_historie", default=False)


def _history_attrs():
    """Return the extra history fields of a bulk write: the IP of the request, if any."""
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    return {"ip_address": client_ip(request, getattr(settings, "TRUSTED_PROXY_COUNT", 0))}


def bulk_create_met_historie(objs, model, *, user, reden=None, batch_size=500):
    """Insert objs in batches with a history record each (who, when, why, IP).

    simple-history's bulk_create_with_history, in one transaction, with the user, the
    reason and one moment for every record: the audit trail is the same as of single
    saves, and PostgreSQL's commit-time check finds a matching record for every row.
    """
    from simple_history.utils import bulk_create_with_history

    token = _bulk_met_historie.set(True)
    try:
        with transaction.atomic():
            return bulk_create_with_history(
                objs,
                model,
                batch_size=batch_size,
                default_user=user,
                default_change_reason=reden,
                default_date=timezone.now(),
                custom_historical_attrs=_history_attrs(),
            )
    finally:
        _bulk_met_historie.reset(token)


def bulk_update_met_historie(objs, model, fields, *, user, reden=None, batch_size=500):
    """Update fields of objs in batches with a history record each, as bulk_create_met_historie.

    auto_now fields are not set by a bulk update: the caller sets them on objs and
    names them in fields.
    """
    from simple_history.utils import bulk_update_with_history

    token = _bulk_met_historie.set(True)
    try:
        with transaction.atomic():
            return bulk_update_with_history(
                objs,
                model,
                fields,
                batch_size=batch_size,
                default_user=user,
                default_change_reason=reden,
                default_date=timezone.now(),
                custom_historical_attrs=_history_attrs(),
            )
    finally:
        _bulk_met_historie.reset(token)
