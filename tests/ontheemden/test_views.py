"""The GOO pages: the gemeente enters, PRT reads and sets streefgetallen; bad input in Dutch."""

import re
from datetime import date

import pytest
from django.urls import reverse

from ontheemden import meldingen
from ontheemden.models import Bezetting, GooLocatie, ParticuliereOpvang, Streefgetal
from tests.factories import GemeenteFactory, RegioFactory

from .factories import GooLocatieFactory, hand_computed_case

pytestmark = pytest.mark.django_db


def form(**kw):
    return {
        "naam": "Hotel Zon",
        "soort": "hotel",
        "status": "in_gebruik",
        "capaciteit": "1.200",
        "beschikbaar_vanaf": "2025-01-01",
        "beschikbaar_tot": "",
        "toelichting": "",
        **kw,
    }


def test_the_gemeente_adds_a_location(client, gemeente, gemeente_user):
    client.force_login(gemeente_user)
    url = reverse("ontheemden:locatie_nieuw", args=[gemeente.code])
    response = client.post(url, form())
    assert response.status_code == 302
    locatie = GooLocatie.objects.get()
    assert (locatie.capaciteit, locatie.gemeente) == (1200, gemeente)
    assert locatie.history.get().history_user == gemeente_user


def test_an_end_before_the_start_is_shown_in_dutch_and_not_stored(client, gemeente, gemeente_user):
    client.force_login(gemeente_user)
    url = reverse("ontheemden:locatie_nieuw", args=[gemeente.code])
    response = client.post(url, form(beschikbaar_tot="2024-12-31"))
    assert response.status_code == 200
    assert meldingen.TOT_VOOR_VANAF in response.content.decode()
    assert not GooLocatie.objects.exists()


def test_a_duplicate_name_is_refused(client, gemeente, gemeente_user):
    GooLocatieFactory(gemeente=gemeente, naam="Hotel Zon")
    client.force_login(gemeente_user)
    response = client.post(
        reverse("ontheemden:locatie_nieuw", args=[gemeente.code]), form(naam="hotel zon")
    )
    assert "al een GOO-locatie met de naam" in response.content.decode()
    assert GooLocatie.objects.count() == 1


def test_the_gemeente_changes_a_location_with_its_version(client, gemeente, gemeente_user):
    locatie = GooLocatieFactory(gemeente=gemeente, naam="Hotel Zon", capaciteit=30)
    client.force_login(gemeente_user)
    url = reverse("ontheemden:locatie_wijzigen", args=[locatie.pk])
    assert client.post(url, form(capaciteit="40", versie="1")).status_code == 302
    response = client.post(url, form(capaciteit="50", versie="1"))
    assert response.status_code == 409
    assert "intussen gewijzigd door iemand anders" in response.content.decode()
    locatie.refresh_from_db()
    assert (locatie.capaciteit, locatie.versie) == (40, 2)


@pytest.mark.parametrize(
    ("peildatum", "bezet", "melding"),
    [
        ("2026-03-01", "31", "is hoger dan de capaciteit van de locatie (30 bedden)"),
        ("2026-03-01", "-3", meldingen.NEGATIEF),
        ("2024-06-01", "3", "ligt vóór de eerste dag van de locatie (1-1-2025)"),
    ],
)
def test_bad_bezetting_through_the_form_is_refused(
    client, gemeente, gemeente_user, peildatum, bezet, melding
):
    locatie = GooLocatieFactory(
        gemeente=gemeente, capaciteit=30, beschikbaar_vanaf=date(2025, 1, 1)
    )
    client.force_login(gemeente_user)
    response = client.post(
        reverse("ontheemden:bezetting_nieuw", args=[gemeente.code]),
        {"locatie": locatie.pk, "peildatum": peildatum, "bezet": bezet},
    )
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Bezetting.objects.exists()


def test_another_gemeentes_location_cannot_be_chosen(client, gemeente, gemeente_user):
    vreemd = GooLocatieFactory(gemeente=GemeenteFactory(provincie=gemeente.provincie))
    client.force_login(gemeente_user)
    response = client.post(
        reverse("ontheemden:bezetting_nieuw", args=[gemeente.code]),
        {"locatie": vreemd.pk, "peildatum": "2026-03-01", "bezet": "3"},
    )
    assert response.status_code == 200
    assert not Bezetting.objects.exists()


def test_unknown_particuliere_opvang_is_shown_as_unknown(client, gemeente, gemeente_user):
    client.force_login(gemeente_user)
    client.post(
        reverse("ontheemden:particulier_nieuw", args=[gemeente.code]),
        {"peildatum": "2026-03-01", "aantal": "", "bron": ""},
    )
    assert ParticuliereOpvang.objects.get().aantal is None
    page = client.get(reverse("ontheemden:gemeente_detail", args=[gemeente.code]))
    assert "Particuliere opvang: onbekend (peildatum 1-3-2026)" in page.content.decode()


def test_prt_reads_the_gemeente_page_without_edit_links(client, gemeente, gemeente_user, prt_user):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    client.force_login(prt_user)
    html = client.get(reverse("ontheemden:gemeente_detail", args=[gemeente.code])).content.decode()
    assert "Hotel De Linde" in html
    assert reverse("ontheemden:locatie_nieuw", args=[gemeente.code]) not in html
    assert 'aria-current="page">Oekraïense ontheemden' in html


