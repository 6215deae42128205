"""What a gemeente submitted never changes in the database: snapshot, who, when, where.

A trigger refuses an UPDATE of an indiening that changes its snapshot, submitter,
submission time, gemeente or uitvraag, on PostgreSQL and on SQLite alike; a review still
changes status, opmerking and beoordeeld_*. The ORM writes every column on save, so the
trigger compares old and new values rather than the columns named. Reversible.
"""

from django.db import migrations

MESSAGE = "De ingediende gegevens van een indiening kunnen niet worden gewijzigd."
COLUMNS = ["snapshot", "ingediend_door_id", "ingediend_op", "gemeente_id", "uitvraag_id"]
TRIGGER = "opvang_indiening_ingediend_onveranderlijk"

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION opvangregister_indiening_onveranderlijk() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;
"""


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COLUMNS)
        schema_editor.execute(PG_FUNCTION)
        schema_editor.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON opvang_indiening FOR EACH ROW "
            f"WHEN ({changed}) EXECUTE FUNCTION opvangregister_indiening_onveranderlijk()"
        )
    elif vendor == "sqlite":
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COLUMNS)
        schema_editor.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON opvang_indiening FOR EACH ROW "
            f"WHEN {changed} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON opvang_indiening")
        schema_editor.execute("DROP FUNCTION IF EXISTS opvangregister_indiening_onveranderlijk()")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("opvang", "0008_datum_bereik")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
