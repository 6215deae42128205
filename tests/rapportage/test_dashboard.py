"""The province's dashboard: figures, table, sorting, filters, access and query counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie, User
from opvang import services
from rapportage.selectors import verslag_rapport
from tests.factories import TEST_PASSWORD, GemeenteFactory, OpgaveFactory

from .conftest import PEILDATUM, pagina_tekst

MAX_QUERIES = 20


def url(provincie="PV26", **query):
    base = reverse("rapportage:dashboard", args=[provincie])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def get(client, user, **query):
    client.force_login(user)
    return client.get(url(**query))


def namen(response):
    return [row.record.naam for row in response.context["overzicht"].table.rows]


def test_it_shows_the_letters_figures(client, demo_prt):
    tekst = pagina_tekst(get(client, demo_prt, cyclus=1, peildatum="2024-10-15"))

    assert "Opgave 8.207 waarvan 694 AMV" in tekst
    assert "Harde opvangcapaciteit 3.523 waarvan 355 AMV" in tekst
    assert "Harde plancapaciteit 575 waarvan 40 AMV" in tekst
    assert "Minimale dekking 4.098 = 49,9% van de opgave van 8.207" in tekst
    assert "Planvoorraad 3.378–3.983" in tekst
    assert "Perspectief 7.476–8.081" in tekst
    assert "Huidige capaciteit 4.705 Plekken in gebruik op 15 oktober 2024" in tekst


def test_each_figure_says_how_it_is_counted(client, demo_prt):
    tekst = pagina_tekst(get(client, demo_prt, peildatum="2024-10-15"))

    assert "beschikbaar uiterlijk 1 juli 2025 en tot ten minste 1 februari 2026" in tekst
    assert "Harde opvangcapaciteit plus harde plancapaciteit" in tekst
    assert "Minimale dekking plus planvoorraad" in tekst


def test_the_table_has_every_gemeente_and_totals_that_add_up(client, demo, demo_prt):
    response = get(client, demo_prt, peildatum="2024-10-15")
    table = response.context["overzicht"].table
    rijen = [row.record for row in table.rows]

    assert len(rijen) == Gemeente.objects.filter(provincie=demo).count() == 26
    assert table.totaal.telling == sum((r.telling for r in rijen), type(rijen[0].telling)())
    assert table.totaal.telling == response.context["rapport"].telling
    assert table.totaal.opgave_plekken == sum(r.opgave_plekken or 0 for r in rijen) == 8207
    assert table.totaal.tekort == sum(r.tekort or 0 for r in rijen)
    tekst = pagina_tekst(response)
    assert "Totaal (26 gemeenten) 8.207 3.523 575 4.098 49,9%" in tekst


def test_a_gemeente_links_to_its_page_in_the_chosen_cycle(client, demo_prt):
    html = get(client, demo_prt, cyclus=2).content.decode()

    assert reverse("opvang:gemeente_detail", args=["GM0344"]) + "?cyclus=2" in html


def test_it_sorts_by_dekking(client, demo_prt):
    oplopend = get(client, demo_prt, peildatum="2024-10-15", sort="dekking")
    rijen = [row.record for row in oplopend.context["overzicht"].table.rows]
    bekend = [r.dekking_percentage for r in rijen if r.dekking_percentage is not None]

    assert bekend == sorted(bekend)
    aflopend = get(client, demo_prt, peildatum="2024-10-15", sort="-dekking")
    assert namen(aflopend)[0] == "Utrechtse Heuvelrug"  # the only one at 100% or more
    assert 'aria-sort="descending"' in aflopend.content.decode()


@pytest.mark.parametrize(
    "kolom",
    [
        "naam",
        "regio",
        "opgave",
        "hard",
        "hard_plan",
        "dekking_plekken",
        "dekking",
        "tekort",
        "planvoorraad",
        "huidig",
        "indiening",
    ],
)
def test_every_column_sorts(client, demo_prt, kolom):
    response = get(client, demo_prt, sort=f"-{kolom}")

    assert response.status_code == 200
    assert len(namen(response)) == 26


def test_it_filters_by_regio_status_and_band(client, demo, cyclus1, demo_prt):
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2026, 12, 1), bericht="", user=demo_prt
    )
    zeist = Gemeente.objects.get(code="GM0355")
    services.indiening_indienen(
        uitvraag=uitvraag, gemeente=zeist, user=User.objects.get(username="gemeente-zeist")
    )

    foodvalley = namen(get(client, demo_prt, regio="Foodvalley"))
    assert foodvalley == ["Renswoude", "Rhenen", "Veenendaal"]
    assert namen(get(client, demo_prt, status="ingediend")) == ["Zeist"]
    assert len(namen(get(client, demo_prt, status="niet_gestart"))) == 25
    assert namen(get(client, demo_prt, band="vanaf_100", peildatum="2024-10-15")) == [
        "Utrechtse Heuvelrug"
    ]
    assert namen(get(client, demo_prt, band="geen_opgave")) == ["Woudenberg"]


def test_the_dekking_bands_split_the_rows(client, demo_prt):
    banden = {
        band: namen(get(client, demo_prt, band=band, peildatum="2024-10-15"))
        for band in ("onder_50", "50_100", "vanaf_100", "geen_opgave")
    }
    rapport = get(client, demo_prt, peildatum="2024-10-15").context["rapport"]
    per_naam = {r.naam: r.dekking_percentage for r in rapport.gemeenten}

    assert sorted(sum(banden.values(), [])) == sorted(per_naam)
    assert all(per_naam[n] < 50 for n in banden["onder_50"])
    assert all(50 <= per_naam[n] < 100 for n in banden["50_100"])
    assert all(per_naam[n] >= Decimal(100) for n in banden["vanaf_100"])


def test_a_filter_shows_the_totals_of_the_filtered_rows(client, demo_prt):
    response = get(client, demo_prt, regio="Foodvalley", peildatum="2024-10-15")
    table = response.context["overzicht"].table
    rijen = [row.record for row in table.rows]

    assert table.totaal.opgave_plekken == sum(r.opgave_plekken for r in rijen)
    assert table.totaal.telling.hard == sum(r.telling.hard for r in rijen)
    assert "3 van de 26 gemeenten (gefilterd op regio: Foodvalley)" in pagina_tekst(response)


def test_an_unknown_filter_value_is_ignored(client, demo_prt):
    assert len(namen(get(client, demo_prt, regio="Atlantis", sort="bestaat_niet"))) == 26


def test_the_choice_is_kept_in_the_links(client, demo_prt):
    html = get(client, demo_prt, cyclus=1, peildatum="2024-10-15", regio="U16").content.decode()

    export = reverse("rapportage:gemeenten_xlsx", args=["PV26"])
    assert f"{export}?cyclus=1&amp;peildatum=2024-10-15&amp;regio=U16" in html
    assert 'value="2024-10-15"' in html


def test_source_akkoord_counts_nothing_without_accepted_submissions(client, demo_prt):
    response = get(client, demo_prt, bron="akkoord", peildatum="2024-10-15")

    assert response.context["rapport"].telling.hard == 0
    assert "de laatste geaccepteerde indiening van elke gemeente" in pagina_tekst(response)


@pytest.mark.parametrize("query", [{"cyclus": 9}, {"peildatum": "15-10-2024"}, {"bron": "morgen"}])
def test_a_bad_choice_is_a_400_with_the_form_errors(client, demo_prt, query):
    response = get(client, demo_prt, **query)

    assert response.status_code == 400
    assert "het formulier is niet verwerkt" in response.content.decode()


def test_an_unknown_window_shows_no_hard_figures(client, demo_prt):
    tekst = pagina_tekst(get(client, demo_prt, cyclus=2))

    assert "telvenster van cyclus 2 is nog niet vastgesteld" in tekst
    assert "Harde opvangcapaciteit —" in tekst


def test_the_dashboard_links_to_the_province_excel_pages(client, demo_prt):
    html = get(client, demo_prt).content.decode()

    for naam in ("excel_sjabloon_provincie", "excel_locaties_export", "excel_importeren_provincie"):
        assert reverse(f"opvang:{naam}", args=["PV26"]) in html


def test_it_has_no_inline_styles(client, demo_prt):
    html = get(client, demo_prt, peildatum="2024-10-15").content.decode()

    assert "style=" not in html
    assert "<style" not in html


# Access -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["demo_prt", "demo_cvdk", "demo_beheer"])
def test_prt_cvdk_and_beheer_of_the_province_see_it(request, client, persona):
    assert get(client, request.getfixturevalue(persona)).status_code == 200


def test_another_provinces_prt_gets_404(client, gelderland_prt):
    assert get(client, gelderland_prt).status_code == 404


def test_a_gemeente_user_gets_404(client, demo_gemeente_user):
    """As the JSON export and the province's Excel pages: a gemeente learns nothing."""
    assert get(client, demo_gemeente_user).status_code == 404


