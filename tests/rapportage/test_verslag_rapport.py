"""The report object: the letter's figures, totals as the sum of the rows, both sources."""

import dataclasses
from dataclasses import asdict, fields
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gemeenten.models import Gemeente, User
from opvang import services
from opvang.constants import Status
from opvang.models import Locatie
from opvang.telregels import Telling
from opvang.vraag import ONGELDIGE_PEILDATUM, PeildatumField
from rapportage.selectors import ONBEKENDE_BRON, verslag_rapport
from tests.factories import GemeenteFactory, LocatieFactory

from .conftest import PEILDATUM

MAX_QUERIES = 12


def rapport(provincie, cyclus, **kwargs):
    return verslag_rapport(provincie=provincie, cyclus=cyclus, **kwargs)


@pytest.fixture
def uitvraag(demo, cyclus1, demo_prt):
    return services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2024, 10, 1), bericht="", user=demo_prt
    )


def indienen(uitvraag, code, *, akkoord, prt):
    gemeente = Gemeente.objects.get(code=code)
    user = User.objects.filter(gemeente=gemeente).first() or User.objects.create(
        username=f"ambtenaar-{code}", rol="gemeente", gemeente=gemeente
    )
    indiening, _ = services.indiening_indienen(uitvraag=uitvraag, gemeente=gemeente, user=user)
    services.indiening_beoordelen(
        indiening=indiening,
        akkoord=akkoord,
        opmerking="" if akkoord else "Graag de einddatum aanvullen.",
        user=prt,
    )
    return indiening


def test_it_shows_the_letters_figures(demo, cyclus1):
    r = rapport(demo, cyclus1, peildatum=PEILDATUM)
    t = r.telling

    assert (r.provincie_code, r.provincie_naam, r.cyclus_nummer) == ("PV26", "Utrecht", 1)
    assert (r.opgave_plekken, r.opgave_amv) == (8207, 694)
    assert (t.hard, t.hard_amv) == (3523, 355)
    assert (t.hard_plan, t.hard_plan_amv) == (575, 40)
    assert (t.minimale_dekking, t.minimale_dekking_amv) == (4098, 395)
    assert r.dekking_percentage == Decimal("49.9")
    assert (t.planvoorraad_min, t.planvoorraad_max) == (3378, 3983)
    assert (t.perspectief_min, t.perspectief_max) == (7476, 8081)
    assert t.huidig == 4705
    assert r.tekort == 8207 - 4098


def test_the_totals_are_the_sum_of_the_gemeente_rows(demo, cyclus1):
    r = rapport(demo, cyclus1, peildatum=PEILDATUM)

    for veld in fields(Telling):
        assert getattr(r.telling, veld.name) == sum(
            getattr(rij.telling, veld.name) for rij in r.gemeenten
        ), veld.name
    assert r.opgave_plekken == sum(rij.opgave_plekken or 0 for rij in r.gemeenten)
    assert r.opgave_amv == sum(rij.opgave_amv or 0 for rij in r.gemeenten)


def test_every_gemeente_is_present_sorted_by_code(demo, cyclus1):
    r = rapport(demo, cyclus1, peildatum=PEILDATUM)
    codes = [rij.code for rij in r.gemeenten]

    assert len(codes) == 26
    assert codes == sorted(codes)
    assert set(codes) == set(demo.gemeenten.values_list("code", flat=True))


def test_a_gemeente_without_locations_has_a_row_of_zeros(demo, cyclus1):
    GemeenteFactory(code="GM0999", naam="Nieuwgemeente", provincie=demo, regio=None)

    rij = next(r for r in rapport(demo, cyclus1).gemeenten if r.code == "GM0999")

    assert rij.telling == Telling()
    assert rij.locaties == ()
    assert rij.regio == ""
    assert rij.opgave_plekken is None
    assert rij.dekking_percentage is None
    assert rij.tekort is None


def test_a_row_holds_its_figures_dekking_and_shortfall(demo, cyclus1):
    rij = next(
        r for r in rapport(demo, cyclus1, peildatum=PEILDATUM).gemeenten if r.naam == "Zeist"
    )

    assert rij.regio
    assert rij.telling.minimale_dekking == 200 + 135
    assert rij.dekking_percentage == Decimal(335 * 100 / rij.opgave_plekken).quantize(
        Decimal("0.1")
    )
    assert rij.tekort == max(rij.opgave_plekken - 335, 0)
    assert {loc.naam for loc in rij.locaties} >= {"azc Zeist De Dreef", "Noodopvang Den Dolder"}
    assert {loc.categorie for loc in rij.locaties} == {"hard", "hard_plan", "planvoorraad"} | {
        "telt_niet"
    }


def test_the_report_holds_plain_frozen_values(demo, cyclus1):
    r = rapport(demo, cyclus1)

    with pytest.raises(dataclasses.FrozenInstanceError):
        r.gemeenten[0].naam = "Anders"
    assert isinstance(r.gemeenten, tuple)


def test_the_peildatum_defaults_to_today(demo, cyclus1):
    assert rapport(demo, cyclus1).peildatum == timezone.localdate()


def test_the_peildatum_moves_the_current_capacity(demo, cyclus1):
    voorjaar_2022 = rapport(demo, cyclus1, peildatum=date(2022, 4, 15)).telling.huidig

    assert 2300 <= voorjaar_2022 <= 2500


def test_an_unknown_source_is_refused_in_dutch(demo, cyclus1):
    with pytest.raises(ValueError, match="Onbekende bron"):
        rapport(demo, cyclus1, bron="gisteren")
    assert "actueel" in ONBEKENDE_BRON


