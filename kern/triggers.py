"""Database triggers that keep the audit trail honest, as reversible migration operations.

Two guards, each one shared PL/pgSQL function with a trigger per table:

- `append_only(tables)`: an UPDATE or DELETE on the tables is refused, on PostgreSQL
  and on SQLite alike (history tables, vastgestelde documents, rights changes);
- `history_checked(tables)`: on PostgreSQL, a DEFERRABLE INITIALLY DEFERRED constraint
  trigger compares every inserted, updated or deleted row at commit with its latest
  history record (the highest history_id) and refuses the transaction when they differ.
  SQLite has no deferred triggers: there the managers are the guard (kern.audit).

Migrations of every app import these helpers from here, never from each other. The
functions are created (CREATE OR REPLACE) by every operation that needs them and dropped
only by the migration that introduced them, and only when no trigger uses them any more,
so unapplying one app's migrations never breaks another app's triggers.
"""

from django.db import migrations

APPEND_ONLY_MESSAGE = "De wijzigingshistorie kan niet worden aangepast of verwijderd."
APPEND_ONLY_FUNCTION = "opvangregister_history_append_only"
HISTORY_MATCHES_FUNCTION = "opvangregister_history_matches"

APPEND_ONLY_PG = f"""
CREATE OR REPLACE FUNCTION {APPEND_ONLY_FUNCTION}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}';
END;
$$ LANGUAGE plpgsql;
"""

HISTORY_MATCHES_PG = """
CREATE OR REPLACE FUNCTION opvangregister_history_matches() RETURNS trigger AS $$
DECLARE
    history regclass := TG_ARGV[0]::regclass;
    row_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    row_columns text;
    history_columns text;
    latest_type text;
    row_exists boolean;
    same boolean;
BEGIN
    SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY a.attnum),
           string_agg('h.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
      INTO row_columns, history_columns
      FROM pg_attribute a
      JOIN pg_attribute b ON b.attrelid = history AND b.attname = a.attname
                         AND b.attnum > 0 AND NOT b.attisdropped
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
    EXECUTE format(
        'SELECT h.history_type, t.id IS NOT NULL, ROW(%s) IS NOT DISTINCT FROM ROW(%s) '
        'FROM (SELECT $1 AS id) k '
        'LEFT JOIN %s t ON t.id = k.id '
        'LEFT JOIN LATERAL (SELECT * FROM %s WHERE id = k.id '
        'ORDER BY history_id DESC LIMIT 1) h ON true',
        row_columns, history_columns, TG_RELID::regclass, history)
      INTO latest_type, row_exists, same
      USING row_id;
    IF (row_exists AND (latest_type IS NULL OR latest_type = '-' OR NOT same))
       OR (NOT row_exists AND latest_type IS DISTINCT FROM '-') THEN
        RAISE EXCEPTION 'Wijziging van % (id %) zonder bijpassende regel in de '
                        'wijzigingshistorie.', TG_TABLE_NAME, row_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def _drop_unused_function(schema_editor, name):
    """Drop a shared trigger function on PostgreSQL unless a trigger still uses it."""
    schema_editor.execute(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (
                SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                 WHERE p.proname = '{name}'
            ) THEN
                DROP FUNCTION IF EXISTS {name}();
            END IF;
        END $$;
        """,  # noqa: S608 (the name is one of this module's constants)
        params=None,
    )


def create_append_only_triggers(schema_editor, tables):
    """Refuse UPDATE and DELETE on the tables."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY_PG)
    for table in tables:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if vendor == "postgresql":
                schema_editor.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION {APPEND_ONLY_FUNCTION}()"
                )
            elif vendor == "sqlite":
                schema_editor.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
                )


def drop_append_only_triggers(schema_editor, tables, drop_function=False):
    """Drop the triggers of create_append_only_triggers (and the unused function)."""
    vendor = schema_editor.connection.vendor
    for table in tables:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            elif vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    if vendor == "postgresql" and drop_function:
        _drop_unused_function(schema_editor, APPEND_ONLY_FUNCTION)


def history_table(table):
    """Return the name of simple-history's table for table ("app_model")."""
    app, model = table.split("_", 1)
    return f"{app}_historical{model}"


def create_history_checks(schema_editor, tables):
    """Check at commit, on PostgreSQL, that each changed row matches its history."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(HISTORY_MATCHES_PG, params=None)  # its % are PL/pgSQL placeholders
    for table in tables:
        schema_editor.execute(
            f"CREATE CONSTRAINT TRIGGER {table}_history_matches "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED "
            f"FOR EACH ROW EXECUTE FUNCTION {HISTORY_MATCHES_FUNCTION}"
            f"('{history_table(table)}')"
        )


def drop_history_checks(schema_editor, tables, drop_function=False):
    """Drop the triggers of create_history_checks (and the unused function)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in tables:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_history_matches ON {table}")
    if drop_function:
        _drop_unused_function(schema_editor, HISTORY_MATCHES_FUNCTION)


def append_only(tables, *, drop_function=False):
    """Return a reversible operation making the tables append-only."""
    return migrations.RunPython(
        lambda apps, schema_editor: create_append_only_triggers(schema_editor, tables),
        lambda apps, schema_editor: drop_append_only_triggers(schema_editor, tables, drop_function),
    )


def history_checked(tables, *, drop_function=False):
    """Return a reversible operation adding the commit-time history check to the tables."""
    return migrations.RunPython(
        lambda apps, schema_editor: create_history_checks(schema_editor, tables),
        lambda apps, schema_editor: drop_history_checks(schema_editor, tables, drop_function),
    )
