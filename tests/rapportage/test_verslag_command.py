"""`manage.py verslag`: the same JSON as the web export, and clear Dutch errors."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from gemeenten.constants import Rol
from gemeenten.models import Gemeente
from opvang import services
from opvang.vraag import ONGELDIGE_PEILDATUM
from rapportage.management.commands.verslag import GEEN_UITVOER
from rapportage.selectors import ONBEKENDE_BRON
from tests.factories import UserFactory


def verslag(*args):
    out = StringIO()
    call_command("verslag", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_letters_figures_as_json(demo):
    uitvoer = verslag("--provincie", "PV26", "--cyclus", "1", "--peildatum", "2024-10-15", "--json")
    data = json.loads(uitvoer)

    assert uitvoer.startswith('{\n  "provincie": {\n    "code": "PV26",')
    assert data["opgave"] == {"plekken": 8207, "amv": 694}
    assert data["harde_opvangcapaciteit"] == {"plekken": 3523, "amv": 355}
    assert data["harde_plancapaciteit"] == {"plekken": 575, "amv": 40}
    assert data["minimale_dekking"] == {"plekken": 4098, "amv": 395, "percentage": 49.9}
    assert data["planvoorraad"] == {"min": 3378, "max": 3983}
    assert data["perspectief"] == {"min": 7476, "max": 8081}
    assert data["huidige_capaciteit"] == 4705
    assert len(data["gemeenten"]) == 26
    assert data["bron"] == "actueel"


def test_it_prints_the_same_json_as_the_web_export(client, demo_prt):
    client.force_login(demo_prt)
    web = client.get("/rapportage/PV26/1/verslag.json?peildatum=2024-10-15").json()

    cli = json.loads(
        verslag("--provincie", "PV26", "--cyclus", "1", "--peildatum", "2024-10-15", "--json")
    )

    assert cli == web


def test_the_totals_equal_the_sum_of_the_gemeenten(demo):
    data = json.loads(
        verslag("--provincie", "PV26", "--cyclus", "1", "--peildatum", "2024-10-15", "--json")
    )

    for figuur in ("harde_opvangcapaciteit", "harde_plancapaciteit"):
        for sleutel in ("plekken", "amv"):
            assert data[figuur][sleutel] == sum(g[figuur][sleutel] for g in data["gemeenten"])
    for sleutel in ("min", "max"):
        assert data["planvoorraad"][sleutel] == sum(
            g["planvoorraad"][sleutel] for g in data["gemeenten"]
        )
    assert data["huidige_capaciteit"] == sum(g["huidige_capaciteit"] for g in data["gemeenten"])


def test_source_akkoord_counts_only_accepted_submissions(demo, cyclus1, demo_prt):
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2024, 10, 1), bericht="", user=demo_prt
    )
    for code, akkoord in (("GM0355", True), ("GM0344", False)):
        gemeente = Gemeente.objects.get(code=code)
        indiener = UserFactory(rol=Rol.GEMEENTE, gemeente=gemeente)
        indiening, _ = services.indiening_indienen(
            uitvraag=uitvraag, gemeente=gemeente, user=indiener
        )
        services.indiening_beoordelen(
            indiening=indiening, akkoord=akkoord, opmerking="Aanvullen graag.", user=demo_prt
        )
        if akkoord:
            geaccepteerd = indiening

    data = json.loads(
        verslag(
            "--provincie",
            "PV26",
            "--cyclus",
            "1",
            "--peildatum",
            geaccepteerd.snapshot["peildatum"],
            "--bron",
            "akkoord",
            "--json",
        )
    )

    telling = geaccepteerd.snapshot["telling"]
    assert data["bron"] == "akkoord"
    assert data["harde_opvangcapaciteit"]["plekken"] == telling["hard"]
    assert data["harde_plancapaciteit"]["plekken"] == telling["hard_plan"]
    assert data["planvoorraad"] == {
        "min": telling["planvoorraad_min"],
        "max": telling["planvoorraad_max"],
    }
    assert data["huidige_capaciteit"] == telling["huidig"]


def test_an_unknown_province_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="Onbekende provincie: PV99"):
        verslag("--provincie", "PV99", "--cyclus", "1", "--json")


def test_an_unknown_cycle_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="Onbekende cyclus: 7"):
        verslag("--provincie", "PV26", "--cyclus", "7", "--json")


def test_a_bad_peildatum_is_a_clear_error(demo):
    with pytest.raises(CommandError) as fout:
        verslag("--provincie", "PV26", "--cyclus", "1", "--peildatum", "15-10-2024", "--json")
    assert str(fout.value) == ONGELDIGE_PEILDATUM


def test_an_unknown_source_is_a_clear_error(demo):
    with pytest.raises(CommandError) as fout:
        verslag("--provincie", "PV26", "--cyclus", "1", "--bron", "morgen", "--json")
    assert str(fout.value) == ONBEKENDE_BRON


def test_without_an_output_it_asks_for_json(demo):
    with pytest.raises(CommandError) as fout:
        verslag("--provincie", "PV26", "--cyclus", "1")
    assert str(fout.value) == GEEN_UITVOER
    assert "--json" in GEEN_UITVOER


def test_an_error_exits_non_zero_on_the_command_line(demo, capsys):
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(
            ["manage.py", "verslag", "--provincie", "PV99", "--cyclus", "1", "--json"]
            + ["--skip-checks"]  # the deployment checks are not what this test is about
        )

    assert exit_info.value.code != 0
    assert "Onbekende provincie: PV99" in capsys.readouterr().err
