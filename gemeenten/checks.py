"""System checks that refuse an unsafe production configuration."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

SQLITE_IN_PRODUCTION = Error(
    "Met DEBUG uit (productie) moet de database PostgreSQL zijn, niet SQLite.",
    hint="Zet DATABASE_URL op postgres://gebruiker:wachtwoord@host:5432/naam.",
    id="gemeenten.E001",
)


@register(Tags.database, Tags.security)
def production_database_is_postgresql(app_configs, **kwargs):
    """Refuse SQLite in production: no row locks, one writer at a time, no pg_dump.

    The demo (DEMO_MODE, `make run`) runs with production settings on SQLite; it says
    "Demo-omgeving" on every page, so it is never mistaken for an installation.
    """
    engine = settings.DATABASES["default"]["ENGINE"]
    if settings.PRODUCTION and not settings.DEMO_MODE and engine == "django.db.backends.sqlite3":
        return [SQLITE_IN_PRODUCTION]
    return []


NO_HELPDESK = Warning(
    "Er is geen helpdesk ingesteld: gebruikers zien in de voettekst en de "
    "toegankelijkheidsverklaring niet bij wie ze terechtkunnen.",
    hint="Zet HELPDESK_NAAM en HELPDESK_EMAIL (en eventueel HELPDESK_TELEFOON, "
    "HELPDESK_BEREIKBAAR) en ORGANISATIE in de omgeving.",
    id="gemeenten.W001",
)


@register(Tags.security, deploy=True)
def helpdesk_is_set(app_configs, **kwargs):
    """Warn when production names no helpdesk (the Besluit digitale toegankelijkheid
    requires a way to report accessibility problems)."""
    if settings.PRODUCTION and not (settings.HELPDESK["email"] and settings.ORGANISATIE):
        return [NO_HELPDESK]
    return []
