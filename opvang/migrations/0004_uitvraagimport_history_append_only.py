"""Make the history of uitvraag imports append-only too, like the tables of 0002.

Reuses the trigger function (PostgreSQL) and the message of 0002; reversible.
"""

from django.db import migrations

from kern.triggers import append_only


class Migration(migrations.Migration):
    dependencies = [("opvang", "0003_uitvraagimport")]

    operations = [append_only(["opvang_historicaluitvraagimport"])]
