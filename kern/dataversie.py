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
from django.db.models import BigIntegerField, Count, F, IntegerField, Max, Value
from django.db.models.functions import Cast


@dataclass(frozen=True)
class Bron:
    """A tracked model whose rows count in a province's figures."""

    model: type
    # The lookup from the model to the province's primary key ("gemeente__provincie");
    # None for reference data of every province (a cycle's counting window).
    provincie_path: str | None
    # The field holding the gemeente's id, on the model and on its history ("gemeente",
    # "id" for Gemeente itself): its rows are then counted per gemeente as well, so a
    # write in one gemeente changes that gemeente's version only (gemeente_versies).
    gemeente_path: str | None = None


_BRONNEN: dict[str, Bron] = {}


def register_dataversie_bron(model, provincie_path=None, gemeente_path=None):
    """Count the model's writes in the data version; call it from an AppConfig.ready().

    The model must keep a history (simple-history's `history` manager). A task app
    whose figures appear in a report (a PlanDeel) registers its tracked models.
    gemeente_path: see Bron; without it a write counts for the province as a whole.
    """
    _BRONNEN[model._meta.label] = Bron(model, provincie_path, gemeente_path)
    _sql.cache_clear()


def bronnen():
    return tuple(_BRONNEN.values())


def _aggregaat(queryset, pk, nummer, groep):
    """Return rows (bron's number, gemeente or None, max pk, count), for a UNION ALL."""
    # A typed NULL: PostgreSQL takes a union's column types from its first SELECT, and
    # an untyped NULL there is text, which no gemeente id after it matches.
    g = F(groep) if groep else Cast(Value(None), output_field=BigIntegerField())
    return (
        queryset.order_by()
        .annotate(_bron=Value(nummer, output_field=IntegerField()), _g=g)
        .values("_bron", "_g")
        .annotate(m=Max(pk), n=Count(pk))
        .values_list("_bron", "_g", "m", "n")
    )


def _delen(bron, nummer, provincie_id, per_gemeente):
    history = bron.model.history.model.objects.all()
    live = bron.model._base_manager.all()
    groep = bron.gemeente_path if per_gemeente else None
    if bron.provincie_path:
        history = history.filter(**{bron.provincie_path: provincie_id})
        live = live.filter(**{bron.provincie_path: provincie_id})
        return [
            _aggregaat(history, "history_id", nummer, groep),
            _aggregaat(live, "pk", nummer, groep),
        ]
    return [_aggregaat(history, "history_id", nummer, None)]


# The union's SQL is compiled once per process (compiling a dozen querysets costs more
# than running them) with this stand-in for the province, replaced in the parameters.
_PLAATSHOUDER = -7_310_013


@functools.cache
def _sql(per_gemeente=False):
    delen = [
        deel
        for nummer, bron in enumerate(bronnen())
        for deel in _delen(bron, nummer, _PLAATSHOUDER, per_gemeente)
    ]
    if not delen:
        return None, ()
    union = delen[0].union(*delen[1:], all=True) if len(delen) > 1 else delen[0]
    return union.query.sql_with_params()


def _rijen(provincie_id, per_gemeente=False):
    sql, params = _sql(per_gemeente)
    if sql is None:
        return []
    params = [provincie_id if p == _PLAATSHOUDER else p for p in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # In a fixed order: a database may return a union's groups in any.
        return sorted(cursor.fetchall(), key=_volgorde)


def _volgorde(rij):
    """Sort (bron, gemeente, max, count) rows; gemeente and max may be None."""
    bron, gemeente, hoogste, aantal = rij
    return (bron, gemeente is not None, gemeente or 0, hoogste is not None, hoogste or 0, aantal)


def _hash(rijen):
    return hashlib.blake2s(repr(rijen).encode(), digest_size=8).hexdigest()


class Dataversies:
    """A province's data versions: its own (one query), its gemeenten's (one more).

    Each is read once, when first asked: a request served from the cache reads only
    the province's version, a report counted again also its gemeenten's.
    """

    def __init__(self, provincie_id):
        self.provincie_id = provincie_id
        self._apps = [bron.model._meta.app_label for bron in bronnen()]

    @functools.cached_property
    def rijen(self):
        return _rijen(self.provincie_id)

    @functools.cached_property
    def gemeente_rijen(self):
        return _rijen(self.provincie_id, per_gemeente=True)

    def _zonder(self, rijen, zonder):
        return [rij for rij in rijen if self._apps[rij[0]] not in zonder]

    def versie(self, zonder=()) -> str:
        """Return the province's version; zonder: app labels left out (dataversies)."""
        return _hash(self._zonder(self.rijen, zonder))

    def gemeente_versies(self, zonder=()) -> tuple[str, dict[int, str]]:
        """Return (the version of the province-wide rows, {gemeente id: its version}).

        A figure of one gemeente that reads only models registered with a gemeente_path
        and the province-wide ones is the same while both its versions are: a write
        in another gemeente changes neither. A gemeente with no rows is absent.
        """
        per_gemeente, rest = {}, []
        for rij in self._zonder(self.gemeente_rijen, zonder):
            (rest if rij[1] is None else per_gemeente.setdefault(rij[1], [])).append(rij)
        return _hash(rest), {g: _hash(r) for g, r in per_gemeente.items()}


def dataversie(provincie_id) -> str:
    """Return the province's data version, in one query over the registered tables."""
    return Dataversies(provincie_id).versie()


def dataversies(provincie_id, *zonders) -> tuple[str, ...]:
    """Return the province's data version and versions of parts of it, in one query.

    Each zonder is a tuple of app labels whose models are left out, for a figure that
    reads none of them (the plan parts of ontheemden and huisvesting read no opvang
    model): that version stays the same while only those apps' rows change. Leaving
    apps out, not naming the ones in, keeps a newly registered model counted everywhere.
    """
    versies = Dataversies(provincie_id)
    return (versies.versie(), *(versies.versie(zonder) for zonder in zonders))
