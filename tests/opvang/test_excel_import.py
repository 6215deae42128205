"""The uitvraag import: matching, all-or-nothing, scope, audit, opgave sheet.

The helpers at the top build workbooks for the other test_excel_* modules too.
"""

import io
from datetime import date

import openpyxl
import pytest

from opvang.constants import Grondslag, Soort, Status
from opvang.excel import cells
from opvang.excel.format import LOCATIE_KOLOMMEN, OPGAVE_KOLOMMEN, BestandGeweigerd
from opvang.excel.validation import ANDERE_GEMEENTE, DUBBELE_LOCATIE, OPGAVE_NIET_TOEGESTAAN
from opvang.models import Locatie, Opgave, UitvraagImport
from opvang.services_import import (
    ImportVerouderd,
    uitvraagimport_verwerken,
    uitvraagimport_voorbereiden,
)
from tests.factories import LocatieFactory, OpgaveFactory

pytestmark = pytest.mark.django_db

LOCATIE_KOPPEN = [k.kop for k in LOCATIE_KOLOMMEN]
OPGAVE_KOPPEN = [k.kop for k in OPGAVE_KOLOMMEN]


def rij(**waarden):
    """Return a Locaties row (list in header order) with sensible defaults."""
    standaard = {
        "Gemeentecode": "GM0344",
        "Gemeente": "Utrecht",
        "Naam locatie": "AZC Noord",
        "Soort": "azc (COA)",
        "Status": "in gebruik",
        "Plekken": 100,
        "Plekken max": None,
        "Waarvan AMV": 10,
        "Beschikbaar vanaf": date(2024, 1, 1),
        "Beschikbaar tot": None,
        "Toelichting": "",
    }
    standaard.update({k.replace("_", " "): v for k, v in waarden.items()})
    return [standaard[k] for k in LOCATIE_KOPPEN]


def werkboek(locaties=(), opgaven=None, koppen=None):
    """Return .xlsx bytes with a Locaties sheet (and an Opgave sheet when given)."""
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Locaties"
    blad.append(koppen or LOCATIE_KOPPEN)
    for r in locaties:
        blad.append(r)
    if opgaven is not None:
        opgave = boek.create_sheet("Opgave")
        opgave.append(OPGAVE_KOPPEN)
        for r in opgaven:
            opgave.append(r)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def voetafdruk():
    """What a refused file must leave unchanged: rows and the whole audit trail."""
    return (
        list(Locatie.objects.order_by("pk").values()),
        list(Opgave.objects.order_by("pk").values()),
        UitvraagImport.objects.count(),
        Locatie.history.count(),
        Opgave.history.count(),
        UitvraagImport.history.count(),
    )


def importeer(inhoud, user, naam="uitvraag.xlsx", **kwargs):
    record = uitvraagimport_voorbereiden(bestand=inhoud, bestandsnaam=naam, user=user, **kwargs)
    return uitvraagimport_verwerken(record=record, user=user)


def fouten_van(inhoud, user, **kwargs):
    before = voetafdruk()
    with pytest.raises(BestandGeweigerd) as exc:
        uitvraagimport_voorbereiden(bestand=inhoud, bestandsnaam="fout.xlsx", user=user, **kwargs)
    assert voetafdruk() == before
    return [(f.blad, f.rij, f.kolom, f.waarde, f.melding) for f in exc.value.fouten]