def test_prt_sets_a_streefgetal_for_a_regio(client, gemeente, prt_user):
    RegioFactory(provincie=gemeente.provincie, naam="U16")
    client.force_login(prt_user)
    url = reverse("ontheemden:streefgetal_nieuw", args=[gemeente.provincie.code])
    response = client.post(
        url, {"doel": "regio:U16", "aantal": "250", "bron": "PRT 12-1", "datum": "2026-01-12"}
    )
    assert response.status_code == 302
    streefgetal = Streefgetal.objects.get()
    assert (streefgetal.regio.naam, streefgetal.aantal, streefgetal.vastgelegd_door) == (
        "U16",
        250,
        prt_user,
    )


def test_a_streefgetal_for_an_unknown_gemeente_is_refused_in_the_form(client, gemeente, prt_user):
    client.force_login(prt_user)
    url = reverse("ontheemden:streefgetal_nieuw", args=[gemeente.provincie.code])
    response = client.post(
        url, {"doel": "gemeente:GM9999", "aantal": "5", "bron": "x", "datum": "2026-01-12"}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Streefgetal.objects.exists()


def test_regio_targets_compare_with_the_regios_sum(client, provincie, prt_user, gemeente_user):
    regio = RegioFactory(provincie=provincie, naam="Eemland")
    a = GemeenteFactory(provincie=provincie, regio=regio, naam="Aa")
    b = GemeenteFactory(provincie=provincie, regio=regio, naam="Bb")
    GooLocatieFactory(gemeente=a, capaciteit=30)
    GooLocatieFactory(gemeente=b, capaciteit=50, beschikbaar_tot=date(2026, 5, 1))
    client.force_login(prt_user)
    client.post(
        reverse("ontheemden:streefgetal_nieuw", args=[provincie.code]),
        {"doel": "regio:Eemland", "aantal": "70", "bron": "Regiotafel", "datum": "2026-01-12"},
    )
    response = client.get(
        reverse("ontheemden:dashboard", args=[provincie.code]) + "?peildatum=2026-03-31"
    )
    overzicht = response.context["overzicht"]
    eemland = overzicht.regios[0]
    assert (eemland.telling.capaciteit, eemland.vergelijking.tekort_nu) == (80, 0)
    assert eemland.vergelijking.tekort_na_3 == 40
    assert overzicht.gemeente(a.code).vergelijking.onder_na_einddata
    assert (overzicht.streefgetal, overzicht.tekort_na_6) == (70, 40)


def test_the_dashboard_filters_and_sorts(client, provincie, gemeente, gemeente_user, prt_user):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    klein = GemeenteFactory(provincie=provincie, naam="Klein")
    GooLocatieFactory(gemeente=klein, capaciteit=5)
    client.force_login(prt_user)
    url = reverse("ontheemden:dashboard", args=[provincie.code]) + "?peildatum=2026-03-31"
    namen = [g.naam for g in client.get(url + "&sorteer=-capaciteit").context["rijen"]]
    assert namen[:2] == ["Utrecht", "Klein"]
    namen = [g.naam for g in client.get(url + "&toon=na_einddata").context["rijen"]]
    assert namen == ["Utrecht"]
    namen = [g.naam for g in client.get(url + "&zoek=kle").context["rijen"]]
    assert namen == ["Klein"]
    csv = client.get(
        reverse("ontheemden:dashboard_csv", args=[provincie.code])
        + "?peildatum=2026-03-31&toon=na_einddata"
    )
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert len(regels) == 3
    assert regels[2].startswith("Utrecht;GM0344;")
    assert ";185;138;86,3;" in regels[2]


def test_a_column_header_sorts_and_a_second_click_reverses(client, provincie, prt_user):
    client.force_login(prt_user)
    url = reverse("ontheemden:dashboard", args=[provincie.code])
    links = client.get(url + "?toon=tekort").context["sorteer"]
    assert links["capaciteit"] == "?toon=tekort&sorteer=capaciteit"
    links = client.get(url + "?sorteer=capaciteit").context["sorteer"]
    assert links["capaciteit"] == "?sorteer=-capaciteit"


def test_the_dashboard_map_shows_each_gemeente_by_its_shortfall(
    client, provincie, gemeente, gemeente_user, prt_user
):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    client.force_login(prt_user)
    url = reverse("ontheemden:dashboard", args=[provincie.code]) + "?peildatum=2026-03-31"
    html = client.get(url).content.decode()
    kaart = html[html.index('<svg class="kaart__svg"') :]
    kaart = kaart[: kaart.index("</svg>")]

    # The hand-computed case: no shortfall now, 50 places after 6 months (its docstring).
    pagina = reverse("ontheemden:gemeente_detail", args=[gemeente.code])
    links = re.findall(r'<a class="kaart__link" href="([^"]+)" aria-label="([^"]+)">', kaart)
    assert links == [(pagina, "Utrecht: tekort van 50 plekken binnen 6 maanden")]
    assert "kaart__gemeente--na-einddata" in kaart
    assert "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0" in html
