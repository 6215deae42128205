"""Make the history of uitvraag imports append-only too, like the tables of 0002.

Reuses the trigger function (PostgreSQL) and the message of 0002; reversible.
"""

from importlib import import_module

from django.db import migrations

append_only = import_module("opvang.migrations.0002_history_append_only")

TABLE = "opvang_historicaluitvraagimport"


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # CREATE OR REPLACE: harmless when 0002 already made the function.
        schema_editor.execute(append_only.PG_FUNCTION)
    for action in ("UPDATE", "DELETE"):
        name = f"{TABLE}_no_{action.lower()}"
        if vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON {TABLE} "
                "FOR EACH ROW EXECUTE FUNCTION opvangregister_history_append_only()"
            )
        elif vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON {TABLE} "
                f"BEGIN SELECT RAISE(ABORT, '{append_only.MESSAGE}'); END"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for action in ("UPDATE", "DELETE"):
        name = f"{TABLE}_no_{action.lower()}"
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("opvang", "0003_uitvraagimport")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
