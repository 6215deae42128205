"""Vastgestelde documents, their downloads and their history never change in the database.

Triggers refuse UPDATE and DELETE on these tables (see opvang 0002); reversible.
"""

from django.db import migrations

from kern.triggers import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0002_history_append_only"),
        ("rapportage", "0001_initial"),
    ]

    operations = [
        append_only(
            [
                "rapportage_documentversie",
                "rapportage_documentdownload",
                "rapportage_historicaldocumentversie",
            ]
        )
    ]
