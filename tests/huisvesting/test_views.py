"""The gemeente page, its forms, the dashboard and its exports: figures, rights, errors."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from huisvesting import services
from huisvesting.constants import Bron, IbtStapSoort
from huisvesting.models import IbtStap, Maatregel, Realisatie
from huisvesting.services import BUITEN_HALFJAAR, DUBBEL, NEGATIEF, TOEKOMST
from tests.factories import TEST_PASSWORD

from .factories import HAND_PEILDATUM, gemeenten, hand_case, maanden, startsaldo, taakstelling

pytestmark = pytest.mark.django_db
PEIL = f"?peildatum={HAND_PEILDATUM.isoformat()}"


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)


def page(client, gemeente, query=PEIL):
    return client.get(reverse("huisvesting:gemeente_detail", args=[gemeente.code]) + query)


def test_the_gemeente_page_shows_the_hand_case(client, gemeente, gemeente_user):
    hand_case(gemeente)
    login(client, gemeente_user)
    html = page(client, gemeente).content.decode()
    verwacht = (
        "Gecorrigeerde taakstelling</dt><dd>72",
        "Verwacht eindsaldo</dt><dd>24",
        "66,7%",
        "achter",
        'aria-current="page">Huisvesting statushouders</a>',
    )
    for tekst in verwacht:
        assert tekst in html
    assert "Aantal van een maand invoeren" in html


def test_prt_reads_the_gemeente_page_without_its_forms_but_with_the_ibt_form(
    client, gemeente, prt_user
):
    hand_case(gemeente)
    login(client, prt_user)
    html = page(client, gemeente).content.decode()
    assert "Verwacht eindsaldo</dt><dd>24" in html
    assert "Aantal van een maand invoeren" not in html
    assert "Maatregel toevoegen" not in html
    assert "IBT-stap vastleggen" in html


def test_a_difference_between_the_sources_is_shown(client, gemeente, gemeente_user):
    hand_case(gemeente)
    maanden(gemeente, date(2025, 7, 1), (12,), bron=Bron.GEMEENTE)
    login(client, gemeente_user)
    html = page(client, gemeente).content.decode()
    assert "<strong>-2</strong>" in html
    assert "verschillen de cijfers van COA en de gemeente" in html


def post_realisatie(client, gemeente, **data):
    url = reverse("huisvesting:realisatie_invoeren", args=[gemeente.code])
    return client.post(url, {"bron": "gemeente", **data})


def test_the_gemeente_enters_a_month(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    response = post_realisatie(client, gemeente, maand="2025-07", gehuisvest="7")
    assert response.status_code == 302
    rij = Realisatie.objects.get()
    assert (rij.maand, rij.gehuisvest, rij.bron) == (date(2025, 7, 1), 7, Bron.GEMEENTE)
    assert rij.history.get().history_user == gemeente_user


@pytest.mark.parametrize(
    ("maand", "aantal", "bericht"),
    [
        ("2024-12", "5", BUITEN_HALFJAAR.format(maand="2024-12")),
        ("2025-07", "-3", NEGATIEF),
        ("2099-01", "5", TOEKOMST.format(maand="2099-01")),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    client, gemeente, gemeente_user, maand, aantal, bericht
):
    login(client, gemeente_user)
    response = post_realisatie(client, gemeente, maand=maand, gehuisvest=aantal)
    assert response.status_code == 400
    assert bericht in response.content.decode()
    assert Realisatie.objects.count() == 0


def test_a_duplicate_month_of_the_same_source_is_refused(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    post_realisatie(client, gemeente, maand="2025-07", gehuisvest="7")
    response = post_realisatie(client, gemeente, maand="1-7-2025", gehuisvest="8")
    assert response.status_code == 400
    bericht = DUBBEL.format(maand="2025-07", bron="eigen telling gemeente")
    assert (
        bericht.replace("‘", "&lsquo;")[:20] in response.content.decode()
        or bericht[:20] in response.content.decode()
    )
    assert list(Realisatie.objects.values_list("gehuisvest", flat=True)) == [7]
    assert (
        post_realisatie(client, gemeente, maand="2025-07", gehuisvest="8", bron="coa").status_code
        == 302
    )


def test_an_unreadable_month_is_refused(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    response = post_realisatie(client, gemeente, maand="juli", gehuisvest="7")
    assert response.status_code == 400
    assert "2025-07" in response.content.decode()


def test_the_gemeente_adds_a_measure(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    url = reverse("huisvesting:maatregel_nieuw", args=[gemeente.code])
    data = {"projectnaam": "Flexwonen Noord", "soort": "flexwoningen", "woningen": "40",
            "personen": "", "verwacht_op": "2026-09-01", "status": "besloten"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert Maatregel.objects.get().history.get().history_user == gemeente_user
    data["woningen"] = ""
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Vul het aantal woningen of het aantal personen in." in response.content.decode()


def test_prt_adds_an_ibt_step_and_it_never_changes(client, gemeente, prt_user):
    login(client, prt_user)
    url = reverse("huisvesting:ibt_stap_nieuw", args=[gemeente.code])
    data = {"stap": IbtStapSoort.SIGNAAL, "datum": "2025-12-01", "halfjaar": "2025-H2",
            "reden": "Achter op het tempo", "notitie": ""}  # fmt: skip
    assert client.post(url, data).status_code == 302
    stap = IbtStap.objects.get()
    assert (stap.gezet_door, stap.halfjaar.code) == (prt_user, "2025-H2")
    stap.reden = "anders"
    with pytest.raises(IbtStap.IsFinal):
        stap.save()
    with pytest.raises(IbtStap.IsFinal):
        stap.delete()
    html = page(client, gemeente, "?peildatum=2026-01-01").content.decode()
    assert "Achter op het tempo" in html


def test_a_gemeente_cannot_add_an_ibt_step(client, gemeente, gemeente_user):
    login(client, gemeente_user)
    url = reverse("huisvesting:ibt_stap_nieuw", args=[gemeente.code])
    response = client.post(url, {"stap": "signaal", "datum": "2025-12-01", "reden": "x"})
    assert response.status_code == 403
    assert IbtStap.objects.count() == 0


def dashboard(client, provincie, soort="dashboard", query=PEIL):
    return client.get(reverse(f"huisvesting:{soort}", args=[provincie.code]) + query)


def test_the_dashboard_shows_the_hand_case_and_the_province_total(client, gemeente, prt_user):
    hand_case(gemeente)
    login(client, prt_user)
    html = dashboard(client, gemeente.provincie).content.decode()
    assert '<td class="utrecht-table__cell num">72</td>' in html
    assert '<td class="utrecht-table__cell num">24</td>' in html
    assert "66,7%" in html
    assert "Provincie (alle gemeenten)" in html


def test_the_dashboard_filters_and_sorts(client, gemeente, andere_gemeente, prt_user):
    hand_case(gemeente)
    taakstelling(andere_gemeente, "2025-H2", 10)
    startsaldo(andere_gemeente, "2025-H2", 0)
    maanden(andere_gemeente, date(2025, 7, 1), (2, 2, 2, 2, 2, 2))
    login(client, prt_user)
    html = dashboard(client, gemeente.provincie, query=PEIL + "&oordeel=op_schema").content.decode()
    tabel = html[: html.index('id="kaart-kop"')]  # the map below shows every gemeente
    assert "Amersfoort" in tabel and ">Utrecht</a>" not in tabel
    html = dashboard(
        client, gemeente.provincie, query=PEIL + "&sorteer=eindsaldo&volgorde=af"
    ).content.decode()
    assert html.index(">Utrecht</a>") < html.index(">Amersfoort</a>")


def test_the_dashboard_map_shows_each_gemeente_by_its_rating(
    client, gemeente, andere_gemeente, prt_user
):
    hand_case(gemeente)
    login(client, prt_user)
    html = dashboard(client, gemeente.provincie).content.decode()
    kaart = html[html.index('<svg class="kaart__svg"') :]
    kaart = kaart[: kaart.index("</svg>")]

    url = reverse("huisvesting:gemeente_detail", args=[gemeente.code])
    assert f'href="{url}" aria-label="Utrecht: achter, 66,7% van het tempo"' in kaart
    assert "kaart__gemeente--achter" in kaart
    naam = andere_gemeente.naam
    assert f'aria-label="{naam}: niet te berekenen"' in kaart
    assert "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0" in html


def test_the_exports_carry_the_same_figures(client, gemeente, prt_user):
    hand_case(gemeente)
    login(client, prt_user)
    csv = dashboard(client, gemeente.provincie, "dashboard_csv").content.decode()
    assert "GM0344;Utrecht;60;12;72;48;24;72,0;66,7%;achter" in csv
    xlsx = dashboard(client, gemeente.provincie, "dashboard_xlsx").content
    blad = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    assert [c.value for c in blad[2]][:10] == [
        "GM0344",
        "Utrecht",
        60,
        12,
        72,
        48,
        24,
        72.0,
        66.7,
        "achter",
    ]


def test_the_dashboard_takes_a_constant_number_of_queries(
    client, provincie, prt_user, django_assert_max_num_queries
):
    for i, g in enumerate(gemeenten(provincie, 60)):
        for code in ("2025-H1", "2025-H2", "2026-H1", "2026-H2"):
            taakstelling(g, code, 20)
        startsaldo(g, "2025-H1", 3)
        maanden(g, date(2025, 1, 1), [i % 5] * 24)
    login(client, prt_user)
    with django_assert_max_num_queries(16):
        response = dashboard(client, provincie, query="?peildatum=2027-01-01")
    assert response.status_code == 200
    html = response.content.decode()
    tabel = html[: html.index('id="kaart-kop"')]  # the map's legend names every band
    assert tabel.count('href="/gemeenten/GM7') == 60
    assert "niet te berekenen" not in tabel


def test_prt_changes_the_province_setting(client, provincie, prt_user, gemeente_user):
    login(client, prt_user)
    url = reverse("huisvesting:instelling", args=[provincie.code])
    data = {"telbron": "gemeente", "drempel_op_schema": "90", "drempel_enigszins_achter": "95"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "ligt niet boven" in response.content.decode()
    data["drempel_enigszins_achter"] = "60"
    assert client.post(url, data).status_code == 302
    assert provincie.statushouders_instelling.drempels.op_schema == 90


def test_the_gemeente_changes_its_measure_and_others_cannot(
    client, gemeente, gemeente_user, andere_gemeente_user, prt_user
):
    maatregel = services.maatregel_opslaan(
        gemeente=gemeente, user=gemeente_user,
        data={"projectnaam": "Doorstroom", "soort": "doorstroomlocatie", "personen": 30,
              "status": "idee"},
    )  # fmt: skip
    url = reverse("huisvesting:maatregel_wijzigen", args=[maatregel.pk])
    data = {"projectnaam": "Doorstroom", "soort": "doorstroomlocatie", "personen": "30",
            "woningen": "", "verwacht_op": "", "status": "in_uitvoering",
            "toelichting": ""}  # fmt: skip
    login(client, andere_gemeente_user)
    assert client.post(url, data).status_code == 404
    login(client, prt_user)
    assert client.post(url, data).status_code == 403
    login(client, gemeente_user)
    assert client.post(url, data).status_code == 302
    maatregel.refresh_from_db()
    assert maatregel.status == "in_uitvoering"
    assert maatregel.history.count() == 2
