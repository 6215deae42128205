"""Print the SQL that gives the app's runtime role its rights, and no more (PostgreSQL).

The role that migrates owns the tables; an owner may TRUNCATE a history table or switch
its append-only triggers off. The app itself should run as another role, which may only
read and write rows: SELECT, INSERT, UPDATE and DELETE on the tables (the triggers still
refuse UPDATE and DELETE of history), USAGE and SELECT on the sequences, no TRUNCATE, no
ownership. ALTER DEFAULT PRIVILEGES gives tables of later migrations the same rights.

Run it as the owner, with the owner's DATABASE_URL, and feed the output to psql:

    python manage.py runtime_rol_sql --rol opvang_app | psql "$DATABASE_URL"
"""

import re

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

ONGELDIGE_NAAM = (
    "Ongeldige rolnaam ‘{naam}’: gebruik kleine letters, cijfers en _, beginnend met een "
    "letter of _."
)
ALLEEN_POSTGRESQL = "Database-rollen bestaan alleen in PostgreSQL; deze database is {vendor}."
NAAM = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grants(*, rol, eigenaar, database):
    """Return the statements, with Dutch comments, that give rol its runtime rights."""
    r, e, d = f'"{rol}"', f'"{eigenaar}"', f'"{database}"'
    rechten = "SELECT, INSERT, UPDATE, DELETE"
    return "\n".join(
        [
            f"-- Rechten van runtime-rol {rol} in database {database} (eigenaar {eigenaar}).",
            "-- Uitvoeren als de eigenaar van de tabellen: de rol waarmee u migreert.",
            "-- De rol zelf maakt een databasebeheerder eenmalig aan, bijvoorbeeld:",
            f"--   CREATE ROLE {rol} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '…';",
            "-- Alleen rijen lezen en schrijven: geen TRUNCATE, geen eigenaarschap.",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
            f"GRANT CONNECT ON DATABASE {d} TO {r};",
            f"GRANT USAGE ON SCHEMA public TO {r};",
            f"GRANT {rechten} ON ALL TABLES IN SCHEMA public TO {r};",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r};",
            "-- Tabellen en reeksen van latere migraties (door dezelfde eigenaar) ook:",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {e} IN SCHEMA public "
            f"GRANT {rechten} ON TABLES TO {r};",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {e} IN SCHEMA public "
            f"GRANT USAGE, SELECT ON SEQUENCES TO {r};",
            "",
        ]
    )


class Command(BaseCommand):
    help = (
        "Toont de SQL die de runtime-rol van de app haar rechten geeft: rijen lezen en "
        "schrijven, geen TRUNCATE en geen eigenaarschap (alleen PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rol", required=True, help="naam van de runtime-rol")
        parser.add_argument(
            "--eigenaar",
            help="rol die migreert en de tabellen bezit (standaard de rol van DATABASE_URL)",
        )

    def handle(self, *args, rol, eigenaar, **options):
        for naam in (rol, eigenaar):
            if naam is not None and not NAAM.match(naam):
                raise CommandError(ONGELDIGE_NAAM.format(naam=naam))
        if connection.vendor != "postgresql":
            raise CommandError(ALLEEN_POSTGRESQL.format(vendor=connection.vendor))
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            huidige, database = cursor.fetchone()
        self.stdout.write(grants(rol=rol, eigenaar=eigenaar or huidige, database=database))