def test_a_bad_peildatum_is_refused_in_dutch():
    with pytest.raises(ValidationError) as fout:
        PeildatumField().clean("15-10-2024")
    assert fout.value.messages == [ONGELDIGE_PEILDATUM]
    assert PeildatumField().clean("2024-10-15") == PEILDATUM


def test_without_an_uitvraag_no_row_has_a_submission_status(demo, cyclus1):
    r = rapport(demo, cyclus1)

    assert r.uitvraag_deadline is None
    assert {rij.indiening_status for rij in r.gemeenten} == {None}


def test_rows_show_the_status_in_the_latest_uitvraag(uitvraag, cyclus1, demo, demo_prt):
    indienen(uitvraag, "GM0355", akkoord=True, prt=demo_prt)
    indienen(uitvraag, "GM0344", akkoord=False, prt=demo_prt)

    rijen = {r.code: r for r in rapport(demo, cyclus1).gemeenten}

    assert rijen["GM0355"].indiening_status == "akkoord"
    assert rijen["GM0344"].indiening_status == "teruggestuurd"
    assert rijen["GM0344"].indiening_status_label == "teruggestuurd"
    assert rijen["GM0307"].indiening_status == "niet_gestart"


def test_source_akkoord_counts_only_accepted_submissions(uitvraag, cyclus1, demo, demo_prt):
    zeist = indienen(uitvraag, "GM0355", akkoord=True, prt=demo_prt)
    indienen(uitvraag, "GM0344", akkoord=False, prt=demo_prt)
    peildatum = date.fromisoformat(zeist.snapshot["peildatum"])

    r = rapport(demo, cyclus1, peildatum=peildatum, bron="akkoord")
    rijen = {rij.code: rij for rij in r.gemeenten}

    assert asdict(r.telling) == zeist.snapshot["telling"]
    assert asdict(rijen["GM0355"].telling) == zeist.snapshot["telling"]
    assert rijen["GM0355"].bron_beschikbaar
    assert rijen["GM0344"].telling == Telling()  # returned: does not count
    assert not rijen["GM0344"].bron_beschikbaar
    assert sum(rij.bron_beschikbaar for rij in r.gemeenten) == 1
    assert (r.opgave_plekken, r.opgave_amv) == (8207, 694)  # the applicable opgave


def test_source_akkoord_ignores_changes_after_the_submission(uitvraag, cyclus1, demo, demo_prt):
    zeist = indienen(uitvraag, "GM0355", akkoord=True, prt=demo_prt)
    LocatieFactory(gemeente=zeist.gemeente, naam="Nieuw na indienen", plekken=999)

    akkoord = rapport(demo, cyclus1, bron="akkoord")
    actueel = rapport(demo, cyclus1, bron="actueel")

    assert akkoord.telling.hard == zeist.snapshot["telling"]["hard"]
    assert actueel.telling.hard == 3523 + 999


def test_source_akkoord_takes_the_latest_accepted_submission(uitvraag, cyclus1, demo, demo_prt):
    eerste = indienen(uitvraag, "GM0355", akkoord=True, prt=demo_prt)
    services.uitvraag_sluiten(uitvraag=uitvraag, user=demo_prt)
    LocatieFactory(gemeente=eerste.gemeente, naam="Tweede ronde", plekken=40)
    tweede_uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2025, 4, 1), bericht="", user=demo_prt
    )
    tweede = indienen(tweede_uitvraag, "GM0355", akkoord=True, prt=demo_prt)

    r = rapport(demo, cyclus1, bron="akkoord")

    assert (
        r.telling.hard
        == tweede.snapshot["telling"]["hard"]
        == eerste.snapshot["telling"]["hard"] + 40
    )
    assert r.uitvraag_deadline == date(2025, 4, 1)


def test_closed_locations_count_nowhere_in_either_source(demo, cyclus1):
    r = rapport(demo, cyclus1, peildatum=PEILDATUM)
    afgesloten = [
        loc
        for rij in r.gemeenten
        for loc in rij.locaties
        if loc.waarden.status in (Status.BEEINDIGD, Status.VERVALLEN)
    ]

    assert afgesloten
    assert {loc.categorie for loc in afgesloten} <= {"telt_niet"}


def test_it_runs_in_a_fixed_number_of_queries_for_utrecht(
    demo, cyclus1, uitvraag, demo_prt, django_assert_max_num_queries
):
    indienen(uitvraag, "GM0355", akkoord=True, prt=demo_prt)
    for bron in ("actueel", "akkoord"):
        with django_assert_max_num_queries(MAX_QUERIES):
            rapport(demo, cyclus1, bron=bron)


def test_it_runs_in_a_fixed_number_of_queries_for_a_large_province(
    grote_provincie, django_assert_max_num_queries
):
    for bron in ("actueel", "akkoord"):
        with django_assert_max_num_queries(MAX_QUERIES):
            r = rapport(grote_provincie.provincie, grote_provincie.cyclus, bron=bron)
        assert len(r.gemeenten) == 60
    assert sum(len(rij.locaties) for rij in r.gemeenten) == 5 * 50
    actueel = rapport(grote_provincie.provincie, grote_provincie.cyclus)
    assert sum(len(rij.locaties) for rij in actueel.gemeenten) == 3000
    assert actueel.telling == sum((rij.telling for rij in actueel.gemeenten), Telling())


def test_it_reads_every_location_field_the_counting_rules_use(demo, cyclus1):
    r = rapport(demo, cyclus1)
    gelezen = {(rij.code, loc.naam): loc.waarden for rij in r.gemeenten for loc in rij.locaties}

    locaties = Locatie.objects.filter(gemeente__provincie=demo).select_related("gemeente")
    for locatie in locaties:
        assert gelezen[(locatie.gemeente.code, locatie.naam)] == locatie.waarden
    assert len(gelezen) == locaties.count()
