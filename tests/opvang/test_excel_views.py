"""The Excel pages: template download, upload, preview, confirmation, export, errors."""

import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gemeenten.constants import Rol
from opvang.excel.format import LOCATIE_KOLOMMEN
from opvang.models import Locatie, UitvraagImport
from tests.factories import LocatieFactory, OpgaveFactory, UserFactory
from tests.opvang.test_excel_import import rij, voetafdruk, werkboek

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def upload(client, url, inhoud, naam="uitvraag.xlsx", **extra):
    bestand = SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")
    return client.post(url, {"bestand": bestand, **extra})


def lees(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_a_gemeente_downloads_fills_in_and_uploads_its_template(client, gemeente, gemeente_user):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50, amv_plekken=5)
    login(client, gemeente_user)
    response = client.get(reverse("opvang:excel_sjabloon_gemeente", args=[gemeente.code]))
    assert response["Content-Disposition"].startswith('attachment; filename="uitvraag-GM0344')
    boek = lees(response)
    assert boek.sheetnames == ["Uitleg", "Locaties"]  # no Opgave sheet for a gemeente
    blad = boek["Locaties"]
    assert [c.value for c in blad[1]] == [k.kop for k in LOCATIE_KOLOMMEN]
    assert blad["C2"].value == "AZC Noord" and blad["F2"].value == 50
    blad["F2"] = 80
    blad.append(rij(Naam_locatie="Hotel Zuid", Plekken=20, Waarvan_AMV=None))
    uit = io.BytesIO()
    boek.save(uit)

    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    response = upload(client, url, uit.getvalue())
    record = UitvraagImport.objects.get()
    detail = reverse("opvang:import_detail", args=[record.pk])
    assert response.status_code == 302 and response.url == detail
    preview = client.get(detail)
    assert "1 locatie toegevoegd, 1 gewijzigd, 0 ongewijzigd" in preview.content.decode()
    assert Locatie.objects.get(naam="AZC Noord").plekken == 50  # nothing written yet

    response = client.post(detail)
    assert response.status_code == 302
    assert response.url == reverse("opvang:gemeente_detail", args=[gemeente.code])
    assert Locatie.objects.get(naam="AZC Noord").plekken == 80
    assert Locatie.objects.get(naam="Hotel Zuid").amv_plekken == 0
    record.refresh_from_db()
    assert (record.status, record.toegevoegd, record.gewijzigd) == ("verwerkt", 1, 1)


def test_the_template_has_drop_downs_number_checks_dates_and_a_frozen_header(
    client, gemeente, gemeente_user
):
    LocatieFactory(gemeente=gemeente, naam='=HYPERLINK("https://x")', toelichting="+31 6")
    response = login(client, gemeente_user).get(
        reverse("opvang:excel_sjabloon_gemeente", args=[gemeente.code])
    )
    blad = lees(response)["Locaties"]
    assert blad.freeze_panes == "A2"
    regels = {str(dv.sqref).split(":")[0]: dv for dv in blad.data_validations.dataValidation}
    assert regels["D2"].type == "list" and "azc (COA)" in regels["D2"].formula1
    assert regels["E2"].type == "list" and "beëindigd" in regels["E2"].formula1
    assert regels["F2"].type == "whole" and regels["I2"].type == "date"
    assert blad["I2"].number_format == "d-m-yyyy" and blad["I2"].value.date() == date(2024, 1, 1)
    assert blad.column_dimensions["C"].width >= 30
    assert blad["C2"].data_type == "s" and blad["C2"].value.startswith("=HYPERLINK")
    assert blad["K2"].data_type == "s" and blad["K2"].value == "+31 6"


def test_preview_page_queries_do_not_grow_with_the_rows(
    client, gemeente, gemeente_user, django_assert_max_num_queries
):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    inhoud = werkboek([rij(Naam_locatie=f"Locatie {i}") for i in range(40)])
    response = upload(client, url, inhoud)
    with django_assert_max_num_queries(8):
        preview = client.get(response.url)
    assert preview.status_code == 200
    assert "40 locaties toegevoegd" in preview.content.decode()