def test_a_new_name_creates_a_location_and_a_known_name_updates_it(gemeente, gemeente_user):
    bestaand = LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50, amv_plekken=0)
    inhoud = werkboek(
        [rij(Naam_locatie="  azc   NOORD "), rij(Naam_locatie="Hotel Zuid", Plekken=20)]
    )
    record = importeer(inhoud, gemeente_user)
    bestaand.refresh_from_db()
    assert (bestaand.plekken, bestaand.amv_plekken, bestaand.versie) == (100, 10, 2)
    nieuw = Locatie.objects.get(naam="Hotel Zuid")
    assert (nieuw.gemeente, nieuw.plekken, nieuw.soort) == (gemeente, 20, Soort.AZC)
    assert (record.status, record.toegevoegd, record.gewijzigd) == ("verwerkt", 1, 1)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(gemeente, gemeente_user):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    inhoud = werkboek([rij(), rij(Naam_locatie="Hotel Zuid", Status="in voorbereiding")])
    importeer(inhoud, gemeente_user)
    locaties = list(Locatie.objects.order_by("pk").values())
    history = Locatie.history.count()

    tweede = importeer(inhoud, gemeente_user)

    assert (tweede.toegevoegd, tweede.gewijzigd) == (0, 0)
    assert tweede.voorbeeld["totaal"]["ongewijzigd"] == 2
    assert list(Locatie.objects.order_by("pk").values()) == locaties
    assert Locatie.history.count() == history


def test_locations_absent_from_the_file_are_left_alone(gemeente, gemeente_user):
    blijft = LocatieFactory(gemeente=gemeente, naam="Oude locatie")
    importeer(werkboek([rij()]), gemeente_user)
    blijft.refresh_from_db()
    assert blijft.versie == 1 and blijft.status == Status.IN_GEBRUIK


def test_all_errors_are_listed_and_one_error_changes_nothing(gemeente, gemeente_user):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    inhoud = werkboek(
        [
            rij(Plekken=200),  # valid on its own: still not written
            rij(Naam_locatie="Tekst", Plekken="veel"),
            rij(Naam_locatie="Negatief", Plekken=-5),
            rij(Naam_locatie="AMV", Plekken=10, Waarvan_AMV=20),
            rij(
                Naam_locatie="Datums",
                Beschikbaar_vanaf=date(2025, 1, 1),
                Beschikbaar_tot="1-7-2024",
            ),
            rij(Naam_locatie="Soort", Soort="kasteel"),
            rij(Naam_locatie="azc noord"),
        ]
    )
    fouten = fouten_van(inhoud, gemeente_user)
    assert ("Locaties", 3, "Plekken", "veel", cells.GEEN_GETAL) in fouten
    assert any(f[1:4] == (4, "Plekken", "-5") and "0" in f[4] for f in fouten)
    assert (
        "Locaties",
        5,
        "Waarvan AMV",
        "20",
        "Het aantal AMV-plekken (20) is groter dan het aantal plekken (10).",
    ) in fouten
    assert (
        "Locaties",
        6,
        "Beschikbaar tot",
        "1-7-2024",
        "‘Beschikbaar tot en met’ ligt vóór ‘beschikbaar vanaf’.",
    ) in fouten
    assert any(f[1:4] == (7, "Soort", "kasteel") and "azc (COA)" in f[4] for f in fouten)
    assert ("Locaties", 8, "Naam locatie", "azc noord", DUBBELE_LOCATIE.format(rij=2)) in fouten
    assert len(fouten) == 6


def test_a_row_of_another_gemeente_rejects_the_whole_file(gemeente, andere_gemeente, gemeente_user):
    inhoud = werkboek([rij(), rij(Gemeentecode="GM0307", Gemeente="Amersfoort")])
    fouten = fouten_van(inhoud, gemeente_user)
    melding = ANDERE_GEMEENTE.format(naam="Utrecht", code="GM0344")
    assert fouten == [("Locaties", 3, "Gemeentecode", "GM0307", melding)]


def test_unknown_codes_and_names_that_do_not_match_are_errors(gemeente, prt_user):
    inhoud = werkboek([rij(Gemeentecode="GM9999"), rij(Gemeente="Utrecht-Zuid")])
    fouten = fouten_van(inhoud, prt_user, provincie=gemeente.provincie)
    assert [f[1:4] for f in fouten] == [
        (2, "Gemeentecode", "GM9999"),
        (3, "Gemeente", "Utrecht-Zuid"),
    ]


def test_a_formula_where_a_number_belongs_is_an_error_never_evaluated(gemeente, gemeente_user):
    inhoud = werkboek([rij(Plekken="=40+60")])
    assert fouten_van(inhoud, gemeente_user) == [
        ("Locaties", 2, "Plekken", "=40+60", cells.FORMULE)
    ]


