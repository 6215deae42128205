"""System checks that refuse an unsafe production configuration."""

from django.conf import settings
from django.core.checks import Error, Tags, register

SQLITE_IN_PRODUCTION = Error(
    "Met DEBUG uit (productie) moet de database PostgreSQL zijn, niet SQLite.",
    hint="Zet DATABASE_URL op postgres://gebruiker:wachtwoord@host:5432/naam.",
    id="gemeenten.E001",
)


@register(Tags.database, Tags.security)
def production_database_is_postgresql(app_configs, **kwargs):
    """Refuse SQLite in production: no row locks, one writer at a time, no pg_dump."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if settings.PRODUCTION and engine == "django.db.backends.sqlite3":
        return [SQLITE_IN_PRODUCTION]
    return []
