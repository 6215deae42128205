"""Guard the history of vastgestelde documents like the other tracked models.

`_base_manager` becomes the guarded manager (see opvang 0006), and on PostgreSQL the
commit-time check of opvang 0007 refuses a document row written without its history
record (UPDATE and DELETE are refused outright since 0002; this catches a raw INSERT).
Reversible.
"""

from django.db import migrations

from kern.triggers import history_checked


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0011_history_matches_row"),
        ("rapportage", "0002_documenten_append_only"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="documentversie",
            options={
                "base_manager_name": "objects",
                "ordering": ["provincie", "cyclus", "soort", "-versie"],
                "verbose_name": "vastgestelde documentversie",
                "verbose_name_plural": "vastgestelde documentversies",
            },
        ),
        history_checked(["rapportage_documentversie"]),
    ]
