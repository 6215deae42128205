"""Dates outside 1-1-1990 – 31-12-2100 are refused on every input path, with one message.

A location from the year 1 made the dashboard 4,75 MB and the PDF take 24 s and 896 MB.
"""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol
from kern.dates import DATUM_BUITEN_BEREIK
from opvang.models import Cyclus, Locatie, Uitvraag
from tests.factories import LocatieFactory, UserFactory
from tests.opvang.test_excel_import import fouten_van, importeer, rij, werkboek
from tests.opvang.test_locatie_views import GELDIG

pytestmark = pytest.mark.django_db

BUITEN = ["0001-01-01", "1989-12-31", "2101-01-01", "9999-12-31"]


@pytest.fixture
def ingelogd(client, gemeente_user):
    client.force_login(gemeente_user)
    return client


@pytest.mark.parametrize("veld", ["beschikbaar_vanaf", "beschikbaar_tot"])
@pytest.mark.parametrize("tekst", BUITEN)
def test_the_location_form_refuses_an_implausible_date(ingelogd, gemeente, veld, tekst):
    data = {**GELDIG, "beschikbaar_vanaf": "1990-01-01", veld: tekst}
    response = ingelogd.post(reverse("opvang:locatie_nieuw", args=[gemeente.code]), data)
    assert response.context["form"].errors[veld] == [DATUM_BUITEN_BEREIK]
    assert not Locatie.objects.exists()


def test_the_location_form_accepts_the_first_and_the_last_plausible_day(ingelogd, gemeente):
    data = {**GELDIG, "beschikbaar_vanaf": "1990-01-01", "beschikbaar_tot": "2100-12-31"}
    response = ingelogd.post(reverse("opvang:locatie_nieuw", args=[gemeente.code]), data)
    assert response.status_code == 302
    locatie = Locatie.objects.get()
    assert (locatie.beschikbaar_vanaf, locatie.beschikbaar_tot) == (
        date(1990, 1, 1),
        date(2100, 12, 31),
    )


def test_the_date_inputs_tell_the_browser_the_range(ingelogd, gemeente):
    html = ingelogd.get(reverse("opvang:locatie_nieuw", args=[gemeente.code])).content.decode()
    assert html.count('min="1990-01-01"') == 2 and html.count('max="2100-12-31"') == 2


def test_closing_refuses_an_implausible_end_date(ingelogd, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    response = ingelogd.post(
        reverse("opvang:locatie_afsluiten", args=[locatie.pk]),
        {"status": "beeindigd", "beschikbaar_tot": "9999-12-31", "reden": "Dicht", "versie": "1"},
    )
    assert response.context["form"].errors["beschikbaar_tot"] == [DATUM_BUITEN_BEREIK]
    locatie.refresh_from_db()
    assert locatie.beschikbaar_tot is None


def test_an_uitvraag_deadline_must_be_plausible(client, prt_user, cyclus):
    client.force_login(prt_user)
    response = client.post(
        reverse("opvang:uitvraag_nieuw"), {"cyclus": cyclus.pk, "deadline": "0001-01-01"}
    )
    assert response.context["form"].errors["deadline"] == [DATUM_BUITEN_BEREIK]
    assert not Uitvraag.objects.exists()


@pytest.mark.parametrize(
    "waarde", ["01-07-0001", "1-7-0001", "31-12-9999", "2101-01-01", date(1989, 12, 31)]
)
def test_the_import_refuses_an_implausible_date_with_the_same_message(
    gemeente, gemeente_user, waarde
):
    fouten = fouten_van(werkboek([rij(Beschikbaar_vanaf=waarde)]), gemeente_user)
    assert [(f[2], f[4]) for f in fouten] == [("Beschikbaar vanaf", DATUM_BUITEN_BEREIK)]


def test_the_import_accepts_the_plausible_range(gemeente, gemeente_user):
    importeer(
        werkboek([rij(Beschikbaar_vanaf="1-1-1990", Beschikbaar_tot=date(2100, 12, 31))]),
        gemeente_user,
    )
    assert Locatie.objects.get().beschikbaar_tot == date(2100, 12, 31)


def test_the_import_command_lists_an_implausible_date(
    gemeente, beheer_user, cyclus, tmp_path, capsys
):
    from django.core.management import CommandError, call_command

    pad = tmp_path / "uitvraag.xlsx"
    pad.write_bytes(werkboek([rij(Beschikbaar_vanaf="01-07-0001")]))
    with pytest.raises(CommandError):
        call_command("importeer_uitvraag", str(pad), "--cyclus", "1", "--gebruiker", "beheer")
    assert f"Beschikbaar vanaf: {DATUM_BUITEN_BEREIK}" in capsys.readouterr().err


def test_the_admin_refuses_an_implausible_date(client):
    beheerder = UserFactory(username="beheerder", rol=Rol.BEHEER, gemeente=None)
    gebruiker_rechten_toepassen(user=beheerder)
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:opvang_cyclus_add"),
        {"nummer": "3", "telvenster_van": "2026-07-01", "telvenster_tot": "9999-12-31"},
    )
    assert response.context["adminform"].form.errors["telvenster_tot"] == [DATUM_BUITEN_BEREIK]
    assert not Cyclus.objects.filter(nummer=3).exists()


@pytest.mark.parametrize(
    "datums",
    [{"beschikbaar_vanaf": date(1, 1, 1)}, {"beschikbaar_tot": date(9999, 12, 31)}],
    ids=["vanaf", "tot"],
)
def test_the_database_refuses_an_implausible_location_date(gemeente, datums):
    with pytest.raises(IntegrityError), transaction.atomic():
        LocatieFactory(gemeente=gemeente, **datums)


def test_the_template_checks_the_same_range_in_excel(client, gemeente, gemeente_user):
    import io

    import openpyxl

    client.force_login(gemeente_user)
    response = client.get(reverse("opvang:excel_sjabloon_gemeente", args=[gemeente.code]))
    blad = openpyxl.load_workbook(io.BytesIO(response.content))["Locaties"]
    regels = {str(dv.sqref).split(":")[0]: dv for dv in blad.data_validations.dataValidation}
    for kolom in ("I2", "J2"):  # Beschikbaar vanaf, Beschikbaar tot
        regel = regels[kolom]
        assert (regel.type, regel.operator) == ("date", "between")
        assert (regel.formula1, regel.formula2) == ("32874", "73415")  # 1-1-1990, 31-12-2100
        assert "1-1-1990 en 31-12-2100" in regel.error
