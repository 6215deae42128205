"""On PostgreSQL, refuse at commit a change of a tracked row that left no history behind.

The managers refuse update() and bulk_* (kern.audit), but code can go around them
(`models.QuerySet.update(qs)`, raw SQL, `save_without_historical_record()`). A
DEFERRABLE INITIALLY DEFERRED constraint trigger on each tracked table runs when the
transaction commits, for every row it inserted, updated or deleted, and compares the row
with its latest history record (the highest history_id): every column the two tables
share must be equal, and a deleted row's latest record must be a deletion ('-').
simple-history writes that record right after each save and delete, in the same
transaction (kern.audit.AuditedModel), so legitimate writes always pass; a write
around it rolls the whole transaction back.

The columns are read from the catalog each time, so the check follows later migrations
that add or drop fields. Data migrations that change tracked rows must write their
history records too. SQLite has no deferred triggers: there the managers are the guard.
Reversible; later migrations add tables with `kern.triggers.history_checked()`.
"""

from django.db import migrations

from kern.triggers import history_checked

TABLES = [
    "gemeenten_gemeente",
    "opvang_cyclus",
    "opvang_opgave",
    "opvang_locatie",
    "opvang_uitvraag",
    "opvang_indiening",
    "opvang_uitvraagimport",
]


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0004_beheer_groep"),
        ("opvang", "0010_base_manager_guarded"),
    ]

    operations = [history_checked(TABLES, drop_function=True)]
