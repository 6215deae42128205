"""Personas shared by the whole suite (STYLE.md 11).

Utrecht-like province with two gemeenten (own and other) and a second province.
"""

import json
import logging

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol

from .factories import (
    CyclusFactory,
    GemeenteFactory,
    ProvincieFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def empty_report_cache():
    """Start every test without cached reports: a rolled-back test's ids come back."""
    from django.core.cache import caches

    caches["rapporten"].clear()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hash test passwords cheaply; production keeps Django's default (PBKDF2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def password_only_login(settings):
    """Log in with a password alone, as the existing tests do with client.login().

    pytest runs with DEBUG off, which would make two factors required; the login tests
    switch it on (and django-axes, which needs the request client.login() lacks).
    """
    settings.OTP_REQUIRED = False
    settings.AXES_ENABLED = False


@pytest.fixture
def committed_db(django_db_blocker):
    """Clean up after a transactional test, whose writes (and threads' writes) committed.

    pytest-django ends a transactional test by flushing every table. On SQLite a flush
    is DELETE FROM, which the append-only triggers of the history tables refuse; so the
    tables are emptied here first, with the triggers dropped for that moment. (On
    PostgreSQL the flush is TRUNCATE, which row triggers do not see.)
    """
    yield
    if connection.vendor != "sqlite":
        return
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
        call_command("flush", verbosity=0, interactive=False)
        with connection.cursor() as cursor:
            for _, sql in triggers:
                cursor.execute(sql)


@pytest.fixture
def provincie(db):
    return ProvincieFactory(code="PV26", naam="Utrecht")


@pytest.fixture
def andere_provincie(db):
    return ProvincieFactory(code="PV25", naam="Gelderland")


@pytest.fixture
def gemeente(provincie):
    return GemeenteFactory(code="GM0344", naam="Utrecht", provincie=provincie)


@pytest.fixture
def andere_gemeente(provincie):
    return GemeenteFactory(code="GM0307", naam="Amersfoort", provincie=provincie)


@pytest.fixture
def vreemde_gemeente(andere_provincie):
    """A gemeente in another province."""
    return GemeenteFactory(code="GM0202", naam="Arnhem", provincie=andere_provincie)


@pytest.fixture
def cyclus(db):
    return CyclusFactory()


@pytest.fixture
def gemeente_user(gemeente):
    return UserFactory(username="ambtenaar", rol=Rol.GEMEENTE, gemeente=gemeente)


@pytest.fixture
def andere_gemeente_user(andere_gemeente):
    return UserFactory(username="buurman", rol=Rol.GEMEENTE, gemeente=andere_gemeente)


@pytest.fixture
def prt_user(provincie):
    return UserFactory(username="prt", rol=Rol.PRT, provincie=provincie)


@pytest.fixture
def cvdk_user(provincie):
    return UserFactory(username="cvdk", rol=Rol.CVDK, provincie=provincie)


@pytest.fixture
def vreemde_prt_user(andere_provincie):
    return UserFactory(username="prt-gelderland", rol=Rol.PRT, provincie=andere_provincie)


@pytest.fixture
def lrt_user(db):
    """The Landelijke Regietafel: reads every province, writes nothing."""
    return UserFactory(username="lrt", rol=Rol.LRT)


@pytest.fixture
def beheer_user(db):
    """A superuser: the installation's first account (createsuperuser)."""
    return UserFactory(username="beheer", rol=Rol.BEHEER, is_staff=True, is_superuser=True)


@pytest.fixture
def provinciale_beheer_user(provincie):
    """Beheer of province Utrecht only: a plain member of the group "Beheer"."""
    user = UserFactory(username="beheer-utrecht", rol=Rol.BEHEER, provincie=provincie)
    gebruiker_rechten_toepassen(user=user)
    return user


@pytest.fixture
def landelijke_beheer_user(db):
    """Beheer of every province: a plain member of the group "Beheer", no superuser."""
    user = UserFactory(username="beheer-landelijk", rol=Rol.BEHEER)
    gebruiker_rechten_toepassen(user=user)
    return user


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class SecurityEvents(list):
    """The security log's events as dicts, oldest first."""

    def names(self):
        return [e["event"] for e in self]


class _CollectEvents(logging.Handler):
    def __init__(self, events):
        super().__init__(level=logging.DEBUG)
        self.events = events

    def emit(self, record):
        self.events.append(json.loads(record.getMessage()))


@pytest.fixture
def security_events():
    """Capture the security log (logger opvangregister.security)."""
    events = SecurityEvents()
    handler = _CollectEvents(events)
    logger = logging.getLogger("opvangregister.security")
    logger.addHandler(handler)
    yield events
    logger.removeHandler(handler)


@pytest.fixture
def all_log_text():
    """Capture every log line of every logger (DEBUG and up) as one growing text."""
    handler = _Collect()
    root = logging.getLogger()
    security = logging.getLogger("opvangregister.security")
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    security.addHandler(handler)
    yield lambda: "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {getattr(r, 'request', '')}" for r in handler.records
    )
    root.removeHandler(handler)
    security.removeHandler(handler)
    root.setLevel(old_level)


@pytest.fixture
def login_with_axes(settings):
    """Turn django-axes on, as in production (tests then log in through the login page)."""
    settings.AXES_ENABLED = True