def test_a_refused_file_shows_every_error_and_offers_the_list(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    inhoud = werkboek([rij(Plekken="veel"), rij(Naam_locatie="B", Gemeentecode="GM0307")])
    before = voetafdruk()
    response = upload(client, url, inhoud)
    assert voetafdruk() == before
    html = response.content.decode()
    assert "Er zijn 2 fouten gevonden" in html and "er is niets veranderd" in html
    assert "Vul een geheel getal in" in html

    assert reverse("opvang:import_fouten") in html
    lijst = client.get(reverse("opvang:import_fouten"))
    rijen = list(lees(lijst)["Fouten"].iter_rows(values_only=True))
    assert rijen[0] == ("Tabblad", "Rij", "Kolom", "Waarde", "Melding")
    assert rijen[1][:4] == ("Locaties", 2, "Plekken", "veel")
    assert rijen[2][:4] == ("Locaties", 3, "Gemeentecode", "GM0307")


def test_the_error_list_holds_only_the_users_own_errors(
    client, gemeente, gemeente_user, andere_gemeente_user
):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    upload(client, url, werkboek([rij(Naam_locatie="Geheime naam", Plekken="veel")]))
    client.force_login(andere_gemeente_user)
    lijst = client.get(reverse("opvang:import_fouten"))
    rijen = list(lees(lijst)["Fouten"].iter_rows(values_only=True))
    assert rijen == [("Tabblad", "Rij", "Kolom", "Waarde", "Melding")]


def test_a_refused_upload_is_written_to_the_security_log(client, gemeente, gemeente_user, caplog):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    with caplog.at_level("INFO", logger="opvangregister.security"):
        upload(client, url, b"geen zip", naam="x.xlsx")
    assert any('"upload.rejected"' in r.getMessage() for r in caplog.records)


def test_confirmation_uses_the_stored_file_not_the_browser(
    client, gemeente, gemeente_user, andere_gemeente_user
):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    upload(client, url, werkboek([rij()]))
    record = UitvraagImport.objects.get()
    detail = reverse("opvang:import_detail", args=[record.pk])
    # Another user, even of the same gemeente's province, cannot confirm or see it.
    client.force_login(andere_gemeente_user)
    assert client.post(detail).status_code == 404
    assert client.get(detail).status_code == 404
    assert not Locatie.objects.exists()


@pytest.mark.parametrize("ander", ["collega", "prt_user", "beheer_user"])
def test_only_the_uploader_sees_and_confirms_an_import(
    request, client, gemeente, gemeente_user, ander
):
    login(client, gemeente_user)
    upload(client, reverse("opvang:excel_importeren_gemeente", args=[gemeente.code]), werkboek())
    detail = reverse("opvang:import_detail", args=[UitvraagImport.objects.get().pk])
    if ander == "collega":
        user = UserFactory(username="collega", rol=Rol.GEMEENTE, gemeente=gemeente)
    else:
        user = request.getfixturevalue(ander)
    client.force_login(user)
    assert client.get(detail).status_code == 404
    assert client.post(detail).status_code == 404
    assert UitvraagImport.objects.get().status == UitvraagImport.Status.PREVIEW


def test_a_processed_import_is_no_longer_shown_or_confirmed(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    upload(
        client, reverse("opvang:excel_importeren_gemeente", args=[gemeente.code]), werkboek([rij()])
    )
    detail = reverse("opvang:import_detail", args=[UitvraagImport.objects.get().pk])
    client.post(detail)
    assert client.get(detail).status_code == 404
    assert client.post(detail).status_code == 404
    assert Locatie.objects.count() == 1


def test_the_import_pages_refuse_other_methods(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    upload(client, url, werkboek([rij()]))
    detail = reverse("opvang:import_detail", args=[UitvraagImport.objects.get().pk])
    assert client.put(url).status_code == 405
    assert client.delete(detail).status_code == 405
    assert client.post(reverse("opvang:import_fouten")).status_code == 405
    assert not Locatie.objects.exists()


def test_a_change_after_the_preview_refuses_the_confirmation(client, gemeente, gemeente_user):
    locatie = LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    login(client, gemeente_user)
    url = reverse("opvang:excel_importeren_gemeente", args=[gemeente.code])
    upload(client, url, werkboek([rij()]))
    record = UitvraagImport.objects.get()
    locatie.plekken, locatie.versie = 70, locatie.versie + 1
    locatie.save()

    response = client.post(reverse("opvang:import_detail", args=[record.pk]), follow=True)

    assert "Sinds de controle van dit bestand zijn gegevens gewijzigd" in response.content.decode()
    locatie.refresh_from_db()
    assert locatie.plekken == 70


def test_prt_exports_the_locations_of_the_province_with_their_category(
    client, gemeente, andere_gemeente, prt_user, cyclus, django_assert_max_num_queries
):
    LocatieFactory(gemeente=gemeente, naam='=HYPERLINK("https://x","klik")')
    LocatieFactory(gemeente=andere_gemeente, naam="Hotel", beschikbaar_vanaf=date(2025, 9, 1))
    login(client, prt_user)
    url = reverse("opvang:excel_locaties_export", args=[gemeente.provincie.code])
    with django_assert_max_num_queries(8):
        response = client.get(f"{url}?cyclus=1")
    blad = lees(response)["Locaties"]
    rijen = list(blad.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[10]) for r in rijen] == [
        ("GM0307", "Hotel", "harde plancapaciteit"),
        ("GM0344", '=HYPERLINK("https://x","klik")', "harde opvangcapaciteit"),
    ]
    assert blad["C3"].data_type == "s"  # text, never a formula


def test_prt_loads_targets_for_the_whole_province(client, gemeente, prt_user, cyclus):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1988, amv_plekken=169)
    login(client, prt_user)
    url = reverse("opvang:excel_importeren_provincie", args=[gemeente.provincie.code])
    inhoud = werkboek([rij()], opgaven=[["GM0344", "Utrecht", 1946, 152]])
    response = upload(
        client,
        url,
        inhoud,
        naam="besluit.xlsx",
        cyclus=cyclus.pk,
        opgave_grondslag="verdeelbesluit",
    )
    record = UitvraagImport.objects.get()
    assert "1.988 (AMV 169)" in client.get(response.url).content.decode()
    client.post(reverse("opvang:import_detail", args=[record.pk]))
    opgave = gemeente.opgaven.order_by("-id").first()
    assert (opgave.plekken, opgave.grondslag, opgave.bron) == (
        1946,
        "verdeelbesluit",
        "besluit.xlsx",
    )
    assert Locatie.objects.get().gemeente == gemeente


def test_the_province_template_holds_every_gemeente_and_its_target(
    client, gemeente, andere_gemeente, prt_user, cyclus
):
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1988, amv_plekken=169)
    response = login(client, prt_user).get(
        reverse("opvang:excel_sjabloon_provincie", args=[gemeente.provincie.code])
    )
    opgave = lees(response)["Opgave"]
    assert list(opgave.iter_rows(min_row=2, values_only=True)) == [
        ("GM0307", "Amersfoort", None, None),
        ("GM0344", "Utrecht", 1988, 169),
    ]


def test_pages_link_to_the_excel_pages(client, gemeente, gemeente_user, prt_user, cyclus):
    html = (
        login(client, gemeente_user)
        .get(reverse("opvang:gemeente_detail", args=[gemeente.code]))
        .content.decode()
    )
    assert "Excel-sjabloon downloaden" in html and "Excel importeren" in html
    dashboard = reverse("rapportage:dashboard", args=[gemeente.provincie.code])
    html = login(client, prt_user).get(dashboard).content.decode()
    assert reverse("opvang:excel_importeren_provincie", args=[gemeente.provincie.code]) in html
