"""Text on every input path: one normalisation, control characters refused, a length limit.

Web form, Excel import (through LocatieForm), the admin's forms (through the model
fields) and the model's full_clean() all clean text the same way (kern.text).
"""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol
from kern.text import MAX_TOELICHTING, STUURTEKENS, TE_LANG
from opvang import forms
from opvang.excel.validation import DUBBELE_LOCATIE
from opvang.models import Locatie, Opgave
from tests.factories import LocatieFactory, UserFactory
from tests.opvang.test_excel_import import fouten_van, importeer, rij, werkboek
from tests.opvang.test_locatie_views import GELDIG

pytestmark = pytest.mark.django_db

ONZICHTBAAR = [
    pytest.param("\u202e", id="right-to-left-override"),
    pytest.param("\u200b", id="zero-width-space"),
    pytest.param("\ufeff", id="byte-order-mark"),
    pytest.param("\u00ad", id="soft-hyphen"),
    pytest.param("\u2066", id="left-to-right-isolate"),
]
STUURTEKEN = [
    pytest.param("\x07", id="bel"),
    pytest.param("\x1b", id="escape"),
    pytest.param("\x7f", id="delete"),
    pytest.param("\x9b", id="c1-csi"),
]


@pytest.fixture
def ingelogd(client, gemeente_user):
    client.force_login(gemeente_user)
    return client


def nieuw(client, gemeente, **wijziging):
    return client.post(
        reverse("opvang:locatie_nieuw", args=[gemeente.code]), {**GELDIG, **wijziging}
    )


@pytest.mark.parametrize("teken", ONZICHTBAAR)
def test_the_web_form_stores_a_name_without_invisible_characters(ingelogd, gemeente, teken):
    response = nieuw(ingelogd, gemeente, naam=f"azc{teken} Joseph\u00a0 Haydnlaan{teken}")
    assert response.status_code == 302
    assert Locatie.objects.get().naam == "azc Joseph Haydnlaan"


@pytest.mark.parametrize("teken", STUURTEKEN)
def test_the_web_form_refuses_control_characters_in_a_name(ingelogd, gemeente, teken):
    response = nieuw(ingelogd, gemeente, naam=f"azc{teken}Haydnlaan")
    assert response.status_code == 200
    assert STUURTEKENS in response.context["form"].errors["naam"]
    assert not Locatie.objects.exists()


@pytest.mark.parametrize("teken", ONZICHTBAAR)
def test_a_look_alike_of_an_existing_name_is_the_same_name(ingelogd, gemeente, teken):
    LocatieFactory(gemeente=gemeente, naam="azc Joseph Haydnlaan")
    response = nieuw(ingelogd, gemeente, naam=f"AZC Joseph{teken} Haydnlaan")
    melding = forms.NAAM_BESTAAT.format(naam="AZC Joseph Haydnlaan")
    assert melding in response.context["form"].errors["naam"]
    assert Locatie.objects.count() == 1


def test_the_toelichting_keeps_its_lines_and_refuses_control_characters(ingelogd, gemeente):
    nieuw(ingelogd, gemeente, toelichting="Regel een\u200b \r\nRegel\ttwee\u00a0")
    assert Locatie.objects.get().toelichting == "Regel een\nRegel twee"
    response = nieuw(ingelogd, gemeente, naam="Ander", toelichting="Bel\x07")
    assert STUURTEKENS in response.context["form"].errors["toelichting"]


def test_a_toelichting_longer_than_the_limit_is_refused_on_the_web(ingelogd, gemeente):
    response = nieuw(ingelogd, gemeente, toelichting="x" * (MAX_TOELICHTING + 1))
    melding = TE_LANG.format(max=MAX_TOELICHTING, lengte=MAX_TOELICHTING + 1)
    assert response.context["form"].errors["toelichting"] == [melding]
    assert not Locatie.objects.exists()


@pytest.mark.parametrize("teken", ONZICHTBAAR)
def test_the_import_stores_a_name_without_invisible_characters(gemeente, gemeente_user, teken):
    importeer(werkboek([rij(Naam_locatie=f"AZC{teken}\u00a0Noord{teken}")]), gemeente_user)
    assert Locatie.objects.get().naam == "AZC Noord"


@pytest.mark.parametrize("teken", STUURTEKEN[2:])  # XML 1.0 cannot hold BEL or ESC
def test_the_import_refuses_control_characters_with_the_web_forms_message(
    gemeente, gemeente_user, teken
):
    fouten = fouten_van(werkboek([rij(Naam_locatie=f"AZC{teken}Noord")]), gemeente_user)
    assert [(f[1], f[2], f[4]) for f in fouten] == [(2, "Naam locatie", STUURTEKENS)]


@pytest.mark.parametrize("teken", ONZICHTBAAR)
def test_the_import_matches_a_look_alike_to_the_existing_location(gemeente, gemeente_user, teken):
    bestaand = LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    record = importeer(werkboek([rij(Naam_locatie=f"azc{teken} noord")]), gemeente_user)
    assert (record.toegevoegd, record.gewijzigd) == (0, 1)
    bestaand.refresh_from_db()
    assert (Locatie.objects.count(), bestaand.plekken) == (1, 100)


