"""Guard the audit trail of the huisvesting tables, as opvang 0002 and 0011 do.

History tables and the IBT steps are append-only (UPDATE and DELETE refused by a
trigger, on PostgreSQL and SQLite); on PostgreSQL every tracked row is checked at commit
against its latest history record. Reversible.
"""

from django.db import migrations

from kern.triggers import append_only, history_checked

TABLES = [
    "huisvesting_halfjaar",
    "huisvesting_landelijketaakstelling",
    "huisvesting_taakstelling",
    "huisvesting_startsaldo",
    "huisvesting_instelling",
    "huisvesting_realisatie",
    "huisvesting_maatregel",
    "huisvesting_ibtstap",
]
HISTORY_TABLES = [
    "huisvesting_historicalhalfjaar",
    "huisvesting_historicallandelijketaakstelling",
    "huisvesting_historicaltaakstelling",
    "huisvesting_historicalstartsaldo",
    "huisvesting_historicalinstelling",
    "huisvesting_historicalrealisatie",
    "huisvesting_historicalmaatregel",
    "huisvesting_historicalibtstap",
]


class Migration(migrations.Migration):
    dependencies = [
        ("huisvesting", "0002_halfjaren_landelijk"),
    ]

    operations = [
        append_only([*HISTORY_TABLES, "huisvesting_ibtstap"]),
        history_checked(TABLES),
    ]
