"""Confirming an import checks the file again only if something changed since the preview."""

from datetime import date

import pytest

from opvang import services_import
from opvang.models import Locatie
from opvang.services_import import uitvraagimport_verwerken, uitvraagimport_voorbereiden
from tests.factories import LocatieFactory

from .test_excel_import import rij, werkboek

pytestmark = pytest.mark.django_db


@pytest.fixture
def controles(monkeypatch):
    """Count the checks of a file (opvang.excel.validation.plan_maken) from now on."""
    gedaan = []
    echt = services_import.plan_maken

    def plan_maken(**kwargs):
        gedaan.append(kwargs["bestandsnaam"])
        return echt(**kwargs)

    monkeypatch.setattr(services_import, "plan_maken", plan_maken)
    return gedaan


def voorbereid(gemeente, user):
    bestaand = LocatieFactory(gemeente=gemeente, naam="Bestaand", plekken=5, amv_plekken=0)
    inhoud = werkboek(
        [
            rij(Naam_locatie="Nieuw", Plekken=40, Beschikbaar_tot=date(2027, 6, 30)),
            rij(Naam_locatie="Bestaand", Plekken=50, Waarvan_AMV=0),
        ]
    )
    record = uitvraagimport_voorbereiden(bestand=inhoud, bestandsnaam="u.xlsx", user=user)
    return record, bestaand


def test_confirming_an_unchanged_preview_writes_what_was_checked_without_a_second_check(
    gemeente, gemeente_user, controles
):
    record, bestaand = voorbereid(gemeente, gemeente_user)
    controles.clear()

    record = uitvraagimport_verwerken(record=record, user=gemeente_user)

    assert controles == []
    assert (record.toegevoegd, record.gewijzigd) == (1, 1)
    nieuw = Locatie.objects.get(naam="Nieuw")
    assert (nieuw.plekken, nieuw.beschikbaar_vanaf, nieuw.beschikbaar_tot) == (
        40,
        date(2024, 1, 1),
        date(2027, 6, 30),
    )
    bestaand.refresh_from_db()
    assert (bestaand.plekken, bestaand.versie) == (50, 2)


def test_a_write_since_the_preview_makes_the_confirmation_check_the_file_again(
    gemeente, gemeente_user, controles
):
    record, _ = voorbereid(gemeente, gemeente_user)
    LocatieFactory(gemeente=gemeente, naam="Elders ingevoerd")  # not in the file
    controles.clear()

    record = uitvraagimport_verwerken(record=record, user=gemeente_user)

    assert controles == ["u.xlsx"]
    assert (record.toegevoegd, record.gewijzigd) == (1, 1)


def test_a_change_to_a_row_of_the_file_since_the_preview_is_refused(gemeente, gemeente_user):
    record, bestaand = voorbereid(gemeente, gemeente_user)
    bestaand.plekken = 8
    bestaand.save()  # someone else's edit, with its history: the data version moves

    with pytest.raises(services_import.ImportVerouderd, match="Bestaand"):
        uitvraagimport_verwerken(record=record, user=gemeente_user)

    assert not Locatie.objects.filter(naam="Nieuw").exists()


def test_another_user_confirming_gets_the_file_checked_again_in_their_scope(
    gemeente, gemeente_user, prt_user, controles
):
    record, _ = voorbereid(gemeente, gemeente_user)
    controles.clear()

    uitvraagimport_verwerken(record=record, user=prt_user)

    assert controles == ["u.xlsx"]


def test_a_kept_copy_of_an_older_shape_is_not_used(gemeente, gemeente_user, controles):
    record, _ = voorbereid(gemeente, gemeente_user)
    record.wijzigingen = {**record.wijzigingen, "formaat": 0}
    record.save()
    controles.clear()

    record = uitvraagimport_verwerken(record=record, user=gemeente_user)

    assert controles == ["u.xlsx"]
    assert record.toegevoegd == 1
