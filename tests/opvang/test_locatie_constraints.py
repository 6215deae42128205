"""A location's invariants: the database constraints hold the messages every form shows."""

from importlib import import_module

import pytest
from django.core.exceptions import ValidationError
from django.db import migrations

from opvang import forms, velden
from opvang.models import Locatie
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db


def test_the_four_checks_carry_the_messages_of_the_form():
    berichten = {
        c.name: c.violation_error_message
        for c in Locatie._meta.constraints
        if c.violation_error_code in velden.CONSTRAINT_VELDEN
    }
    assert berichten == {
        "locatie_amv_binnen_plekken": velden.AMV_TE_GROOT,
        "locatie_max_niet_onder_plekken": velden.MAX_TE_KLEIN,
        "locatie_tot_niet_voor_vanaf": velden.TOT_VOOR_VANAF,
        "locatie_zeker_heeft_vanaf": velden.VANAF_VERPLICHT,
    }
    assert not hasattr(forms, "AMV_TE_GROOT")  # one source, not two


def test_full_clean_puts_each_message_on_its_field_with_the_values(gemeente):
    locatie = LocatieFactory.build(gemeente=gemeente, plekken=10, amv_plekken=20, plekken_max=5)
    with pytest.raises(ValidationError) as exc:
        locatie.full_clean()
    assert exc.value.message_dict["amv_plekken"] == [
        velden.AMV_TE_GROOT.format(amv_plekken=20, plekken=10)
    ]
    assert exc.value.message_dict["plekken_max"] == [
        velden.MAX_TE_KLEIN.format(plekken_max=5, plekken=10)
    ]


def test_a_location_in_use_without_a_start_date_names_its_status(gemeente):
    locatie = LocatieFactory.build(gemeente=gemeente, status="in_gebruik", beschikbaar_vanaf=None)
    with pytest.raises(ValidationError) as exc:
        locatie.full_clean()
    assert exc.value.message_dict["beschikbaar_vanaf"] == [
        velden.VANAF_VERPLICHT.format(status="in gebruik")
    ]


def test_the_migration_of_the_messages_changes_only_the_state():
    migratie = import_module("opvang.migrations.0012_locatie_constraint_messages").Migration
    assert {type(op) for op in migratie.operations} == {migrations.AlterConstraint}
