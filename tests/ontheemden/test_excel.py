"""The GOO workbook: template, all-or-nothing import with per-row Dutch errors, safety."""

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ontheemden.excel import safety
from ontheemden.excel.werkboek import (
    BEZETTING_KOLOMMEN,
    BLAD_BEZETTING,
    BLAD_LOCATIES,
    LOCATIE_KOLOMMEN,
    importeren,
    sjabloon_bytes,
)
from ontheemden.models import Bezetting, GooLocatie

from .factories import GooLocatieFactory

pytestmark = pytest.mark.django_db


def werkboek(locaties=(), bezettingen=(), extra_sheet=None):
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD_LOCATIES
    blad.append(list(LOCATIE_KOLOMMEN.values()))
    for rij in locaties:
        blad.append(rij)
    blad = boek.create_sheet(BLAD_BEZETTING)
    blad.append(list(BEZETTING_KOLOMMEN.values()))
    for rij in bezettingen:
        blad.append(rij)
    out = io.BytesIO()
    boek.save(out)
    return out.getvalue()


HOTEL = ["Hotel Zon", "hotel of vakantiepark", "in gebruik", 40, date(2025, 1, 1), None, ""]


def footprint():
    return GooLocatie.history.count(), Bezetting.history.count()


def test_the_template_holds_the_gemeentes_locations(gemeente):
    GooLocatieFactory(gemeente=gemeente, naam="Paviljoen", capaciteit=25)
    boek = load_workbook(io.BytesIO(sjabloon_bytes(gemeente)))
    assert boek.sheetnames == [BLAD_LOCATIES, BLAD_BEZETTING]
    rij = [c.value for c in boek[BLAD_LOCATIES][2]]
    assert rij[:4] == ["Paviljoen", "gemeentelijke locatie", "in gebruik", 25]


def test_a_good_workbook_is_imported_whole(gemeente, gemeente_user):
    GooLocatieFactory(gemeente=gemeente, naam="hotel zon", capaciteit=10)
    inhoud = werkboek(
        [
            HOTEL,
            [
                "Park",
                "hotel of vakantiepark",
                "in gebruik",
                20,
                date(2025, 6, 1),
                date(2026, 6, 30),
                "Zomer",
            ],
        ],
        [["Hotel Zon", date(2026, 3, 1), 38], ["Park", date(2026, 3, 1), 20]],
    )
    assert importeren(
        gemeente=gemeente, inhoud=inhoud, bestandsnaam="g.xlsx", user=gemeente_user
    ) == (
        2,
        2,
    )
    hotel = GooLocatie.objects.get(naam__iexact="hotel zon")
    assert (hotel.capaciteit, hotel.versie) == (40, 2)
    assert hotel.history.order_by("history_id").last().history_change_reason == "Excel-import"
    assert Bezetting.objects.count() == 2


@pytest.mark.parametrize(
    ("locaties", "bezettingen", "fout"),
    [
        ([HOTEL], [["Hotel Zon", date(2026, 3, 1), 41]], "hoger dan de capaciteit"),
        ([HOTEL], [["Hotel Zon", date(2024, 12, 1), 4]], "vóór de eerste dag van de locatie"),
        ([HOTEL], [["Hotel Zon", date(2026, 3, 1), -2]], "niet negatief"),
        ([HOTEL], [["Onbekend", date(2026, 3, 1), 2]], "geen GOO-locatie ‘Onbekend’"),
        ([HOTEL[:5] + [date(2024, 1, 1), ""]], [], "De einddatum ligt vóór de begindatum"),
        ([HOTEL[:1] + ["kasteel"] + HOTEL[2:]], [], "Selecteer een geldige keuze"),
        ([HOTEL, HOTEL], [], "staat meer dan eens op het tabblad"),
    ],
)
def test_one_bad_row_stores_nothing_and_names_the_row(
    gemeente, gemeente_user, locaties, bezettingen, fout
):
    goed = ["Ander", "gemeentelijke locatie", "in gebruik", 5, date(2025, 1, 1), None, ""]
    before = footprint()
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(
            gemeente=gemeente,
            inhoud=werkboek([goed, *locaties], bezettingen),
            bestandsnaam="g.xlsx",
            user=gemeente_user,
        )
    assert any(fout in f.melding for f in exc.value.fouten), exc.value.fouten
    assert all(f.rij and f.rij >= 2 for f in exc.value.fouten)
    assert footprint() == before


