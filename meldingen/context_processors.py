from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.utils.functional import SimpleLazyObject

from .models import Melding

# The attribute the signed-in user is loaded with (accounts.backends, registered in
# MeldingenConfig.ready): the unread count read in the user's own query, so a page
# spends no query of its own on the header's count, and the count is never stale.
ONGELEZEN = "meldingen_ongelezen_aantal"


def ongelezen_aantal():
    """Return the expression of the user's unread count, for the user's query.

    Written as SQL from the models' own table and column names (no input in it): the
    same subquery built with the ORM cost more to compile on every request than the
    query itself took to run.
    """
    q = connection.ops.quote_name
    melding, user = Melding._meta, get_user_model()._meta
    # Only the models' table and column names go in, quoted by the database backend.
    t, u = q(melding.db_table), f"{q(user.db_table)}.{q(user.pk.column)}"
    o, g = q(melding.get_field("ontvanger").column), q(melding.get_field("gelezen_op").column)
    sql = f"SELECT COUNT(*) FROM {t} WHERE {t}.{o} = {u} AND {t}.{g} IS NULL"  # noqa: S608
    return RawSQL(sql, (), output_field=IntegerField())  # noqa: S611 (no input)


def meldingen(request):
    """Give every page the user's unread count: loaded with the user, else counted lazily."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    aantal = getattr(user, ONGELEZEN, None)
    if aantal is not None:
        return {"meldingen_ongelezen": aantal}
    return {
        "meldingen_ongelezen": SimpleLazyObject(
            lambda: Melding.objects.for_user(user).ongelezen().count()
        )
    }
