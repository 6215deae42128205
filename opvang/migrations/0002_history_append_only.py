"""Make the audit trail append-only in the database itself.

Whatever the application does, an UPDATE or DELETE on a history table is refused by a
trigger, on PostgreSQL and on SQLite alike. Reversible: the reverse drops the triggers.
The helper lives in kern.triggers, so that every app's migrations use it without
importing each other's.
"""

from django.db import migrations

from kern.triggers import append_only

HISTORY_TABLES = [
    "gemeenten_historicalgemeente",
    "opvang_historicalcyclus",
    "opvang_historicalopgave",
    "opvang_historicallocatie",
    "opvang_historicaluitvraag",
    "opvang_historicalindiening",
]


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0001_initial"),
        ("opvang", "0001_initial"),
    ]

    operations = [append_only(HISTORY_TABLES, drop_function=True)]
