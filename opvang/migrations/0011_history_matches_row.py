"""On PostgreSQL, refuse at commit a change of a tracked row that left no history behind.

The managers refuse update() and bulk_* (opvang.audit), but code can go around them
(`models.QuerySet.update(qs)`, raw SQL, `save_without_historical_record()`). A
DEFERRABLE INITIALLY DEFERRED constraint trigger on each tracked table runs when the
transaction commits, for every row it inserted, updated or deleted, and compares the row
with its latest history record (the highest history_id): every column the two tables
share must be equal, and a deleted row's latest record must be a deletion ('-').
simple-history writes that record right after each save and delete, in the same
transaction (opvang.audit.AuditedModel), so legitimate writes always pass; a write
around it rolls the whole transaction back.

The columns are read from the catalog each time, so the check follows later migrations
that add or drop fields. Data migrations that change tracked rows must write their
history records too. SQLite has no deferred triggers: there the managers are the guard.
Reversible; later migrations add tables with `history_checked()`.
"""

from django.db import migrations

TABLES = [
    "gemeenten_gemeente",
    "opvang_cyclus",
    "opvang_opgave",
    "opvang_locatie",
    "opvang_uitvraag",
    "opvang_indiening",
    "opvang_uitvraagimport",
]
PG_FUNCTION = """
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


def history_table(table):
    app, model = table.split("_", 1)
    return f"{app}_historical{model}"


def create_triggers(apps, schema_editor, tables=TABLES):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(PG_FUNCTION, params=None)  # its % are PL/pgSQL placeholders
    for table in tables:
        schema_editor.execute(
            f"CREATE CONSTRAINT TRIGGER {table}_history_matches "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED "
            "FOR EACH ROW EXECUTE FUNCTION "
            f"opvangregister_history_matches('{history_table(table)}')"
        )


def drop_triggers(apps, schema_editor, tables=TABLES, drop_function=True):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in tables:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_history_matches ON {table}")
    if drop_function:
        schema_editor.execute("DROP FUNCTION IF EXISTS opvangregister_history_matches()")


def history_checked(tables):
    """Return a reversible operation adding the check to more tables, for later migrations.

    The function is shared: the reverse leaves it for the others.
    """
    return migrations.RunPython(
        lambda apps, schema_editor: create_triggers(apps, schema_editor, tables),
        lambda apps, schema_editor: drop_triggers(apps, schema_editor, tables, False),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0004_beheer_groep"),
        ("opvang", "0010_base_manager_guarded"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
