"""Loading a verdeelbesluit: new opgave versions for exactly the gemeenten in the file.

Utrecht's known figures (DOMAIN.md §2): gemeente Utrecht 1.988 → 1.946 (AMV 169 → 152),
Woudenberg 94 → 0, by the verdeelbesluit of 31 December 2024.
"""

import io
from datetime import date

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from opvang.constants import AANWIJZING_ZONDER_MINIMUM, MINIMUM_ZONDER_AANWIJZING, Grondslag
from opvang.excel import verdeelbesluit as werkboek
from opvang.excel.format import BestandGeweigerd
from opvang.models import Opgave, Verdeelbesluit
from opvang.selectors import geldende_opgaven
from opvang.verdeelbesluit import (
    AL_VERWERKT,
    BesluitVerouderd,
    opgave_versies,
    verdeelbesluit_verwerken,
    verdeelbesluit_voorbereiden,
)
from tests.factories import CyclusFactory, GemeenteFactory, OpgaveFactory

pytestmark = pytest.mark.django_db

KOPPEN = ["Gemeentecode", "Gemeente", "Opgave", "Waarvan AMV", "Aangewezen", "Minimum plekken"]


def besluit_bestand(*rijen, koppen=KOPPEN, blad="Verdeelbesluit"):
    boek = openpyxl.Workbook()
    sheet = boek.active
    sheet.title = blad
    sheet.append(koppen)
    for r in rijen:
        sheet.append(list(r))

    out = io.BytesIO()
    boek.save(out)
    return out.getvalue()


@pytest.fixture
def utrecht(provincie):
    """Gemeente Utrecht, Woudenberg and Zeist with their indicative opgaven in cycle 1 and 2."""
    cyclus = CyclusFactory(nummer=1)
    cyclus2 = CyclusFactory(nummer=2)
    stad = GemeenteFactory(code="GM0344", naam="Utrecht", provincie=provincie)
    woudenberg = GemeenteFactory(code="GM0351", naam="Woudenberg", provincie=provincie)
    zeist = GemeenteFactory(code="GM0355", naam="Zeist", provincie=provincie)
    for g, p, a in ((stad, 1988, 169), (woudenberg, 94, 8), (zeist, 641, 55)):
        OpgaveFactory(gemeente=g, cyclus=cyclus, plekken=p, amv_plekken=a, datum=date(2024, 2, 1))
        OpgaveFactory(
            gemeente=g, cyclus=cyclus2, plekken=p + 1, amv_plekken=a, datum=date(2026, 2, 27)
        )
    return cyclus, cyclus2, stad, woudenberg, zeist


def laad(inhoud, user, cyclus, **kwargs):
    opties = {
        "grondslag": Grondslag.VERDEELBESLUIT,
        "kenmerk": "2024-0001",
        "datum": date(2024, 12, 31),
    } | kwargs
    return verdeelbesluit_voorbereiden(
        bestand=inhoud, bestandsnaam="besluit.xlsx", user=user, cyclus=cyclus, **opties
    )


def stand():
    """Every opgave version there is, with its figures: what a refused file must not change."""
    return list(
        Opgave.objects.order_by("pk").values_list(
            "pk", "gemeente__code", "cyclus__nummer", "grondslag", "plekken", "amv_plekken"
        )
    ), Opgave.history.count()


GOED = [
    ("GM0344", "Utrecht", 1946, 152, "nee", None),
    ("GM0351", "Woudenberg", 0, None, "nee", None),
]


