"""A province's data version: a short string that changes on every write of its figures.

Every write of a tracked model creates a history row (kern.audit; PostgreSQL's commit
trigger from kern.triggers refuses one without), also through the admin, the import
and simple-history's bulk functions. So the version is read from the history tables
that apps register here, in one query: per table the highest history id and the
number of history rows of the province, and the number of its live rows. A write in
the province adds a history row there; a row that moves out of the province (a
location to another gemeente, a gemeente to another province) leaves one live row
fewer, and only a new history row in the province can bring the number back.

Caches of figures (rapportage.cache) put the version in their keys: a changed figure
is a new key, nothing has to be deleted, and no stale figure can be read.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, IntegerField, Max, Value


@dataclass(frozen=True)
class Bron:
    """A tracked model whose rows count in a province's figures."""

    model: type
    # The lookup from the model to the province's primary key ("gemeente__provincie");
    # None for reference data of every province (a cycle's counting window).
    provincie_path: str | None


_BRONNEN: dict[str, Bron] = {}


def register_dataversie_bron(model, provincie_path=None):
    """Count the model's writes in the data version; call it from an AppConfig.ready().

    The model must keep a history (simple-history's `history` manager). A task app
    whose figures appear in a report (a PlanDeel) registers its tracked models.
    """
    _BRONNEN[model._meta.label] = Bron(model, provincie_path)
    _sql.cache_clear()


def bronnen():
    return tuple(_BRONNEN.values())


def _aggregaat(queryset, pk, nummer):
    """Return one row (bron's number, max pk, count) of the queryset, for a UNION ALL."""
    return (
        queryset.order_by()
        .annotate(_bron=Value(nummer, output_field=IntegerField()))
        .values("_bron")
        .annotate(m=Max(pk), n=Count(pk))
        .values_list("_bron", "m", "n")
    )


def _delen(bron, nummer, provincie_id):
    history = bron.model.history.model.objects.all()
    live = bron.model._base_manager.all()
    if bron.provincie_path:
        history = history.filter(**{bron.provincie_path: provincie_id})
        live = live.filter(**{bron.provincie_path: provincie_id})
        return [_aggregaat(history, "history_id", nummer), _aggregaat(live, "pk", nummer)]
    return [_aggregaat(history, "history_id", nummer)]


# The union's SQL is compiled once per process (compiling a dozen querysets costs more
# than running them) with this stand-in for the province, replaced in the parameters.
_PLAATSHOUDER = -7_310_013


@functools.cache
def _sql():
    delen = [
        deel
        for nummer, bron in enumerate(bronnen())
        for deel in _delen(bron, nummer, _PLAATSHOUDER)
    ]
    if not delen:
        return None, ()
    union = delen[0].union(*delen[1:], all=True) if len(delen) > 1 else delen[0]
    return union.query.sql_with_params()


def _rijen(provincie_id):
    sql, params = _sql()
    if sql is None:
        return []
    params = [provincie_id if p == _PLAATSHOUDER else p for p in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(cursor.fetchall(), key=repr)


def _versie(rijen, zonder):
    apps = [bron.model._meta.app_label for bron in bronnen()]
    deel = [rij for rij in rijen if apps[rij[0]] not in zonder]
    return hashlib.blake2s(repr(deel).encode(), digest_size=8).hexdigest()


def dataversie(provincie_id) -> str:
    """Return the province's data version, in one query over the registered tables."""
    return _versie(_rijen(provincie_id), ())


def dataversies(provincie_id, *zonders) -> tuple[str, ...]:
    """Return the province's data version and versions of parts of it, in one query.

    Each zonder is a tuple of app labels whose models are left out, for a figure that
    reads none of them (the plan parts of ontheemden and huisvesting read no opvang
    model): that version stays the same while only those apps' rows change. Leaving
    apps out, not naming the ones in, keeps a newly registered model counted everywhere.
    """
    rijen = _rijen(provincie_id)
    return (_versie(rijen, ()), *(_versie(rijen, zonder) for zonder in zonders))
