"""The GOO audit trail cannot be bypassed or altered in the database (migration 0002)."""

from datetime import date

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from ontheemden import services
from ontheemden.models import Bezetting, GooLocatie

from .factories import GooLocatieFactory

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no deferred (commit-time) triggers"
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM ontheemden_historicalgoolocatie",
        "UPDATE ontheemden_historicalbezetting SET bezet = 1",
        "UPDATE ontheemden_streefgetal SET aantal = 1",
        "DELETE FROM ontheemden_streefgetal",
    ],
)
def test_history_and_streefgetal_versions_are_append_only(gemeente, gemeente_user, prt_user, sql):
    locatie = GooLocatieFactory(gemeente=gemeente)
    services.bezetting_vastleggen(
        locatie=locatie, peildatum=date(2026, 3, 1), bezet=3, user=gemeente_user
    )
    services.streefgetal_vastleggen(
        provincie=gemeente.provincie,
        gemeente_code=gemeente.code,
        aantal=5,
        bron="PRT",
        datum=date(2026, 1, 1),
        user=prt_user,
    )
    refused = pytest.raises(DatabaseError, match="wijzigingshistorie kan niet")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@only_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("table", ["ontheemden_goolocatie", "ontheemden_bezetting"])
def test_a_raw_write_without_history_is_refused_at_commit(committed_db, gemeente, table):
    locatie = GooLocatieFactory(gemeente=gemeente, capaciteit=40)
    Bezetting(locatie=locatie, peildatum=date(2026, 3, 1), bezet=3).save()
    kolom = "capaciteit" if table == "ontheemden_goolocatie" else "bezet"
    refused = pytest.raises(IntegrityError, match="wijzigingshistorie")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {kolom} = 2")  # noqa: S608
    assert GooLocatie.objects.get().capaciteit == 40