def test_loading_changes_only_the_applicable_versions_of_the_gemeenten_in_the_file(
    utrecht, landelijke_beheer_user
):
    cyclus, cyclus2, stad, woudenberg, zeist = utrecht
    oud = {o.pk: (o.plekken, o.amv_plekken, o.grondslag) for o in Opgave.objects.all()}
    record = laad(besluit_bestand(*GOED), landelijke_beheer_user, cyclus)
    assert Opgave.objects.count() == 6  # the preview writes nothing
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)

    # The old versions are untouched, and so are Zeist and cycle 2.
    assert {
        o.pk: (o.plekken, o.amv_plekken, o.grondslag) for o in Opgave.objects.filter(pk__in=oud)
    } == oud
    geldend = geldende_opgaven(cyclus, [stad, woudenberg, zeist])
    assert (geldend[stad.pk].plekken, geldend[stad.pk].amv_plekken) == (1946, 152)
    assert (geldend[woudenberg.pk].plekken, geldend[woudenberg.pk].amv_plekken) == (0, None)
    assert geldend[stad.pk].grondslag == Grondslag.VERDEELBESLUIT
    assert geldend[stad.pk].verdeelbesluit == record
    assert geldend[stad.pk].datum == date(2024, 12, 31)
    assert geldend[stad.pk].bron == "Verdeelbesluit 2024-0001 van 31-12-2024"
    assert geldend[zeist.pk].grondslag == Grondslag.INDICATIEF
    assert geldend[zeist.pk].plekken == 641
    tweede = geldende_opgaven(cyclus2, [stad, woudenberg])
    assert [tweede[g.pk].plekken for g in (stad, woudenberg)] == [1989, 95]
    record.refresh_from_db()
    assert record.status == Verdeelbesluit.Status.VERWERKT
    assert record.opgaven == 2


def test_the_version_chain_runs_from_indicatief_to_verdeelbesluit(utrecht, landelijke_beheer_user):
    cyclus, _, stad, woudenberg, zeist = utrecht
    record = laad(besluit_bestand(*GOED), landelijke_beheer_user, cyclus)
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    versies = opgave_versies(cyclus, [stad, woudenberg, zeist])
    assert [(v.soort, v.plekken, v.amv_plekken) for v in versies[stad.pk]] == [
        ("indicatief", 1988, 169),
        ("verdeelbesluit", 1946, 152),
    ]
    assert [(v.soort, v.plekken) for v in versies[woudenberg.pk]] == [
        ("indicatief", 94),
        ("verdeelbesluit", 0),
    ]
    assert [v.soort for v in versies[zeist.pk]] == ["indicatief"]


def test_the_preview_says_what_changes_and_which_figures_stay_the_same(
    utrecht, landelijke_beheer_user
):
    cyclus = utrecht[0]
    bestand = besluit_bestand(*GOED, ("GM0355", "Zeist", 641, 55, "ja", 120))
    voorbeeld = laad(bestand, landelijke_beheer_user, cyclus).voorbeeld
    per_code = {r["code"]: r for r in voorbeeld["rijen"]}
    assert per_code["GM0344"]["oud"] == "1.988 (AMV 169)"
    assert per_code["GM0344"]["oud_soort"] == "indicatieve opgave"
    assert per_code["GM0344"]["nieuw"] == "1.946 (AMV 152)"
    assert per_code["GM0351"]["nieuw"] == "0"
    assert per_code["GM0355"]["aangewezen"] is True
    assert per_code["GM0355"]["minimum"] == "120"
    assert voorbeeld["totaal"] == {"gemeenten": 3, "gelijk": 0, "aangewezen": 1}


def test_identical_figures_still_get_a_version_with_the_new_grondslag(
    utrecht, landelijke_beheer_user
):
    cyclus, _, _, _, zeist = utrecht
    record = laad(
        besluit_bestand(("GM0355", "Zeist", 641, 55, "nee", None)), landelijke_beheer_user, cyclus
    )
    assert record.voorbeeld["totaal"]["gelijk"] == 1
    assert record.voorbeeld["rijen"][0]["gelijk"] is True
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    assert geldende_opgaven(cyclus, [zeist])[zeist.pk].grondslag == Grondslag.VERDEELBESLUIT


def test_an_aangewezen_gemeente_gets_its_minimum(utrecht, landelijke_beheer_user):
    cyclus, _, _, _, zeist = utrecht
    bestand = besluit_bestand(("GM0355", "Zeist", 641, 55, "Ja", "120"))
    record = laad(bestand, landelijke_beheer_user, cyclus, grondslag=Grondslag.RESTOPGAVE)
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    opgave = geldende_opgaven(cyclus, [zeist])[zeist.pk]
    assert (opgave.aangewezen, opgave.minimum_plekken, opgave.grondslag) == (
        True,
        120,
        Grondslag.RESTOPGAVE,
    )


