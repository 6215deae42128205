"""The half years and national totals are reference data of migration 0002.

A transactional test elsewhere in the suite ends with a flush, which empties them; they
are loaded again here, as the migration loads them, before each test that needs them.
"""

import importlib

import pytest

from huisvesting.models import Halfjaar

REFERENTIE = importlib.import_module("huisvesting.migrations.0002_halfjaren_landelijk")


@pytest.fixture(autouse=True)
def halfjaren(db):
    if not Halfjaar.objects.exists():
        from django.apps import apps

        REFERENTIE.laden(apps, None)
