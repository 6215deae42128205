"""`manage.py runtime_rol_sql` prints the grants of a runtime role that owns nothing.

On PostgreSQL the printed SQL is run in the test's transaction (so the role and its
rights vanish with the rollback) and the role is tried out with SET ROLE.
`.ci/runtime-role-check` proves the same with a real login on a scratch database.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from opvang.management.commands.runtime_rol_sql import ONGELDIGE_NAAM, grants
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db

ROL = f"opvang_app_test_{os.getpid()}"


def test_the_grants_give_rows_and_sequences_and_future_tables_but_no_truncate():
    sql = grants(rol="opvang_app", eigenaar="opvangregister", database="opvangregister")
    assert (
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "opvang_app";'
        in sql
    )
    assert 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "opvang_app";' in sql
    assert (
        'ALTER DEFAULT PRIVILEGES FOR ROLE "opvangregister" IN SCHEMA public '
        'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "opvang_app";'
    ) in sql
    rights = [line for line in sql.splitlines() if line.startswith(("GRANT", "ALTER"))]
    assert not [line for line in rights if "TRUNCATE" in line or "ALL PRIVILEGES" in line]


@pytest.mark.parametrize("naam", ['app"; DROP TABLE x; --', "Opvang App", ""])
def test_a_role_name_that_is_not_a_plain_identifier_is_refused(naam):
    with pytest.raises(CommandError, match=ONGELDIGE_NAAM.split("{")[0]):
        call_command("runtime_rol_sql", rol=naam, stdout=StringIO())


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite message")
def test_on_sqlite_the_command_says_it_is_for_postgresql():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("runtime_rol_sql", rol="opvang_app", stdout=StringIO())


def refused(cursor, statement):
    try:
        with transaction.atomic():
            cursor.execute(statement)
    except DatabaseError as exc:
        return str(exc).splitlines()[0]
    return None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="roles are PostgreSQL's")
def test_the_runtime_role_writes_rows_but_cannot_remove_history(gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    out = StringIO()
    call_command("runtime_rol_sql", rol=ROL, stdout=out)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {ROL} NOSUPERUSER NOLOGIN")
        cursor.execute(out.getvalue())
        cursor.execute(f"SET ROLE {ROL}")
        cursor.execute("SELECT count(*) FROM opvang_historicallocatie")
        assert cursor.fetchone() == (1,)
        cursor.execute("INSERT INTO gemeenten_provincie (code, naam) VALUES ('PV99', 'Proef')")
        assert "permission denied" in refused(cursor, "TRUNCATE opvang_historicallocatie")
        assert "must be owner" in refused(
            cursor, "ALTER TABLE opvang_historicallocatie DISABLE TRIGGER ALL"
        )
        assert "must be owner" in refused(
            cursor, "DROP TRIGGER opvang_historicallocatie_no_delete ON opvang_historicallocatie"
        )
        assert "wijzigingshistorie" in refused(cursor, "DELETE FROM opvang_historicallocatie")
        cursor.execute("RESET ROLE")
    assert locatie.history.count() == 1