def test_anonymous_users_go_to_the_login_page(client, demo):
    response = client.get(url())

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_post_is_not_allowed(client, demo_prt):
    client.force_login(demo_prt)
    assert client.post(url()).status_code == 405


def test_home_takes_each_role_to_its_start_page(client, demo_prt, demo_beheer, demo_gemeente_user):
    for user, doel in [
        (demo_prt, url()),
        (demo_gemeente_user, reverse("opvang:gemeente_detail", args=["GM0344"])),
        (demo_beheer, reverse("rapportage:provincies")),
    ]:
        client.force_login(user)
        assert client.get(reverse("home")).url == doel


def test_beheer_chooses_a_province_from_the_list(client, demo_beheer):
    client.force_login(demo_beheer)
    response = client.get(reverse("rapportage:provincies"))

    assert response.status_code == 200
    assert url() in response.content.decode()
    assert len(response.context["provincies"]) == Provincie.objects.count() == 12


def test_the_province_list_sends_others_to_their_own_page(client, demo_prt, demo_gemeente_user):
    client.force_login(demo_prt)
    assert client.get(reverse("rapportage:provincies")).url == url()
    client.force_login(demo_gemeente_user)
    assert client.get(reverse("rapportage:provincies")).url == reverse(
        "opvang:gemeente_detail", args=["GM0344"]
    )


# Query counts -----------------------------------------------------------------------


def test_it_runs_in_a_fixed_number_of_queries_for_utrecht(
    client, demo_prt, django_assert_max_num_queries
):
    client.force_login(demo_prt)
    for query in ({}, {"bron": "akkoord"}, {"regio": "U16", "sort": "-dekking"}):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url(**query)).status_code == 200


def test_it_runs_in_a_fixed_number_of_queries_for_a_large_province(
    client, grote_provincie, django_assert_max_num_queries
):
    client.force_login(grote_provincie.prt)
    for query in ({}, {"bron": "akkoord"}, {"sort": "-dekking"}):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url("PV90", **query))
        assert len(namen(response)) == 60


def test_a_gemeente_added_to_the_province_appears(client, demo, cyclus1, demo_prt):
    gemeente = GemeenteFactory(code="GM0999", naam="Nieuwdorp", provincie=demo)
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus1, plekken=50, amv_plekken=5)

    response = get(client, demo_prt, peildatum="2024-10-15")

    assert "Nieuwdorp" in namen(response)
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    assert response.context["rapport"] == rapport


def test_logging_in_by_password_reaches_the_dashboard(client, prt_user):
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    assert client.get(reverse("home"), follow=True).status_code == 200
