"""python manage.py importeer_uitvraag: summary, exit codes, attributable history."""

import pytest
from django.core.management import CommandError, call_command

from opvang.models import Locatie, Opgave, UitvraagImport
from tests.factories import LocatieFactory, OpgaveFactory
from tests.opvang.test_excel_import import rij, voetafdruk, werkboek

pytestmark = pytest.mark.django_db


@pytest.fixture
def bestand(tmp_path):
    def maak(inhoud, naam="uitvraag.xlsx"):
        pad = tmp_path / naam
        pad.write_bytes(inhoud)
        return str(pad)

    return maak


def test_it_imports_both_sheets_and_prints_a_summary(
    bestand, gemeente, andere_gemeente, beheer_user, cyclus, capsys
):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1988, amv_plekken=169)
    pad = bestand(
        werkboek(
            [rij(), rij(Gemeentecode="GM0307", Gemeente="Amersfoort", Naam_locatie="Hotel")],
            opgaven=[["GM0344", "Utrecht", 1946, 152]],
        )
    )
    call_command(
        "importeer_uitvraag", pad, "--cyclus", "1", "--gebruiker", "beheer",
        "--grondslag", "verdeelbesluit", "--bron", "Verdeelbesluit 2024",
    )  # fmt: skip
    uit = capsys.readouterr().out
    assert "1 locatie toegevoegd, 1 gewijzigd, 0 ongewijzigd; 1 opgave vastgelegd." in uit
    assert Locatie.objects.count() == 2
    opgave = Opgave.objects.order_by("-id").first()
    assert (opgave.grondslag, opgave.bron, opgave.aangemaakt_door) == (
        "verdeelbesluit",
        "Verdeelbesluit 2024",
        beheer_user,
    )
    record = UitvraagImport.objects.get()
    laatste = Locatie.objects.get(naam="AZC Noord").history.order_by("-history_id").first()
    assert laatste.history_user == beheer_user
    assert laatste.history_change_reason == record.reden


def test_it_lists_every_error_and_changes_nothing(bestand, gemeente, beheer_user, cyclus, capsys):
    pad = bestand(werkboek([rij(Plekken="veel"), rij(Naam_locatie="B", Waarvan_AMV=500)]))
    before = voetafdruk()
    with pytest.raises(CommandError, match="2 fout") as exc:
        call_command("importeer_uitvraag", pad, "--cyclus", "1", "--gebruiker", "beheer")
    assert exc.value.returncode == 1  # manage.py exits with this status
    fouten = capsys.readouterr().err
    assert "Locaties, rij 2, Plekken: Vul een geheel getal in" in fouten
    assert "Locaties, rij 3, Waarvan AMV: Het aantal AMV-plekken (500)" in fouten
    assert voetafdruk() == before


def test_it_only_acts_for_a_beheer_user(bestand, gemeente, prt_user, cyclus):
    pad = bestand(werkboek([rij()]))
    with pytest.raises(CommandError, match="rol beheer"):
        call_command("importeer_uitvraag", pad, "--cyclus", "1", "--gebruiker", "prt")
    assert not Locatie.objects.exists()


def test_it_limits_rows_to_the_gemeente_asked_for(
    bestand, gemeente, andere_gemeente, beheer_user, cyclus
):
    pad = bestand(werkboek([rij(Gemeentecode="GM0307", Gemeente="Amersfoort")]))
    with pytest.raises(CommandError):
        call_command(
            "importeer_uitvraag",
            pad,
            "--cyclus",
            "1",
            "--gebruiker",
            "beheer",
            "--gemeente",
            "GM0344",
        )
    assert not Locatie.objects.exists()
