"""Guard the audit trail of the scenario tables, as huisvesting 0003 does.

History tables are append-only (UPDATE and DELETE refused by a trigger, on PostgreSQL
and SQLite); on PostgreSQL every tracked row is checked at commit against its latest
history record. Reversible.
"""

from django.db import migrations

from kern.triggers import append_only, history_checked

TABLES = [
    "scenarios_scenario",
    "scenarios_scenariobesluit",
    "scenarios_scenariolocatie",
    "scenarios_scenariovervallen",
]
HISTORY_TABLES = [
    "scenarios_historicalscenario",
    "scenarios_historicalscenariobesluit",
    "scenarios_historicalscenariolocatie",
    "scenarios_historicalscenariovervallen",
]


class Migration(migrations.Migration):
    dependencies = [
        ("scenarios", "0001_initial"),
    ]

    operations = [
        append_only(HISTORY_TABLES),
        history_checked(TABLES),
    ]
