"""GET /rapportage/<provincie>/<cyclus>/verslag.json: figures, access, errors, queries."""

import json
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie
from opvang import services
from opvang.vraag import ONGELDIGE_PEILDATUM
from rapportage.documenten import PLAN_DELEN
from rapportage.selectors import ONBEKENDE_BRON
from tests.factories import GemeenteFactory, UserFactory

from .conftest import BRIEF_CIJFERS

# The plan's part 2 (ontheemden) adds 5: gemeenten, GOO locations, bezettingen,
# particuliere opvang, streefgetallen.
MAX_QUERIES = 12 + 5
# Plan part 3 (statushouders) adds its own constant number (huisvesting.selectors).
MAX_QUERIES += 9
CIJFERS = (
    "opgave",
    "harde_opvangcapaciteit",
    "harde_plancapaciteit",
    "minimale_dekking",
    "planvoorraad",
    "perspectief",
    "huidige_capaciteit",
)


def url(provincie="PV26", cyclus=1):
    return reverse("rapportage:verslag_json", args=[provincie, cyclus])


def get(client, user, query="?peildatum=2024-10-15", **kwargs):
    if user is not None:
        client.force_login(user)
    return client.get(url(**kwargs) + query)


def test_it_returns_the_letters_figures(client, demo_prt):
    response = get(client, demo_prt)
    data = response.json()

    assert response.status_code == 200
    # The plan's task parts add their own sections (PLAN_DELEN, tested in their apps).
    delen = {d.sleutel for d in PLAN_DELEN if d.sleutel}
    assert {k: v for k, v in data.items() if k != "gemeenten" and k not in delen} == {
        "provincie": {"code": "PV26", "naam": "Utrecht"},
        "cyclus": 1,
        "bron": "actueel",
        "telvenster": {"van": "2025-07-01", "tot": "2026-02-01", "minimale_looptijd": None},
        "peildatum": "2024-10-15",
        **BRIEF_CIJFERS,
    }


def test_each_gemeente_has_exactly_the_documented_keys(client, demo_prt):
    data = get(client, demo_prt).json()

    assert len(data["gemeenten"]) == 26
    for rij in data["gemeenten"]:
        assert list(rij) == ["code", "naam", *CIJFERS]
    amersfoort = next(r for r in data["gemeenten"] if r["code"] == "GM0307")
    assert amersfoort["naam"] == "Amersfoort"
    assert amersfoort["opgave"] == {"plekken": 961, "amv": None}  # AMV part unknown


def test_the_gemeenten_are_sorted_by_code(client, demo_prt):
    codes = [r["code"] for r in get(client, demo_prt).json()["gemeenten"]]

    assert codes == sorted(codes)
    assert codes[0] == "GM0307"
    assert set(codes) == set(
        Gemeente.objects.filter(provincie__code="PV26").values_list("code", flat=True)
    )


def test_the_totals_equal_the_sum_of_the_gemeenten(client, demo_prt):
    data = get(client, demo_prt).json()
    rijen = data["gemeenten"]

    def som(pad):
        totaal = 0
        for rij in rijen:
            waarde = rij
            for sleutel in pad:
                waarde = waarde[sleutel]
            totaal += waarde or 0
        return totaal

    for figuur in CIJFERS:
        if figuur == "huidige_capaciteit":
            assert data[figuur] == som([figuur])
            continue
        for sleutel, waarde in data[figuur].items():
            if sleutel != "percentage":
                assert waarde == som([figuur, sleutel]), (figuur, sleutel)


def test_a_gemeente_without_an_opgave_gets_null_percentage(client, demo_prt, demo):
    GemeenteFactory(code="GM0998", naam="Zonder opgave", provincie=demo)

    rij = next(r for r in get(client, demo_prt).json()["gemeenten"] if r["code"] == "GM0998")

    assert rij["opgave"] == {"plekken": None, "amv": None}
    assert rij["minimale_dekking"] == {"plekken": 0, "amv": 0, "percentage": None}


def test_an_unknown_window_is_null(client, demo_prt):
    data = get(client, demo_prt, cyclus=2).json()

    assert data["telvenster"] == {"van": None, "tot": None, "minimale_looptijd": None}
    assert data["opgave"] == {"plekken": None, "amv": None}
    assert data["minimale_dekking"]["percentage"] is None


