"""The data migrations that clean what was stored before the input rules (round 2).

Rows are written and cleaned through the models of the migration state, as in a real
migration: those models normalise nothing and write no history by themselves.
"""

import importlib
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from kern.history import record_history
from opvang.models import Locatie
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db

VOOR = ("opvang", "0004_uitvraagimport_history_append_only")


def state_apps(node=VOOR):
    return MigrationLoader(connection).project_state(node).apps


def oud_opgeslagen(gemeente, naam, **velden):
    """Store a location as the web form did before: no cleaning, with its history row.

    The history row keeps PostgreSQL's commit-time check (opvang 0011) satisfied for rows
    the migration leaves alone, as the web form's history did.
    """
    apps = state_apps()
    standaard = {"soort": "azc", "status": "in_gebruik", "plekken": 10, "amv_plekken": 0}
    standaard["beschikbaar_vanaf"] = date(2024, 1, 1)
    loc = apps.get_model("opvang", "Locatie").objects.create(
        gemeente_id=gemeente.pk, naam=naam, **{**standaard, **velden}
    )
    record_history(apps.get_model("opvang", "HistoricalLocatie"), loc, "vóór de invoerregels")
    return loc.pk


def test_stored_names_are_cleaned_and_look_alikes_renamed_without_loss(gemeente, capsys):
    schoon = LocatieFactory(gemeente=gemeente, naam="AZC Noord").pk
    vies = oud_opgeslagen(gemeente, "AZC\u200b Noord", toelichting="Een\u00ad\r\ntwee\x07")
    hoofdletters = oud_opgeslagen(gemeente, "azc \u202enoord")
    bel = oud_opgeslagen(gemeente, "Hotel\x07 Zuid")
    history = Locatie.history.count()

    migratie = importlib.import_module("opvang.migrations.0005_tekst_opschonen")
    migratie.opschonen(state_apps(), None)

    namen = dict(Locatie.objects.values_list("pk", "naam"))
    assert namen == {
        schoon: "AZC Noord",
        vies: "AZC Noord (2)",
        hoofdletters: "azc noord (3)",
        bel: "Hotel Zuid",
    }
    assert Locatie.objects.get(pk=vies).toelichting == "Een\ntwee"
    assert Locatie.objects.get(pk=schoon).versie == 1
    assert Locatie.objects.get(pk=bel).versie == 2
    nieuw = Locatie.history.order_by("history_id")[history:]
    assert [(h.id, h.naam, h.history_user, h.history_type) for h in nieuw] == [
        (vies, "AZC Noord (2)", None, "~"),
        (hoofdletters, "azc noord (3)", None, "~"),
        (bel, "Hotel Zuid", None, "~"),
    ]
    assert nieuw[0].history_change_reason == migratie.REDEN_HERNOEMD.format(achter="(2)")
    assert nieuw[2].history_change_reason == migratie.REDEN
    assert "heet nu ‘AZC Noord (2)’" in capsys.readouterr().out


def test_cleaning_twice_changes_nothing(gemeente):
    oud_opgeslagen(gemeente, "AZC\u200b Noord")
    migratie = importlib.import_module("opvang.migrations.0005_tekst_opschonen")
    migratie.opschonen(state_apps(), None)
    history = Locatie.history.count()
    migratie.opschonen(state_apps(), None)
    assert Locatie.history.count() == history


def zonder_datumregels():
    """Let the database hold dates outside the range, as before 0008 (this test only)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        else:
            for naam in ("locatie_vanaf_in_bereik", "locatie_tot_in_bereik"):
                cursor.execute(f"ALTER TABLE opvang_locatie DROP CONSTRAINT {naam}")


@pytest.fixture
def oude_datums(gemeente):
    zonder_datumregels()
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = OFF")


def test_stored_dates_outside_the_range_are_brought_to_its_bounds(gemeente, oude_datums, capsys):
    vroeg = oud_opgeslagen(gemeente, "Vroeg", beschikbaar_vanaf=date(1, 7, 1))
    laat = oud_opgeslagen(
        gemeente,
        "Laat",
        status="in_voorbereiding",
        beschikbaar_vanaf=date(9999, 1, 1),
        beschikbaar_tot=date(9999, 12, 31),
    )
    gewoon = oud_opgeslagen(gemeente, "Gewoon")
    history = Locatie.history.count()

    migratie = importlib.import_module("opvang.migrations.0007_datums_begrenzen")
    migratie.begrenzen(state_apps(("opvang", "0006_locatie_naam_uniek")), None)

    datums = {
        loc.pk: (loc.beschikbaar_vanaf, loc.beschikbaar_tot, loc.versie)
        for loc in Locatie.objects.all()
    }
    assert datums == {
        vroeg: (date(1990, 1, 1), None, 2),
        laat: (date(2100, 12, 31), date(2100, 12, 31), 2),
        gewoon: (date(2024, 1, 1), None, 1),
    }
    nieuw = Locatie.history.order_by("history_id")[history:]
    assert [(h.id, h.history_change_reason) for h in nieuw] == [
        (vroeg, migratie.REDEN),
        (laat, migratie.REDEN),
    ]
    assert (
        f"locatie {vroeg} ‘Vroeg’: 0001-07-01, leeg → 1990-01-01, leeg" in capsys.readouterr().out
    )