def test_bidirectional_control_characters_in_a_name_are_removed_as_on_the_web(
    gemeente, gemeente_user
):
    # Security round 2, finding 8: format characters (U+202E too) are removed on every
    # path, so the name stored is the one shown; control characters are refused.
    importeer(werkboek([rij(Naam_locatie="AZC \u202eNoord")]), gemeente_user)
    assert Locatie.objects.get().naam == "AZC Noord"
    fouten = fouten_van(werkboek([rij(Naam_locatie="AZC \x9bNoord")]), gemeente_user)
    assert [(f[1], f[2], f[4]) for f in fouten] == [(2, "Naam locatie", cells.STUURTEKENS)]


def test_a_missing_required_column_is_reported_by_its_header(gemeente, gemeente_user):
    koppen = [k for k in LOCATIE_KOPPEN if k != "Status"]
    inhoud = werkboek([rij()[:4] + rij()[5:]], koppen=koppen)
    assert fouten_van(inhoud, gemeente_user) == [
        ("Locaties", 1, "Status", "", "De kolom ‘Status’ ontbreekt in rij 1.")
    ]


def test_headers_are_found_by_text_whatever_their_order_case_and_spaces(gemeente, gemeente_user):
    koppen = ["  naam   LOCATIE ", "Extra kolom", *reversed(LOCATIE_KOPPEN)]
    koppen.remove("Naam locatie")
    waarden = dict(zip(LOCATIE_KOPPEN, rij(), strict=True))
    inhoud = werkboek(
        [[waarden["Naam locatie"], "genegeerd", *(waarden[k] for k in koppen[2:])]], koppen=koppen
    )
    importeer(inhoud, gemeente_user)
    assert Locatie.objects.get().naam == "AZC Noord"


def test_dates_may_be_text_in_dutch_or_iso_notation(gemeente, gemeente_user):
    inhoud = werkboek(
        [
            rij(Naam_locatie="A", Beschikbaar_vanaf="1-7-2025"),
            rij(Naam_locatie="B", Beschikbaar_vanaf="01-07-2025"),
            rij(Naam_locatie="C", Beschikbaar_vanaf="2025-07-01"),
        ]
    )
    importeer(inhoud, gemeente_user)
    assert set(Locatie.objects.values_list("beschikbaar_vanaf", flat=True)) == {date(2025, 7, 1)}


def test_the_import_is_recorded_and_each_location_history_names_it(gemeente, gemeente_user):
    LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    inhoud = werkboek([rij(), rij(Naam_locatie="Nieuw")])
    record = importeer(inhoud, gemeente_user, naam="uitvraag-utrecht.xlsx")

    import hashlib

    sha = hashlib.sha256(inhoud).hexdigest()
    assert (record.bestandsnaam, record.sha256, record.geupload_door) == (
        "uitvraag-utrecht.xlsx",
        sha,
        gemeente_user,
    )
    assert record.verwerkt_op is not None
    reden = f"Import uitvraag-utrecht.xlsx (sha256 {sha[:12]})"
    for locatie in Locatie.objects.all():
        laatste = locatie.history.order_by("-history_id").first()
        assert (laatste.history_change_reason, laatste.history_user) == (reden, gemeente_user)
    assert list(record.history.values_list("status", flat=True).order_by("history_id")) == [
        "preview",
        "verwerkt",
    ]


def test_a_long_file_name_still_fits_the_change_reason(gemeente, gemeente_user):
    record = importeer(werkboek([rij()]), gemeente_user, naam="x" * 200 + ".xlsx")
    laatste = Locatie.objects.get().history.first()
    assert len(laatste.history_change_reason) <= 100
    assert laatste.history_change_reason.endswith(f"(sha256 {record.sha256[:12]})")