FOUTE_RIJEN = [
    (("", "Utrecht", 1946, 152, "nee", None), "Gemeentecode", "Vul de gemeentecode in"),
    (("GM9999", "", 10, None, "nee", None), "Gemeentecode", "Onbekende gemeentecode"),
    (("GM0344", "Zeist", 1946, 152, "nee", None), "Gemeente", "past niet bij code GM0344"),
    (("GM0344", "Utrecht", "veel", 152, "nee", None), "Opgave", "geheel getal"),
    (("GM0344", "Utrecht", None, 152, "nee", None), "Opgave", "verplicht"),
    (("GM0344", "Utrecht", -1, None, "nee", None), "Opgave", "0"),
    (("GM0344", "Utrecht", 100, 152, "nee", None), "Waarvan AMV", "groter dan de opgave"),
    (("GM0344", "Utrecht", 100, None, "misschien", None), "Aangewezen", "Onbekende waarde"),
    # An unreadable Aangewezen is one error: the minimum is not also judged against it.
    (("GM0344", "Utrecht", 100, None, "misschien", 50), "Aangewezen", "Onbekende waarde"),
    (("GM0344", "Utrecht", 100, None, "ja", None), "Minimum plekken", AANWIJZING_ZONDER_MINIMUM),
    (("GM0344", "Utrecht", 100, None, "nee", 50), "Minimum plekken", MINIMUM_ZONDER_AANWIJZING),
    (("GM0344", "Utrecht", "=1+1", None, "nee", None), "Opgave", "Formules zijn niet toegestaan"),
]


@pytest.mark.parametrize(("rij", "kolom", "melding"), FOUTE_RIJEN)
def test_every_kind_of_bad_row_refuses_the_file_and_changes_nothing(
    utrecht, landelijke_beheer_user, rij, kolom, melding
):
    cyclus = utrecht[0]
    voor = stand(), Verdeelbesluit.objects.count()
    with pytest.raises(BestandGeweigerd) as exc:
        laad(besluit_bestand(GOED[1], rij), landelijke_beheer_user, cyclus)
    fouten = exc.value.fouten
    assert [(f.blad, f.rij, f.kolom) for f in fouten] == [("Verdeelbesluit", 3, kolom)]
    assert melding in fouten[0].melding
    assert (stand(), Verdeelbesluit.objects.count()) == voor


def test_all_errors_of_the_file_are_listed_at_once(utrecht, landelijke_beheer_user):
    bestand = besluit_bestand(
        ("GM0344", "Utrecht", 100, 152, "nee", None),
        ("GM0344", "Utrecht", 1946, 152, "nee", None),
        ("GM0351", "Woudenberg", 0, None, "ja", None),
    )
    with pytest.raises(BestandGeweigerd) as exc:
        laad(bestand, landelijke_beheer_user, utrecht[0])
    assert [(f.rij, f.kolom) for f in exc.value.fouten] == [
        (2, "Waarvan AMV"),
        (3, "Gemeentecode"),
        (4, "Minimum plekken"),
    ]
    assert "ook in rij 2" in exc.value.fouten[1].melding


def test_a_decision_dated_before_the_applicable_version_is_refused(utrecht, landelijke_beheer_user):
    cyclus2 = utrecht[1]
    with pytest.raises(BestandGeweigerd) as exc:
        laad(besluit_bestand(GOED[0]), landelijke_beheer_user, cyclus2, datum=date(2025, 1, 1))
    assert "na de datum van dit besluit" in exc.value.fouten[0].melding
    assert "27-2-2026" in exc.value.fouten[0].melding


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (besluit_bestand(blad="Opgave"), "geen tabblad ‘Verdeelbesluit’"),
        (besluit_bestand(), "bevat geen gemeenten"),
        (besluit_bestand(GOED[0], koppen=KOPPEN[:4]), "De kolom ‘Aangewezen’ ontbreekt"),
        (b"PK\x03\x04 geen werkboek", "geen Excel-werkmap (.xlsx)"),
    ],
    ids=["geen blad", "leeg", "kolom ontbreekt", "geen xlsx"],
)
def test_a_file_of_the_wrong_shape_is_refused(utrecht, landelijke_beheer_user, bestand, melding):
    voor = stand()
    with pytest.raises(BestandGeweigerd) as exc:
        laad(bestand, landelijke_beheer_user, utrecht[0])
    assert melding in " ".join(f.melding for f in exc.value.fouten)
    assert stand() == voor


