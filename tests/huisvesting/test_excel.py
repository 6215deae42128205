"""The realisation workbook: template, all-or-nothing import, per-row errors, file safety."""

import io
import zipfile
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from huisvesting.constants import Bron
from huisvesting.excel.veiligheid import MACRO_OF_OBJECT
from huisvesting.models import Realisatie, Startsaldo, Taakstelling
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
KOPPEN = ["Gemeentecode", "Gemeente", "Maand", "Gehuisvest", "Bron"]


def werkboek(rijen, blad="Realisatie", koppen=KOPPEN):
    boek = openpyxl.Workbook()
    sheet = boek.active
    sheet.title = blad
    sheet.append(koppen)
    for rij in rijen:
        sheet.append(rij)
    out = io.BytesIO()
    boek.save(out)
    return out.getvalue()


def upload(client, user, url, inhoud, naam="cijfers.xlsx"):
    client.login(username=user.username, password=TEST_PASSWORD)
    return client.post(url, {"bestand": SimpleUploadedFile(naam, inhoud)})


def gemeente_url(gemeente):
    return reverse("huisvesting:importeren_gemeente", args=[gemeente.code])


def test_the_template_lists_the_gemeente(client, gemeente, gemeente_user):
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("huisvesting:sjabloon_gemeente", args=[gemeente.code]))
    blad = openpyxl.load_workbook(io.BytesIO(response.content))["Realisatie"]
    assert [c.value for c in blad[1]] == KOPPEN
    assert blad["A2"].value == "GM0344"


def test_a_good_file_is_imported_with_month_as_text_or_date(client, gemeente, gemeente_user):
    inhoud = werkboek([
        ["GM0344", "Utrecht", "2025-07", 10, "COA"],
        ["GM0344", "Utrecht", date(2025, 8, 14), 8, "gemeente"],
    ])  # fmt: skip
    response = upload(client, gemeente_user, gemeente_url(gemeente), inhoud)
    assert response.status_code == 302
    assert set(Realisatie.objects.values_list("maand", "gehuisvest", "bron")) == {
        (date(2025, 7, 1), 10, Bron.COA),
        (date(2025, 8, 1), 8, Bron.GEMEENTE),
    }


def test_one_bad_row_stores_nothing_and_every_error_is_listed(client, gemeente, gemeente_user):
    inhoud = werkboek([
        ["GM0344", "Utrecht", "2025-07", 10, "COA"],
        ["GM0344", "Utrecht", "2024-12", 3, "COA"],
        ["GM0344", "Utrecht", "2025-08", -1, "COA"],
        ["GM0344", "Utrecht", "2099-01", 1, "COA"],
        ["GM9999", "Nergens", "2025-08", 1, "COA"],
        ["GM0344", "Utrecht", "2025-07", 4, "COA"],
        ["GM0344", "Utrecht", "2025-09", 4, "iemand"],
    ])  # fmt: skip
    response = upload(client, gemeente_user, gemeente_url(gemeente), inhoud)
    assert response.status_code == 400
    html = response.content.decode()
    for bericht in (
        "De maand 2024-12 valt in geen enkel halfjaar",
        "niet negatief",
        "De maand 2099-01 ligt in de toekomst",
        "Gemeentecode ‘GM9999’ is onbekend.",
        "staan meer dan eens in het bestand",
        "Vul bij Bron ‘COA’ of ‘gemeente’ in.",
    ):
        assert bericht in html
    assert Realisatie.objects.count() == 0


def test_a_gemeente_cannot_import_for_another_gemeente(
    client, gemeente, andere_gemeente, gemeente_user
):
    inhoud = werkboek([["GM0307", "Amersfoort", "2025-07", 10, "COA"]])
    response = upload(client, gemeente_user, gemeente_url(gemeente), inhoud)
    assert "Gemeente GM0307 hoort niet bij wat u mag importeren." in response.content.decode()
    assert Realisatie.objects.count() == 0