def test_a_formula_is_refused(gemeente, gemeente_user):
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(
            gemeente=gemeente,
            inhoud=werkboek([[*HOTEL[:3], "=10*10", *HOTEL[4:]]]),
            bestandsnaam="g.xlsx",
            user=gemeente_user,
        )
    assert "formule" in exc.value.fouten[0].melding
    assert not GooLocatie.objects.exists()


def test_a_missing_sheet_or_column_is_named(gemeente, gemeente_user):
    boek = Workbook()
    boek.active.title = BLAD_LOCATIES
    boek.active.append(["Naam locatie"])
    out = io.BytesIO()
    boek.save(out)
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(
            gemeente=gemeente, inhoud=out.getvalue(), bestandsnaam="g.xlsx", user=gemeente_user
        )
    assert exc.value.fouten[0].melding == "De kolom ‘Soort’ ontbreekt in rij 1."


@pytest.mark.parametrize(
    ("inhoud", "naam", "melding"),
    [
        (b"geen zip", "g.xlsx", safety.GEEN_XLSX),
        (b"PK\x03\x04", "g.xlsm", safety.MACRO),
    ],
)
def test_hostile_or_broken_files_are_refused(gemeente, gemeente_user, inhoud, naam, melding):
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(gemeente=gemeente, inhoud=inhoud, bestandsnaam=naam, user=gemeente_user)
    assert exc.value.fouten[0].melding == melding


def test_a_zip_bomb_is_refused_before_parsing(gemeente, gemeente_user, settings):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "0" * (20 * 1024 * 1024))
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(
            gemeente=gemeente, inhoud=out.getvalue(), bestandsnaam="g.xlsx", user=gemeente_user
        )
    assert "ongewoon sterk gecomprimeerd" in exc.value.fouten[0].melding


def test_a_too_large_file_is_refused(gemeente, gemeente_user, settings):
    settings.EXCEL_UPLOAD_MAX_BYTES = 100
    with pytest.raises(safety.BestandGeweigerd) as exc:
        importeren(
            gemeente=gemeente, inhoud=werkboek([HOTEL]), bestandsnaam="g.xlsx", user=gemeente_user
        )
    assert "groter dan" in exc.value.fouten[0].melding


def test_the_upload_page_shows_the_errors_per_row(client, gemeente, gemeente_user, security_events):
    client.force_login(gemeente_user)
    bestand = io.BytesIO(werkboek([HOTEL], [["Hotel Zon", date(2026, 3, 1), 41]]))
    bestand.name = "goo.xlsx"
    response = client.post(
        reverse("ontheemden:excel_importeren", args=[gemeente.code]), {"bestand": bestand}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Niets geïmporteerd." in html
    assert "De bezetting (41 bedden) is hoger dan de capaciteit van de locatie (40 bedden)" in html
    assert not GooLocatie.objects.exists()
    assert "goo.import" in security_events.names()


def test_the_upload_page_imports_a_good_file(client, gemeente, gemeente_user):
    client.force_login(gemeente_user)
    bestand = io.BytesIO(werkboek([HOTEL], [["Hotel Zon", date(2026, 3, 1), 40]]))
    bestand.name = "goo.xlsx"
    response = client.post(
        reverse("ontheemden:excel_importeren", args=[gemeente.code]), {"bestand": bestand}
    )
    assert response.status_code == 302
    assert Bezetting.objects.get().bezet == 40
