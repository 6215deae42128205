"""The report is cached per data version: every write path shows on the next request."""

import io
import re
from datetime import date

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse

from gemeenten.models import Gemeente, User
from kern.dataversie import dataversie
from opvang import services
from opvang.constants import Soort, Status
from opvang.excel.writer import locatie_rij, sjabloon_maken
from opvang.models import Indiening, Locatie
from tests.factories import UserFactory

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db

JSON_QUERY = {"peildatum": PEILDATUM.isoformat()}


def json_cijfers(client):
    response = client.get(reverse("rapportage:verslag_json", args=["PV26", 1]), JSON_QUERY)
    assert response.status_code == 200
    return response.json()


def dashboard(client):
    url = reverse("rapportage:dashboard", args=["PV26"])
    return client.get(url, {"cyclus": 1, **JSON_QUERY}).content.decode()


def gemeente_json(data, code):
    return next(g for g in data["gemeenten"] if g["code"] == code)


@pytest.fixture
def prt_client(client, demo_prt):
    client.force_login(demo_prt)
    return client


@pytest.fixture
def azc(demo):
    """A location in use of gemeente Utrecht, counted in the current capacity."""
    return Locatie.objects.filter(
        gemeente__code="GM0344",
        status=Status.IN_GEBRUIK,
        beschikbaar_vanaf__lte=PEILDATUM,
        beschikbaar_tot=None,
    ).first()


def test_a_second_request_reads_the_cache_in_a_few_queries(
    prt_client, django_assert_max_num_queries
):
    eerste = json_cijfers(prt_client)
    # Session, user, province, cycles, the data version: no report is counted again.
    with django_assert_max_num_queries(6):
        assert json_cijfers(prt_client) == eerste
    dashboard(prt_client)
    with django_assert_max_num_queries(6):
        dashboard(prt_client)


def test_a_location_changed_through_the_service_shows_at_once(prt_client, azc, demo_prt):
    voor = json_cijfers(prt_client)["huidige_capaciteit"]
    dashboard(prt_client)
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 1000}, user=demo_prt
    )

    assert json_cijfers(prt_client)["huidige_capaciteit"] == voor + 1000
    assert f"{voor + 1000:,}".replace(",", ".") in dashboard(prt_client)


def test_a_location_changed_in_the_admin_shows_at_once(prt_client, client, azc, demo):
    voor = json_cijfers(prt_client)["huidige_capaciteit"]
    # Only a superuser changes locations in the admin (beheer may view them).
    demo_beheer = UserFactory(username="super-cache", is_superuser=True, is_staff=True)
    model_admin = admin.site._registry[Locatie]
    request = RequestFactory().get("/")
    request.user = demo_beheer
    velden = model_admin.get_form(request, azc).base_fields
    data = {k: ("" if v is None else v) for k, v in model_to_dict(azc, fields=velden).items()}
    data["plekken"] = azc.plekken + 7
    beheer = client.__class__()
    beheer.force_login(demo_beheer)

    response = beheer.post(reverse("admin:opvang_locatie_change", args=[azc.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert json_cijfers(prt_client)["huidige_capaciteit"] == voor + 7


def test_a_location_moved_to_another_province_leaves_its_figures(prt_client, azc, demo_prt):
    voor = json_cijfers(prt_client)["huidige_capaciteit"]
    arnhem = Gemeente.objects.get(code="GM0202", provincie__code="PV25")
    azc.gemeente = arnhem  # as the admin may do: the history row lands in Gelderland
    azc.save()

    assert json_cijfers(prt_client)["huidige_capaciteit"] == voor - azc.plekken


def test_an_imported_location_shows_at_once(prt_client, demo, tmp_path):
    voor = json_cijfers(prt_client)["huidige_capaciteit"]
    utrecht = Gemeente.objects.get(code="GM0344")
    nieuw = Locatie(
        gemeente=utrecht,
        naam="Importlocatie Cache",
        soort=Soort.REGIONAAL,
        status=Status.IN_GEBRUIK,
        plekken=333,
        amv_plekken=0,
        beschikbaar_vanaf=date(2020, 1, 1),
    )
    pad = tmp_path / "uitvraag.xlsx"
    pad.write_bytes(sjabloon_maken(locatie_rijen=[locatie_rij(utrecht, nieuw)]))

    call_command("importeer_uitvraag", str(pad), cyclus=1, gebruiker="beheer", stdout=io.StringIO())

    assert json_cijfers(prt_client)["huidige_capaciteit"] == voor + 333


def test_a_new_opgave_shows_at_once(prt_client, cyclus1, demo_beheer):
    voor = gemeente_json(json_cijfers(prt_client), "GM0344")["opgave"]["plekken"]
    services.opgave_vastleggen(
        gemeente=Gemeente.objects.get(code="GM0344"),
        cyclus=cyclus1,
        grondslag="verdeelbesluit",
        plekken=voor + 11,
        amv_plekken=0,
        bron="Test",
        datum=date(2026, 11, 30),
        user=demo_beheer,
    )

    assert gemeente_json(json_cijfers(prt_client), "GM0344")["opgave"]["plekken"] == voor + 11


def test_a_submission_and_its_review_show_at_once(prt_client, demo, cyclus1, demo_prt):
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2026, 12, 1), bericht="", user=demo_prt
    )
    html = dashboard(prt_client)
    assert "badge--ingediend" not in html
    zeist = Gemeente.objects.get(code="GM0355")
    services.indiening_indienen(
        uitvraag=uitvraag, gemeente=zeist, user=User.objects.get(username="gemeente-zeist")
    )
    assert "badge--ingediend" in dashboard(prt_client)

    services.indiening_beoordelen(
        indiening=Indiening.objects.get(gemeente=zeist), akkoord=True, opmerking="", user=demo_prt
    )

    assert "badge--akkoord" in dashboard(prt_client)


def test_the_data_version_is_one_query_and_differs_per_province(
    demo, azc, demo_prt, django_assert_num_queries
):
    utrecht, andere_provincie = (
        demo.pk,
        Gemeente.objects.get(code="GM0203", provincie__code="PV25").provincie_id,
    )
    with django_assert_num_queries(1):
        voor = dataversie(utrecht)
    andere = dataversie(andere_provincie)
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 1}, user=demo_prt
    )

    assert dataversie(utrecht) != voor
    assert dataversie(andere_provincie) == andere