def test_a_version_recorded_after_the_preview_refuses_the_confirmation(
    utrecht, landelijke_beheer_user
):
    cyclus, _, stad, *_ = utrecht
    record = laad(besluit_bestand(*GOED), landelijke_beheer_user, cyclus)
    OpgaveFactory(gemeente=stad, cyclus=cyclus, plekken=2000, datum=date(2024, 6, 1))
    voor = stand()
    with pytest.raises(BesluitVerouderd) as exc:
        verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    assert "Utrecht" in str(exc.value)
    assert stand() == voor
    record.refresh_from_db()
    assert record.status == Verdeelbesluit.Status.AFGEWEZEN


def test_confirming_twice_records_the_versions_once(utrecht, landelijke_beheer_user):
    record = laad(besluit_bestand(*GOED), landelijke_beheer_user, utrecht[0])
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    voor = stand()
    with pytest.raises(BesluitVerouderd, match=AL_VERWERKT):
        verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    assert stand() == voor


def test_the_history_names_the_user_and_the_decision(utrecht, landelijke_beheer_user):
    cyclus, _, stad, *_ = utrecht
    record = laad(besluit_bestand(*GOED), landelijke_beheer_user, cyclus)
    verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user)
    opgave = geldende_opgaven(cyclus, [stad])[stad.pk]
    historie = opgave.history.get()
    assert historie.history_user == landelijke_beheer_user
    assert (
        historie.history_change_reason == f"Verdeelbesluit 2024-0001 (sha256 {record.sha256[:12]})"
    )
    assert historie.verdeelbesluit_id == record.pk
    stappen = list(
        record.history.order_by("history_id").values_list(
            "status", "history_change_reason", "history_user"
        )
    )
    assert [s[0] for s in stappen] == ["preview", "verwerkt"]
    assert stappen[1][1].startswith("Verwerkt: Verdeelbesluit 2024-0001")
    assert {s[2] for s in stappen} == {landelijke_beheer_user.pk}
    assert all(len(s[1]) <= 100 for s in stappen)


def test_the_model_refuses_a_minimum_without_designation_in_dutch(utrecht):
    cyclus, _, stad, *_ = utrecht
    opgave = Opgave(
        gemeente=stad,
        cyclus=cyclus,
        grondslag="restopgave",
        plekken=10,
        bron="x",
        datum=date(2025, 1, 1),
        minimum_plekken=5,
    )
    with pytest.raises(ValidationError) as exc:
        opgave.full_clean()
    assert MINIMUM_ZONDER_AANWIJZING in str(exc.value)
    opgave.minimum_plekken, opgave.aangewezen = None, True
    with pytest.raises(ValidationError) as exc:
        opgave.full_clean()
    assert AANWIJZING_ZONDER_MINIMUM in str(exc.value)


def test_the_template_holds_the_applicable_opgaven(client, utrecht, landelijke_beheer_user):
    client.force_login(landelijke_beheer_user)
    response = client.get(reverse("opvang:verdeelbesluit_sjabloon") + "?cyclus=1")
    assert response.status_code == 200

    boek = openpyxl.load_workbook(io.BytesIO(response.content))
    rijen = list(boek[werkboek.BLAD].iter_rows(values_only=True))
    assert rijen[0] == tuple(KOPPEN)
    assert ("GM0344", "Utrecht", 1988, 169, "nee", None) in rijen
    # The template reads back as a valid file that changes nothing but the grondslag.
    record = laad(response.content, landelijke_beheer_user, utrecht[0])
    assert record.voorbeeld["totaal"]["gelijk"] == record.voorbeeld["totaal"]["gemeenten"]
