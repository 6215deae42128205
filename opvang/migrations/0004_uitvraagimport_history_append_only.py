"""Make the history of uitvraag imports append-only too, like the tables of 0002.

Reuses the trigger function (PostgreSQL) and the message of 0002; reversible.
"""

from importlib import import_module

from django.db import migrations

append_only = import_module("opvang.migrations.0002_history_append_only").append_only


class Migration(migrations.Migration):
    dependencies = [("opvang", "0003_uitvraagimport")]

    operations = [append_only(["opvang_historicaluitvraagimport"])]
