"""One word per concept: rename fields of Opgave, Locatie and UitvraagImport.

Columns are renamed in place with ALTER TABLE … RENAME COLUMN (SQLite ≥ 3.25 and
PostgreSQL), never by rebuilding a table: Django's SQLite editor rebuilds a table to
rename a foreign key column, and a rebuild would drop the append-only triggers. Locatie's
columns keep their first names (db_column): the tests of data migrations 0005 and 0007
run those migrations' historical models against today's schema.
"""

from django.db import migrations, models

# (table, old column, new column)
KOLOMMEN = [
    ("opvang_opgave", "soort", "grondslag"),
    ("opvang_opgave", "created_at", "aangemaakt_op"),
    ("opvang_opgave", "created_by_id", "aangemaakt_door_id"),
    ("opvang_historicalopgave", "soort", "grondslag"),
    ("opvang_historicalopgave", "created_at", "aangemaakt_op"),
    ("opvang_historicalopgave", "created_by_id", "aangemaakt_door_id"),
    ("opvang_uitvraagimport", "inhoud", "bestand"),
    ("opvang_uitvraagimport", "opgave_soort", "opgave_grondslag"),
    ("opvang_uitvraagimport", "uploaded_by_id", "geupload_door_id"),
    ("opvang_uitvraagimport", "uploaded_at", "geupload_op"),
    ("opvang_uitvraagimport", "processed_at", "verwerkt_op"),
    ("opvang_historicaluitvraagimport", "opgave_soort", "opgave_grondslag"),
    ("opvang_historicaluitvraagimport", "uploaded_by_id", "geupload_door_id"),
    ("opvang_historicaluitvraagimport", "uploaded_at", "geupload_op"),
    ("opvang_historicaluitvraagimport", "processed_at", "verwerkt_op"),
]

VELDEN = [
    ("opgave", "soort", "grondslag"),
    ("opgave", "created_at", "aangemaakt_op"),
    ("opgave", "created_by", "aangemaakt_door"),
    ("historicalopgave", "soort", "grondslag"),
    ("historicalopgave", "created_at", "aangemaakt_op"),
    ("historicalopgave", "created_by", "aangemaakt_door"),
    ("uitvraagimport", "inhoud", "bestand"),
    ("uitvraagimport", "opgave_soort", "opgave_grondslag"),
    ("uitvraagimport", "uploaded_by", "geupload_door"),
    ("uitvraagimport", "uploaded_at", "geupload_op"),
    ("uitvraagimport", "processed_at", "verwerkt_op"),
    ("historicaluitvraagimport", "opgave_soort", "opgave_grondslag"),
    ("historicaluitvraagimport", "uploaded_by", "geupload_door"),
    ("historicaluitvraagimport", "uploaded_at", "geupload_op"),
    ("historicaluitvraagimport", "processed_at", "verwerkt_op"),
    ("locatie", "version", "versie"),
    ("locatie", "created_at", "aangemaakt_op"),
    ("locatie", "updated_at", "gewijzigd_op"),
    ("historicallocatie", "version", "versie"),
]


def rename_column(table, old, new):
    return migrations.RunSQL(
        f'ALTER TABLE "{table}" RENAME COLUMN "{old}" TO "{new}"',
        f'ALTER TABLE "{table}" RENAME COLUMN "{new}" TO "{old}"',
    )


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0012_locatie_constraint_messages"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[rename_column(*kolom) for kolom in KOLOMMEN],
            state_operations=[
                *(migrations.RenameField(model, old, new) for model, old, new in VELDEN),
                migrations.AlterField(
                    model_name="locatie",
                    name="versie",
                    field=models.PositiveIntegerField(
                        db_column="version", default=1, editable=False
                    ),
                ),
                migrations.AlterField(
                    model_name="historicallocatie",
                    name="versie",
                    field=models.PositiveIntegerField(
                        db_column="version", default=1, editable=False
                    ),
                ),
                migrations.AlterField(
                    model_name="locatie",
                    name="aangemaakt_op",
                    field=models.DateTimeField(auto_now_add=True, db_column="created_at"),
                ),
                migrations.AlterField(
                    model_name="locatie",
                    name="gewijzigd_op",
                    field=models.DateTimeField(auto_now=True, db_column="updated_at"),
                ),
                migrations.AlterModelOptions(
                    name="uitvraagimport",
                    options={
                        "base_manager_name": "objects",
                        "ordering": ["-geupload_op", "-id"],
                        "verbose_name": "import van een uitvraag",
                        "verbose_name_plural": "imports van uitvragen",
                    },
                ),
            ],
        ),
    ]