def test_a_month_already_entered_refuses_the_file(client, gemeente, gemeente_user):
    inhoud = werkboek([["GM0344", "Utrecht", "2025-07", 10, "COA"]])
    upload(client, gemeente_user, gemeente_url(gemeente), inhoud)
    response = upload(client, gemeente_user, gemeente_url(gemeente), inhoud)
    assert "Voor 2025-07 is al een aantal van bron" in response.content.decode()
    assert Realisatie.objects.count() == 1


def test_prt_imports_for_the_province(client, gemeente, andere_gemeente, prt_user):
    inhoud = werkboek([
        ["GM0344", "Utrecht", "2025-07", 10, "COA"],
        ["GM0307", "Amersfoort", "2025-07", 4, "COA"],
    ])  # fmt: skip
    url = reverse("huisvesting:importeren_provincie", args=[gemeente.provincie.code])
    assert upload(client, prt_user, url, inhoud).status_code == 302
    assert Realisatie.objects.count() == 2


def macro_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(werkboek([])), "r") as bron, zipfile.ZipFile(out, "w") as doel:
        for item in bron.infolist():
            doel.writestr(item, bron.read(item))
        doel.writestr("xl/vbaProject.bin", b"macro")
    return out.getvalue()


@pytest.mark.parametrize(
    ("inhoud", "naam", "bericht"),
    [
        (b"geen zip", "x.xlsx", "geen Excel-werkmap"),
        (macro_workbook(), "x.xlsx", MACRO_OF_OBJECT[:30]),
        (werkboek([]), "x.xlsm", MACRO_OF_OBJECT[:30]),
        (werkboek([["GM0344"]], blad="Anders"), "x.xlsx", "geen tabblad ‘Realisatie’"),
        (
            werkboek([["GM0344"]], koppen=["Gemeentecode"]),
            "x.xlsx",
            "De kolom ‘Gemeente’ ontbreekt",
        ),
        (werkboek([]), "x.xlsx", "bevat geen ingevulde rijen"),
    ],
)
def test_unsafe_or_broken_files_are_refused(client, gemeente, gemeente_user, inhoud, naam, bericht):
    response = upload(client, gemeente_user, gemeente_url(gemeente), inhoud, naam)
    assert response.status_code == 400
    assert bericht in response.content.decode()
    assert Realisatie.objects.count() == 0


def test_beheer_loads_the_taakstelling_table(tmp_path, gemeente, beheer_user):
    pad = tmp_path / "taak.xlsx"
    pad.write_bytes(werkboek(
        [["GM0344", "2025-h2", 60, 12], ["GM0344", "2026-H1", "1.000", None]],
        blad="Taakstelling", koppen=["Gemeentecode", "Halfjaar", "Personen", "Startsaldo"],
    ))  # fmt: skip
    call_command("importeer_taakstellingen", str(pad), bron="COA-tabel", datum="2025-06-01",
                 gebruiker="beheer")  # fmt: skip
    assert sorted(Taakstelling.objects.values_list("personen", flat=True)) == [60, 1000]
    assert Startsaldo.objects.get().saldo == 12


def test_a_taakstelling_for_an_unknown_gemeente_stores_nothing(
    tmp_path, gemeente, beheer_user, capsys
):
    pad = tmp_path / "taak.xlsx"
    pad.write_bytes(werkboek(
        [["GM0344", "2025-H2", 60], ["GM9999", "2025-H2", 5], ["GM0344", "2031-H1", 5]],
        blad="Taakstelling", koppen=["Gemeentecode", "Halfjaar", "Personen"],
    ))  # fmt: skip
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command("importeer_taakstellingen", str(pad), bron="x", datum="2025-06-01",
                     gebruiker="beheer")  # fmt: skip
    fouten = capsys.readouterr().err
    assert "rij 3: Gemeentecode ‘GM9999’ is onbekend." in fouten
    assert "rij 4: Halfjaar ‘2031-H1’ is onbekend" in fouten
    assert Taakstelling.objects.count() == 0
