"""Add Gemeente.inwoners_bron: where a gemeente's population comes from.

Django's AddField rebuilds a SQLite table for a column with a default, and the rebuild
drops the append-only triggers of gemeenten_historicalgemeente (opvang migration 0002).
So the column is added in place, with ALTER TABLE ... ADD COLUMN, on both tables; the
state is Django's plain AddField. The empty default stays in the database, where it is
harmless: Django always writes the field.
"""

from django.db import migrations, models

TABLES = ["gemeenten_gemeente", "gemeenten_historicalgemeente"]
FIELD = models.CharField(blank=True, max_length=200, verbose_name="bron inwoners")


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0009_herindeling"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {table} ADD COLUMN inwoners_bron varchar(200) "
                    "NOT NULL DEFAULT ''",
                    f"ALTER TABLE {table} DROP COLUMN inwoners_bron",
                )
                for table in TABLES
            ],
            state_operations=[
                migrations.AddField(model_name="gemeente", name="inwoners_bron", field=FIELD),
                migrations.AddField(
                    model_name="historicalgemeente", name="inwoners_bron", field=FIELD
                ),
            ],
        ),
    ]