def test_the_file_name_of_an_import_is_cleaned_too(gemeente, gemeente_user):
    record = importeer(werkboek([rij()]), gemeente_user, naam="uitvraag\u202e\x07.xlsx")
    assert record.bestandsnaam == "uitvraag .xlsx"
    assert (
        Locatie.objects.get()
        .history.first()
        .history_change_reason.startswith("Import uitvraag .xlsx (sha256")
    )


def test_two_look_alike_rows_in_one_file_are_one_location_twice(gemeente, gemeente_user):
    inhoud = werkboek([rij(Naam_locatie="AZC Noord"), rij(Naam_locatie="AZC\u200b Noord")])
    fouten = fouten_van(inhoud, gemeente_user)
    assert [(f[1], f[4]) for f in fouten] == [(3, DUBBELE_LOCATIE.format(rij=2))]


def test_a_toelichting_longer_than_the_limit_is_refused_in_the_import(gemeente, gemeente_user):
    fouten = fouten_van(werkboek([rij(Toelichting="x" * (MAX_TOELICHTING + 1))]), gemeente_user)
    melding = TE_LANG.format(max=MAX_TOELICHTING, lengte=MAX_TOELICHTING + 1)
    assert [(f[2], f[4]) for f in fouten] == [("Toelichting", melding)]


def test_the_toelichting_of_an_import_keeps_its_lines(gemeente, gemeente_user):
    importeer(werkboek([rij(Toelichting="Regel een \nRegel\u200b twee")]), gemeente_user)
    assert Locatie.objects.get().toelichting == "Regel een\nRegel twee"


@pytest.fixture
def beheerder(db):
    user = UserFactory(username="beheerder", rol=Rol.BEHEER, gemeente=None)
    gebruiker_rechten_toepassen(user=user)
    return user


def test_the_admin_stores_a_gemeente_name_without_invisible_characters(client, beheerder, gemeente):
    client.force_login(beheerder)
    data = {
        "code": gemeente.code,
        "naam": "Utrecht\u200b\u00a0",
        "provincie": gemeente.provincie.pk,
    }
    response = client.post(reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk]), data)
    assert response.status_code == 302
    gemeente.refresh_from_db()
    assert gemeente.naam == "Utrecht"


def test_the_admin_refuses_control_characters(client, beheerder, gemeente, cyclus):
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:opvang_opgave_add"),
        {
            "gemeente": gemeente.pk,
            "cyclus": cyclus.pk,
            "grondslag": "indicatief",
            "plekken": "500",
            "bron": "Brief\x1b[31m minister",
            "datum": "2024-02-01",
        },
    )
    assert response.status_code == 200
    assert STUURTEKENS in response.context["adminform"].form.errors["bron"]
    assert not Opgave.objects.exists()


def test_full_clean_normalises_text_for_every_model_form(gemeente):
    locatie = LocatieFactory.build(gemeente=gemeente, naam="\ufeffAZC\u202e Noord ")
    locatie.full_clean()
    assert locatie.naam == "AZC Noord"


def test_the_database_refuses_a_second_name_differing_only_in_case(gemeente):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord")
    with pytest.raises(IntegrityError), transaction.atomic():
        LocatieFactory(gemeente=gemeente, naam="azc noord")


def test_full_clean_refuses_a_name_differing_only_in_case(gemeente):
    from django.core.exceptions import ValidationError

    LocatieFactory(gemeente=gemeente, naam="AZC Noord")
    with pytest.raises(ValidationError, match="al een locatie met deze naam"):
        LocatieFactory.build(gemeente=gemeente, naam="azc NOORD").full_clean()


@pytest.mark.parametrize(
    ("form_class", "veld", "kwargs", "extra"),
    [
        (forms.BeoordelingForm, "opmerking", {}, {"besluit": "terugsturen"}),
        (forms.UitvraagForm, "bericht", {}, {"deadline": "2100-12-01"}),
        (forms.AfsluitenForm, "reden", {"locatie": None}, {"status": "vervallen"}),
    ],
)
def test_every_free_text_field_of_the_app_is_cleaned(form_class, veld, kwargs, extra, cyclus):
    if form_class is forms.UitvraagForm:
        extra = {**extra, "cyclus": cyclus.pk}
    if form_class is forms.AfsluitenForm:
        kwargs = {"locatie": LocatieFactory.build()}
    schoon = form_class({**extra, veld: "Graag\u200b\u00a0aanpassen\u202e "}, **kwargs)
    assert schoon.is_valid(), schoon.errors
    assert schoon.cleaned_data[veld] == "Graag aanpassen"
    vies = form_class({**extra, veld: "Graag\x07"}, **kwargs)
    assert STUURTEKENS in vies.errors[veld]
    lang = form_class({**extra, veld: "x" * 2001}, **kwargs)
    assert any(m.startswith("Deze tekst is te lang") for m in lang.errors[veld])
