"""In Dutch 1.000 is a thousand: the web form and the import read whole numbers alike.

Before, the web form stored plekken=1.000 as 1 (Django's localized IntegerField drops a
decimal part of zeros) and the import refused the same text.
"""

import re

import pytest
from django.urls import reverse

from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol
from kern.numbers import GEEN_GEHEEL_GETAL
from opvang.constants import Status
from opvang.excel import cells
from opvang.models import Locatie, Opgave
from tests.factories import UserFactory
from tests.opvang.test_excel_import import fouten_van, importeer, rij, werkboek
from tests.opvang.test_locatie_views import GELDIG

pytestmark = pytest.mark.django_db

# Every whole-number field of LocatieForm, with what the rest of the row needs.
VELDEN = {
    "plekken": {"plekken_max": ""},
    "amv_plekken": {"plekken": "5000"},
    "plekken_max": {"status": Status.IN_VOORBEREIDING, "plekken": "50", "beschikbaar_vanaf": ""},
}
KOPPEN = {"plekken": "Plekken", "amv_plekken": "Waarvan AMV", "plekken_max": "Plekken max"}
FOUT = ["1.5", "1,5", "1.00", "1,000", "1 000", "12.34"]


def nieuw(client, gemeente, data):
    return client.post(reverse("opvang:locatie_nieuw", args=[gemeente.code]), {**GELDIG, **data})


@pytest.mark.parametrize("veld", VELDEN)
@pytest.mark.parametrize("tekst", ["1.000", "1000"])
def test_the_web_form_reads_a_thousand_in_both_notations(
    client, gemeente_user, gemeente, veld, tekst
):
    client.force_login(gemeente_user)
    response = nieuw(client, gemeente, {**VELDEN[veld], veld: tekst})
    assert response.status_code == 302, response.context["form"].errors
    assert getattr(Locatie.objects.get(), veld) == 1000


@pytest.mark.parametrize("veld", VELDEN)
@pytest.mark.parametrize("tekst", FOUT)
def test_the_web_form_refuses_anything_but_a_whole_number(
    client, gemeente_user, gemeente, veld, tekst
):
    client.force_login(gemeente_user)
    response = nieuw(client, gemeente, {**VELDEN[veld], veld: tekst})
    assert response.context["form"].errors[veld] == [GEEN_GEHEEL_GETAL]
    assert not Locatie.objects.exists()


def test_the_web_form_shows_a_text_box_with_a_numeric_keyboard(client, gemeente_user, gemeente):
    client.force_login(gemeente_user)
    html = client.get(reverse("opvang:locatie_nieuw", args=[gemeente.code])).content.decode()
    for veld in VELDEN:
        invoer = re.search(rf'<input[^>]*name="{veld}"[^>]*>', html).group()
        assert 'type="text"' in invoer and 'inputmode="numeric"' in invoer, invoer


def rij_voor(veld, waarde):
    extra = {
        "plekken": {},
        "amv_plekken": {"Plekken": 5000},
        "plekken_max": {"Status": "in voorbereiding", "Plekken": 10, "Beschikbaar_vanaf": None},
    }[veld]
    return rij(**{**extra, KOPPEN[veld].replace(" ", "_"): waarde})


@pytest.mark.parametrize("veld", VELDEN)
@pytest.mark.parametrize("waarde", ["1.000", "1000", 1000, 1000.0])
def test_the_import_reads_a_thousand_as_the_web_form_does(gemeente, gemeente_user, veld, waarde):
    importeer(werkboek([rij_voor(veld, waarde)]), gemeente_user)
    assert getattr(Locatie.objects.get(), veld) == 1000


@pytest.mark.parametrize("veld", VELDEN)
@pytest.mark.parametrize("waarde", [*FOUT, 1.5])
def test_the_import_refuses_with_the_web_forms_message(gemeente, gemeente_user, veld, waarde):
    fouten = fouten_van(werkboek([rij_voor(veld, waarde)]), gemeente_user)
    assert [(f[2], f[4]) for f in fouten] == [(KOPPEN[veld], GEEN_GEHEEL_GETAL)]
    assert cells.GEEN_GETAL == GEEN_GEHEEL_GETAL


@pytest.mark.parametrize("kolom", [2, 3])
def test_the_opgave_sheet_reads_dutch_numbers_too(gemeente, prt_user, cyclus, kolom):
    opgave = ["GM0344", "Utrecht", "2.000", "150"]
    opgave[kolom] = "1.000"
    importeer(
        werkboek([rij()], opgaven=[opgave]),
        prt_user,
        provincie=gemeente.provincie,
        cyclus=cyclus,
        opgave_grondslag="indicatief",
    )
    nieuw = Opgave.objects.get()
    assert (nieuw.plekken, nieuw.amv_plekken) == ((1000, 150) if kolom == 2 else (2000, 1000))


def test_the_opgave_sheet_refuses_a_decimal(gemeente, prt_user, cyclus):
    inhoud = werkboek([rij()], opgaven=[["GM0344", "Utrecht", "1,5", "0"]])
    fouten = fouten_van(inhoud, prt_user, provincie=gemeente.provincie, cyclus=cyclus)
    assert [(f[0], f[2], f[4]) for f in fouten] == [("Opgave", "Opgave", GEEN_GEHEEL_GETAL)]


def test_the_admin_reads_a_thousand_in_a_target(client, gemeente, cyclus):
    beheerder = UserFactory(username="beheerder", rol=Rol.BEHEER, gemeente=None)
    gebruiker_rechten_toepassen(user=beheerder)
    client.force_login(beheerder)
    data = {
        "gemeente": gemeente.pk,
        "cyclus": cyclus.pk,
        "grondslag": "indicatief",
        "bron": "Brief minister",
        "datum": "2024-02-01",
    }
    response = client.post(reverse("admin:opvang_opgave_add"), {**data, "plekken": "1.000"})
    assert response.status_code == 302
    assert Opgave.objects.get().plekken == 1000
    response = client.post(reverse("admin:opvang_opgave_add"), {**data, "plekken": "1,5"})
    assert response.context["adminform"].form.errors["plekken"] == [GEEN_GEHEEL_GETAL]