def test_a_change_between_preview_and_confirmation_refuses_the_import(gemeente, gemeente_user):
    locatie = LocatieFactory(gemeente=gemeente, naam="AZC Noord", plekken=50)
    record = uitvraagimport_voorbereiden(
        bestand=werkboek([rij()]), bestandsnaam="u.xlsx", user=gemeente_user
    )
    locatie.plekken = 60
    locatie.versie += 1
    locatie.save()
    history = Locatie.history.count()

    with pytest.raises(ImportVerouderd, match="‘AZC Noord’"):
        uitvraagimport_verwerken(record=record, user=gemeente_user)

    locatie.refresh_from_db()
    assert locatie.plekken == 60 and Locatie.history.count() == history
    record.refresh_from_db()
    assert record.status == UitvraagImport.Status.AFGEWEZEN
    with pytest.raises(ImportVerouderd):
        uitvraagimport_verwerken(record=record, user=gemeente_user)


def test_formula_looking_text_is_stored_as_text(gemeente, gemeente_user):
    boek = openpyxl.load_workbook(io.BytesIO(werkboek([rij()])))
    cel = boek["Locaties"]["K2"]
    cel.value = '=HYPERLINK("https://example.org","klik")'
    cel.data_type = "s"  # typed as text in Excel: a string, not a formula
    uit = io.BytesIO()
    boek.save(uit)
    importeer(uit.getvalue(), gemeente_user)
    assert Locatie.objects.get().toelichting == '=HYPERLINK("https://example.org","klik")'


def test_prt_sets_targets_from_the_opgave_sheet_as_new_versions(
    gemeente, andere_gemeente, prt_user, cyclus
):
    oud = OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=1988, amv_plekken=169)
    OpgaveFactory(gemeente=andere_gemeente, cyclus=cyclus, plekken=700, amv_plekken=60)
    inhoud = werkboek(
        [rij()],
        opgaven=[["GM0344", "Utrecht", 1946, 152], ["GM0307", "Amersfoort", 700, 60]],
    )
    record = importeer(
        inhoud,
        prt_user,
        naam="verdeelbesluit.xlsx",
        provincie=gemeente.provincie,
        cyclus=cyclus,
        opgave_grondslag=Grondslag.VERDEELBESLUIT,
    )
    assert record.opgaven == 1
    nieuw = Opgave.objects.exclude(pk=oud.pk).get(gemeente=gemeente)
    assert (
        nieuw.plekken,
        nieuw.amv_plekken,
        nieuw.grondslag,
        nieuw.bron,
        nieuw.aangemaakt_door,
    ) == (
        1946,
        152,
        Grondslag.VERDEELBESLUIT,
        "verdeelbesluit.xlsx",
        prt_user,
    )
    assert Opgave.objects.filter(gemeente=andere_gemeente).count() == 1


def test_the_opgave_sheet_is_refused_for_a_gemeente_user(gemeente, gemeente_user, cyclus):
    inhoud = werkboek([rij()], opgaven=[["GM0344", "Utrecht", 5000, 0]])
    assert fouten_van(inhoud, gemeente_user, cyclus=cyclus) == [
        ("Opgave", 2, "", "", OPGAVE_NIET_TOEGESTAAN)
    ]


def test_prt_cannot_import_rows_of_another_province(gemeente, vreemde_gemeente, prt_user):
    inhoud = werkboek([rij(Gemeentecode="GM0202", Gemeente="Arnhem")])
    fouten = fouten_van(inhoud, prt_user, provincie=gemeente.provincie)
    assert [f[1:4] for f in fouten] == [(2, "Gemeentecode", "GM0202")]


def test_the_history_of_imports_is_append_only(gemeente, gemeente_user):
    from django.db import DatabaseError, transaction

    uitvraagimport_voorbereiden(
        bestand=werkboek([rij()]), bestandsnaam="u.xlsx", user=gemeente_user
    )
    for schrijf in (lambda qs: qs.delete(), lambda qs: qs.update(bestandsnaam="anders")):
        with pytest.raises(DatabaseError), transaction.atomic():
            schrijf(UitvraagImport.history.model.objects.all())
    assert UitvraagImport.history.get().bestandsnaam == "u.xlsx"
