"""Guard the audit trail of the GOO tables, as opvang's migrations 0002 and 0011 do.

History tables are append-only (PostgreSQL and SQLite); on PostgreSQL a commit-time
trigger refuses a change of a tracked row without its history record; a streefgetal
version itself is append-only too. The shared functions live in kern.triggers and are
not dropped here (other apps' triggers use them). Reversible.
"""

from django.db import migrations

from kern.triggers import append_only, history_checked

TABLES = [
    "ontheemden_goolocatie",
    "ontheemden_bezetting",
    "ontheemden_particuliereopvang",
    "ontheemden_streefgetal",
]
HISTORY_TABLES = [
    "ontheemden_historicalgoolocatie",
    "ontheemden_historicalbezetting",
    "ontheemden_historicalparticuliereopvang",
    "ontheemden_historicalstreefgetal",
]


class Migration(migrations.Migration):
    dependencies = [
        ("ontheemden", "0001_initial"),
    ]

    operations = [
        append_only([*HISTORY_TABLES, "ontheemden_streefgetal"]),
        history_checked(TABLES),
    ]