def test_a_new_goo_location_shows_in_the_json_export_at_once(prt_client, demo, demo_prt):
    from ontheemden.constants import Soort as GooSoort
    from ontheemden.constants import Status as GooStatus
    from ontheemden.services import goo_locatie_aanmaken

    voor = json_cijfers(prt_client)["ontheemden"]["provincie"]["capaciteit"]
    goo_locatie_aanmaken(
        gemeente=Gemeente.objects.get(code="GM0344"),
        data={
            "naam": "Cache-test GOO",
            "soort": GooSoort.values[0],
            "status": GooStatus.IN_GEBRUIK,
            "capaciteit": 17,
            "beschikbaar_vanaf": date(2020, 1, 1),
        },
        user=demo_prt,
    )
    assert json_cijfers(prt_client)["ontheemden"]["provincie"]["capaciteit"] == voor + 17


def test_the_cached_dashboard_is_served_as_rendered_not_escaped_again(prt_client, demo):
    eerste, tweede = dashboard(prt_client), dashboard(prt_client)  # the second from the cache
    zonder_token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert zonder_token.sub("", eerste) == zonder_token.sub("", tweede)
    assert '<table class="utrecht-table' in tweede and "&lt;table" not in tweede


def test_the_plan_parts_keep_their_version_over_a_location_but_not_a_goo_write(demo, azc, demo_prt):
    from ontheemden.constants import Soort as GooSoort
    from ontheemden.constants import Status as GooStatus
    from ontheemden.services import goo_locatie_aanmaken
    from rapportage.vraag import RapportVraagForm

    def delen_sleutel():
        form = RapportVraagForm({"cyclus": 1, **JSON_QUERY}, provincie=demo)
        assert form.is_valid(), form.errors
        return form.vraag().delen_sleutel

    voor = delen_sleutel()
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 1}, user=demo_prt
    )
    assert delen_sleutel() == voor
    goo_locatie_aanmaken(
        gemeente=Gemeente.objects.get(code="GM0344"),
        data={
            "naam": "Cache-test GOO 2",
            "soort": GooSoort.values[0],
            "status": GooStatus.IN_GEBRUIK,
            "capaciteit": 5,
            "beschikbaar_vanaf": date(2020, 1, 1),
        },
        user=demo_prt,
    )
    assert delen_sleutel() != voor


def test_a_location_write_keeps_the_plan_parts_and_shows_in_the_json_at_once(
    prt_client, azc, demo_prt
):
    voor = json_cijfers(prt_client)
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 3}, user=demo_prt
    )
    na = json_cijfers(prt_client)
    assert na["huidige_capaciteit"] == voor["huidige_capaciteit"] + 3
    assert na["ontheemden"] == voor["ontheemden"] and na["statushouders"] == voor["statushouders"]