def test_source_akkoord_counts_only_accepted_submissions(client, demo, cyclus1, demo_prt):
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2024, 10, 1), bericht="", user=demo_prt
    )
    zeist = Gemeente.objects.get(code="GM0355")
    indiener = UserFactory(rol=Rol.GEMEENTE, gemeente=zeist)
    indiening, _ = services.indiening_indienen(uitvraag=uitvraag, gemeente=zeist, user=indiener)
    services.indiening_beoordelen(indiening=indiening, akkoord=True, opmerking="", user=demo_prt)
    telling = indiening.snapshot["telling"]

    data = get(
        client, demo_prt, query=f"?bron=akkoord&peildatum={indiening.snapshot['peildatum']}"
    ).json()

    assert data["bron"] == "akkoord"
    assert data["harde_opvangcapaciteit"] == {
        "plekken": telling["hard"],
        "amv": telling["hard_amv"],
    }
    assert data["huidige_capaciteit"] == telling["huidig"]
    assert data["opgave"] == {"plekken": 8207, "amv": 694}


def test_it_is_not_cached_and_keeps_non_ascii_readable(client, beheer_user, cyclus):
    fryslan = Provincie.objects.create(code="PV21", naam="Fryslân")
    GemeenteFactory(code="GM1900", naam="Súdwest-Fryslân", provincie=fryslan)

    response = get(client, beheer_user, provincie="PV21")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert "Súdwest-Fryslân".encode() in response.content
    assert json.loads(response.content)["provincie"]["naam"] == "Fryslân"


def test_the_peildatum_defaults_to_today(client, demo_prt):
    assert get(client, demo_prt, query="").json()["peildatum"] == timezone.localdate().isoformat()


@pytest.mark.parametrize("user", ["demo_prt", "demo_cvdk", "demo_beheer"])
def test_prt_cvdk_and_beheer_may_fetch_it(request, client, user):
    assert get(client, request.getfixturevalue(user)).status_code == 200


def test_prt_of_another_province_gets_404(client, gelderland_prt):
    response = get(client, gelderland_prt)

    assert response.status_code == 404
    assert b"3523" not in response.content


def test_a_gemeente_user_of_the_province_gets_404(client, demo_gemeente_user):
    assert get(client, demo_gemeente_user).status_code == 404


def test_beheer_of_another_province_gets_404(client, demo):
    beheer = UserFactory(rol=Rol.BEHEER, provincie=Provincie.objects.get(code="PV25"))

    assert get(client, beheer).status_code == 404


def test_anonymous_users_go_to_the_login_page(client, demo):
    response = get(client, None)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_only_answers_get(client, demo_prt):
    client.force_login(demo_prt)

    assert client.post(url()).status_code == 405


@pytest.mark.parametrize("peildatum", ["15-10-2024", "2024-02-30", "gisteren"])
def test_a_bad_peildatum_is_a_400_in_dutch(client, demo_prt, peildatum):
    response = get(client, demo_prt, query=f"?peildatum={peildatum}")

    assert response.status_code == 400
    assert response.json() == {"fout": ONGELDIGE_PEILDATUM}
    assert "no-store" in response["Cache-Control"]


def test_an_empty_peildatum_is_today_as_on_the_dashboard(client, demo_prt):
    response = get(client, demo_prt, query="?peildatum=&bron=")

    assert response.status_code == 200
    assert response.json()["peildatum"] == timezone.localdate().isoformat()
    assert response.json()["bron"] == "actueel"


def test_an_unknown_source_is_a_400_in_dutch(client, demo_prt):
    response = get(client, demo_prt, query="?bron=morgen")

    assert response.status_code == 400
    assert response.json() == {"fout": ONBEKENDE_BRON}


def test_an_unknown_cycle_is_a_404(client, demo_prt):
    assert get(client, demo_prt, cyclus=9).status_code == 404


def test_an_unknown_province_is_a_404(client, demo_beheer):
    assert get(client, demo_beheer, provincie="PV99").status_code == 404


@pytest.mark.parametrize("bron", ["actueel", "akkoord"])
def test_it_runs_in_a_fixed_number_of_queries_for_utrecht(
    client, demo_prt, bron, django_assert_max_num_queries
):
    client.force_login(demo_prt)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url() + f"?bron={bron}")
    assert response.status_code == 200


def test_it_runs_in_a_fixed_number_of_queries_for_a_large_province(
    client, grote_provincie, django_assert_max_num_queries
):
    client.force_login(grote_provincie.prt)
    for bron in ("actueel", "akkoord"):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url(provincie="PV90") + f"?bron={bron}")
        assert response.status_code == 200
        assert len(response.json()["gemeenten"]) == 60
