"""One word per concept: DocumentVersie.soort (verslag or plan) becomes document.

The column is renamed in place with ALTER TABLE ... RENAME COLUMN on both vendors, never
by rebuilding the table: a rebuild would drop the append-only triggers that keep a
vastgesteld document unchanged. Both vendors carry the unique index over the renamed
column along, so the constraint documentversie_uniek keeps its name and meaning.
"""

from django.db import migrations, models

KOLOMMEN = [
    ("rapportage_documentversie", "soort", "document"),
    ("rapportage_historicaldocumentversie", "soort", "document"),
]


def rename_column(table, old, new):
    return migrations.RunSQL(
        f'ALTER TABLE "{table}" RENAME COLUMN "{old}" TO "{new}"',
        f'ALTER TABLE "{table}" RENAME COLUMN "{new}" TO "{old}"',
    )


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0003_documentversie_history_check"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[rename_column(*kolom) for kolom in KOLOMMEN],
            state_operations=[
                migrations.RenameField("documentversie", "soort", "document"),
                migrations.RenameField("historicaldocumentversie", "soort", "document"),
                migrations.AlterModelOptions(
                    name="documentversie",
                    options={
                        "base_manager_name": "objects",
                        "ordering": ["provincie", "cyclus", "document", "-versie"],
                        "verbose_name": "vastgestelde documentversie",
                        "verbose_name_plural": "vastgestelde documentversies",
                    },
                ),
                # The database's unique index followed the column; only the state's
                # description of the constraint names the new field.
                migrations.RemoveConstraint(
                    model_name="documentversie", name="documentversie_uniek"
                ),
                migrations.AddConstraint(
                    model_name="documentversie",
                    constraint=models.UniqueConstraint(
                        fields=("provincie", "cyclus", "document", "versie"),
                        name="documentversie_uniek",
                        violation_error_message="Deze versie bestaat al; probeer het opnieuw.",
                    ),
                ),
            ],
        ),
    ]
