"""Make the audit trail append-only in the database itself.

Whatever the application does, an UPDATE or DELETE on a history table is refused by a
trigger, on PostgreSQL and on SQLite alike. Reversible: the reverse drops the triggers.
"""

from django.db import migrations

HISTORY_TABLES = [
    "gemeenten_historicalgemeente",
    "opvang_historicalcyclus",
    "opvang_historicalopgave",
    "opvang_historicallocatie",
    "opvang_historicaluitvraag",
    "opvang_historicalindiening",
]
MESSAGE = "De wijzigingshistorie kan niet worden aangepast of verwijderd."

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION opvangregister_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor, tables=HISTORY_TABLES):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
    for table in tables:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if vendor == "postgresql":
                schema_editor.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION opvangregister_history_append_only()"
                )
            elif vendor == "sqlite":
                schema_editor.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
                )


def drop_triggers(apps, schema_editor, tables=HISTORY_TABLES, drop_function=True):
    vendor = schema_editor.connection.vendor
    for table in tables:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            elif vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    if vendor == "postgresql" and drop_function:
        schema_editor.execute("DROP FUNCTION IF EXISTS opvangregister_history_append_only()")


def append_only(tables):
    """Return a reversible operation making more tables append-only, for later migrations.

    The PostgreSQL trigger function is shared: the reverse leaves it for the others.
    """
    return migrations.RunPython(
        lambda apps, schema_editor: create_triggers(apps, schema_editor, tables),
        lambda apps, schema_editor: drop_triggers(apps, schema_editor, tables, False),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0001_initial"),
        ("opvang", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
