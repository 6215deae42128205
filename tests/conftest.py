"""Personas shared by the whole suite (STYLE.md 11).

Utrecht-like province with two gemeenten (own and other) and a second province.
"""

import pytest

from gemeenten.constants import Rol

from .factories import (
    CyclusFactory,
    GemeenteFactory,
    ProvincieFactory,
    UserFactory,
)


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
def beheer_user(db):
    return UserFactory(username="beheer", rol=Rol.BEHEER, is_staff=True, is_superuser=True)
