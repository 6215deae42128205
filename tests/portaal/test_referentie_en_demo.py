"""The reference fixture and the `demo` command add up to Utrecht's figures (DOMAIN.md §5)."""

import csv
import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie, Regio, User
from opvang.constants import Soort, Status
from opvang.models import Cyclus, Locatie, Opgave, ProvincieOpgave, Verdeelbesluit
from opvang.telregels import percentage, tel
from portaal.demo_noord_holland import OPPERVLAKTE_HA
from portaal.management.commands.demo import (
    DEMO_OPGAVE_BRON,
    DEMO_WACHTWOORD,
    GEBRUIKERS,
    verdeel,
)
from tests.rapportage.conftest import pagina_tekst

pytestmark = pytest.mark.django_db

PEILDATUM = date(2024, 10, 15)


@pytest.fixture(autouse=True)
def _instellingen(settings):
    # Harmless once config/settings.py has it; keeps this module independent of it.
    settings.FIXTURE_DIRS = [django_settings.BASE_DIR / "fixtures"]
    settings.DEMO_MODE = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def referentie():
    call_command("loaddata", "referentie", verbosity=0)


@pytest.fixture
def demo(referentie):
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def cyclus1(referentie):
    return Cyclus.objects.get(nummer=1)


def geldende_opgaven(cyclus):
    return Opgave.objects.in_cyclus(cyclus).filter(gemeente__provincie__code="PV26").geldend()


def telling(cyclus, peildatum=PEILDATUM):
    locaties = Locatie.objects.filter(gemeente__provincie__code="PV26")
    return tel((loc.waarden for loc in locaties), cyclus.telvenster, peildatum)


def aantallen():
    return {
        model.__name__: model.objects.count()
        for model in (User, Provincie, Regio, Gemeente, Cyclus, Opgave, Locatie, Verdeelbesluit)
    } | {
        "Opgave.history": Opgave.history.count(),
        "Locatie.history": Locatie.history.count(),
    }


def test_referentie_has_the_twelve_provinces(referentie):
    assert Provincie.objects.count() == 12
    assert Provincie.objects.get(code="PV21").naam == "Fryslân"
    assert Provincie.objects.get(code="PV26").naam == "Utrecht"


def test_referentie_has_all_342_gemeenten_each_in_its_province(referentie):
    per_provincie = dict(Provincie.objects.annotate(n=Count("gemeenten")).values_list("code", "n"))

    assert Gemeente.objects.count() == 342
    # CBS's counts for 2025 (shared/data/kaart/README.md).
    assert per_provincie == {
        "PV20": 10, "PV21": 18, "PV22": 12, "PV23": 25, "PV24": 6, "PV25": 51,
        "PV26": 26, "PV27": 44, "PV28": 50, "PV29": 13, "PV30": 56, "PV31": 31,
    }  # fmt: skip
    amsterdam = Gemeente.objects.get(code="GM0363")
    assert (amsterdam.naam, amsterdam.provincie.naam) == ("Amsterdam", "Noord-Holland")
    assert Gemeente.objects.get(code="GM0820").naam == "Nuenen, Gerwen en Nederwetten"


def test_gemeenten_outside_utrecht_have_no_population_and_no_regio(referentie):
    buiten = Gemeente.objects.exclude(provincie__code="PV26")

    assert buiten.count() == 316
    assert not buiten.filter(inwoners__isnull=False).exists()
    assert not buiten.filter(regio__isnull=False).exists()
    assert buiten.get(code="GM0392").inwoners_tekst == "inwoners onbekend"
    assert not Gemeente.objects.filter(provincie__code="PV26", inwoners__isnull=True).exists()


def test_the_fixture_holds_every_gemeente_of_the_cbs_list():
    with open(django_settings.BASE_DIR / "fixtures" / "gemeenten_2025.csv", encoding="utf-8") as f:
        lijst = {(r["code"], r["naam"], r["provincie_code"]) for r in csv.DictReader(f)}
    rijen = json.loads((django_settings.BASE_DIR / "fixtures" / "referentie.json").read_text())
    provincies = {
        r["pk"]: r["fields"]["code"] for r in rijen if r["model"] == "gemeenten.provincie"
    }
    gemeenten = [r for r in rijen if r["model"] == "gemeenten.gemeente"]

    assert {
        (r["fields"]["code"], r["fields"]["naam"], provincies[r["fields"]["provincie"]])
        for r in gemeenten
    } == lijst
    assert all(r["pk"] == int(r["fields"]["code"][2:]) for r in gemeenten)
    assert len(lijst) == 342


def test_referentie_has_utrechts_regions_and_26_gemeenten(referentie):
    utrecht = Provincie.objects.get(code="PV26")
    assert set(utrecht.regios.values_list("naam", flat=True)) == {
        "U16",
        "Regio Amersfoort",
        "Foodvalley",
    }
    assert utrecht.gemeenten.count() == 26
    assert not utrecht.gemeenten.filter(regio__isnull=True).exists()
    de_ronde_venen = Gemeente.objects.get(code="GM0736")
    assert de_ronde_venen.inwoners == 44064
    assert de_ronde_venen.inwoners_peildatum == date(2019, 1, 1)
    assert de_ronde_venen.regio.naam == "U16"


def test_referentie_keeps_the_published_opgave_of_every_province(referentie):
    opgaven = dict(ProvincieOpgave.objects.values_list("provincie__naam", "plekken"))

    assert len(opgaven) == 12
    assert (opgaven["Utrecht"], opgaven["Noord-Holland"]) == (8207, 16290)


def test_referentie_has_both_cycles():
    call_command("loaddata", "referentie", verbosity=0)
    eerste, tweede = Cyclus.objects.order_by("nummer")
    assert (eerste.telvenster_van, eerste.telvenster_tot) == (date(2025, 7, 1), date(2026, 2, 1))
    assert not eerste.noodopvang_telt
    assert eerste.verslag_uiterlijk == date(2024, 10, 31)
    assert eerste.verdeelbesluit_uiterlijk == date(2024, 12, 31)
    assert eerste.realisatie_uiterlijk == date(2025, 7, 1)
    assert not tweede.telvenster.is_bekend
    assert tweede.verslag_uiterlijk is None
    assert tweede.verdeelbesluit_uiterlijk == date(2026, 12, 31)


def test_referentie_applicable_targets_are_the_known_ones(cyclus1):
    geldend = {o.gemeente.naam: o for o in geldende_opgaven(cyclus1).select_related("gemeente")}

    assert len(geldend) == 8
    assert sum(o.plekken for o in geldend.values()) == 3926
    assert (geldend["Utrecht"].plekken, geldend["Utrecht"].amv_plekken) == (1946, 152)
    assert geldend["Utrecht"].grondslag == "verdeelbesluit"
    assert geldend["Woudenberg"].plekken == 0
    assert geldend["Amersfoort"].plekken == 961
    assert geldend["Amersfoort"].amv_plekken is None
    assert not Opgave.objects.filter(is_demo=True).exists()
    assert (
        Opgave.objects.filter(gemeente__naam="Utrecht", grondslag="indicatief").get().plekken
        == 1988
    )


def test_loading_referentie_twice_changes_nothing(referentie):
    voor = aantallen()
    call_command("loaddata", "referentie", verbosity=0)
    assert aantallen() == voor


def test_demo_without_referentie_stops_with_a_clear_error():
    with pytest.raises(CommandError, match="loaddata referentie"):
        call_command("demo", stdout=StringIO())


def test_demo_refuses_to_run_in_production(referentie, settings):
    settings.DEBUG = False
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        call_command("demo", stdout=StringIO())
    assert not User.objects.exists()


def test_demo_targets_add_up_to_the_provincial_target(demo, cyclus1):
    geldend = geldende_opgaven(cyclus1)

    assert geldend.count() == 26
    assert sum(o.plekken for o in geldend) == 8207
    assert sum(o.amv_plekken or 0 for o in geldend) == 694
    assert all(o.amv_plekken is None or o.amv_plekken <= o.plekken for o in geldend)


def test_demo_targets_are_marked_and_never_shadow_a_real_figure(demo, cyclus1):
    for opgave in Opgave.objects.filter(is_demo=True).select_related("verdeelbesluit"):
        # A demo estimate, or a version of the demo restopgave (portaal/demo_verdeelbesluit).
        besluit = opgave.verdeelbesluit
        assert opgave.bron == DEMO_OPGAVE_BRON or (
            besluit is not None and besluit.is_demo and opgave.bron.endswith("(demo)")
        )
    assert not Opgave.objects.filter(bron=DEMO_OPGAVE_BRON, is_demo=False).exists()

    echte_gemeenten = set(
        Opgave.objects.filter(cyclus=cyclus1, is_demo=False).values_list("gemeente", flat=True)
    )
    assert len(echte_gemeenten) == 8
    for opgave in geldende_opgaven(cyclus1):
        assert opgave.is_demo == (opgave.gemeente_id not in echte_gemeenten)


def test_demo_locations_add_up_to_the_worked_example(demo, cyclus1):
    t = telling(cyclus1)

    assert (t.hard, t.hard_amv) == (3523, 355)
    assert (t.hard_plan, t.hard_plan_amv) == (575, 40)
    assert (t.planvoorraad_min, t.planvoorraad_max) == (3378, 3983)
    assert t.huidig == 4705
    assert t.minimale_dekking == 4098
    assert percentage(t.minimale_dekking, 8207) == Decimal("49.9")
    assert (t.perspectief_min, t.perspectief_max) == (7476, 8081)


def test_demo_capacity_nearly_doubled_in_two_and_a_half_years(demo, cyclus1):
    voorjaar_2022 = telling(cyclus1, date(2022, 4, 15)).huidig

    assert 2300 <= voorjaar_2022 <= 2500
    assert 1.8 < 4705 / voorjaar_2022 < 2.0


def test_demo_has_temporary_places_so_current_differs_from_hard(demo, cyclus1):
    locaties = list(Locatie.objects.all())
    categorieen = {loc.naam: loc.categorie_in(cyclus1) for loc in locaties}

    assert categorieen["Opvang Hamersveldseweg"] == "hard"  # ends on the window's last day
    assert categorieen["Flexwoningen Galecop"] == "tijdelijk"  # ends one day before
    assert categorieen["Noodopvang Jaarbeurs hal 7"] == "telt_niet"
    assert any(loc.beschikbaar_tot == cyclus1.telvenster_tot for loc in locaties)


def test_demo_locations_cover_every_type_status_and_gemeente(demo):
    locaties = Locatie.objects.filter(gemeente__provincie__code="PV26")

    assert 60 <= locaties.count() <= 90
    assert set(locaties.values_list("soort", flat=True)) == set(Soort.values)
    assert set(locaties.values_list("status", flat=True)) == set(Status.values)
    assert locaties.values("gemeente").distinct().count() == 26
    assert all(loc.toelichting.startswith("Demo-locatie: ") for loc in Locatie.objects.all())
    assert Locatie.history.count() == Locatie.objects.count()  # saved one by one, so audited


def test_running_demo_twice_changes_nothing(demo):
    voor = aantallen()
    out = StringIO()

    call_command("demo", stdout=out)

    assert aantallen() == voor
    assert out.getvalue().splitlines()[1:] == demo.splitlines()[1:]


def test_demo_prints_the_url_and_the_logins(demo):
    assert "http://127.0.0.1:8000" in demo
    assert "demogegevens" in demo
    for gebruiker in GEBRUIKERS:
        assert gebruiker.username in demo
    assert DEMO_WACHTWOORD in demo


@pytest.mark.parametrize(
    ("username", "rol", "gemeentecode", "provinciecode"),
    [
        ("beheer", Rol.BEHEER, None, None),
        ("lrt", Rol.LRT, None, None),
        ("prt", Rol.PRT, None, "PV26"),
        ("cvdk", Rol.CVDK, None, "PV26"),
        ("gemeente-utrecht", Rol.GEMEENTE, "GM0344", None),
        ("gemeente-amersfoort", Rol.GEMEENTE, "GM0307", None),
        ("gemeente-zeist", Rol.GEMEENTE, "GM0355", None),
        ("prt-noord-holland", Rol.PRT, None, "PV27"),
        ("cvdk-noord-holland", Rol.CVDK, None, "PV27"),
        ("gemeente-haarlem", Rol.GEMEENTE, "GM0392", None),
    ],
)
def test_each_demo_user_can_log_in_with_the_right_scope(
    demo, client, username, rol, gemeentecode, provinciecode
):
    user = User.objects.get(username=username)

    assert client.login(username=username, password=DEMO_WACHTWOORD)
    assert user.rol == rol
    assert (user.gemeente.code if user.gemeente else None) == gemeentecode
    assert (user.provincie.code if user.provincie else None) == provinciecode
    # The demo's beheer is a plain member of the group, so it shows what beheer may do.
    assert not user.is_superuser
    assert user.is_staff == user.groups.filter(name="Beheer").exists() == (rol == Rol.BEHEER)
    assert len(DEMO_WACHTWOORD) >= 12


def test_demo_resets_a_changed_demo_password(demo):
    user = User.objects.get(username="prt")
    user.set_password("iets-anders-dan-demo")
    user.save()

    call_command("demo", stdout=StringIO())

    user.refresh_from_db()
    assert user.check_password(DEMO_WACHTWOORD)


def test_verdeel_splits_exactly_by_largest_remainder():
    assert verdeel(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert verdeel(7, {"a": 5, "b": 3, "c": 2}) == {"a": 4, "b": 2, "c": 1}
    assert sum(verdeel(4281, {"x": 161825, "y": 25062, "z": 5755}).values()) == 4281


# Noord-Holland, the demo's second province (portaal/demo_noord_holland.py).

NH_GEBRUIKERS = ("prt-noord-holland", "cvdk-noord-holland", "gemeente-haarlem")


def nh_opgaven(cyclus):
    return Opgave.objects.in_cyclus(cyclus).filter(gemeente__provincie__code="PV27").geldend()


def test_noord_holland_demo_targets_add_up_to_its_opgave_of_16290(demo, cyclus1):
    geldend = list(nh_opgaven(cyclus1).select_related("gemeente"))

    assert len(geldend) == 44
    assert sum(o.plekken for o in geldend) == 16290
    assert sum(o.amv_plekken for o in geldend) == 1381
    assert all(o.is_demo and o.bron == DEMO_OPGAVE_BRON for o in geldend)
    assert all(o.amv_plekken <= o.plekken for o in geldend)


def test_noord_holland_demo_targets_are_pro_rata_area_never_population(demo, cyclus1):
    per_gemeente = {
        o.gemeente.code: o.plekken for o in nh_opgaven(cyclus1).select_related("gemeente")
    }

    assert per_gemeente == verdeel(16290, OPPERVLAKTE_HA)
    assert set(OPPERVLAKTE_HA) == set(
        Gemeente.objects.filter(provincie__code="PV27").values_list("code", flat=True)
    )
    assert per_gemeente["GM1911"] == max(per_gemeente.values())  # Hollands Kroon, the largest
    assert (per_gemeente["GM0363"], per_gemeente["GM0392"]) == (1271, 174)


def test_noord_holland_demo_locations_are_marked_and_varied(demo, cyclus1):
    locaties = Locatie.objects.filter(gemeente__provincie__code="PV27")
    t = tel((loc.waarden for loc in locaties), cyclus1.telvenster, PEILDATUM)

    assert locaties.values("gemeente").distinct().count() == 8
    assert set(locaties.values_list("soort", flat=True)) == set(Soort.values)
    assert set(locaties.values_list("status", flat=True)) == set(Status.values)
    assert all(loc.toelichting.startswith("Demo-locatie: ") for loc in locaties)
    assert (t.hard, t.hard_plan, t.minimale_dekking) == (1970, 440, 2410)
    categorieen = {loc.naam: loc.categorie_in(cyclus1) for loc in locaties}
    assert categorieen["Hotel Schiphol-Rijk"] == "tijdelijk"
    assert categorieen["Noodopvang Passagiersterminal"] == "telt_niet"


def test_the_demo_prints_the_noord_holland_logins(demo):
    for username in NH_GEBRUIKERS:
        assert username in demo
    assert "provincie Noord-Holland" in demo
    assert "gemeente Haarlem" in demo


def test_readme_lists_every_demo_login():
    readme = (django_settings.BASE_DIR / "README.md").read_text(encoding="utf-8")

    for gebruiker in GEBRUIKERS:
        assert f"| `{gebruiker.username}` |" in readme


def test_demo_leaves_out_noord_holland_when_its_gemeenten_are_missing(referentie):
    Gemeente.objects.get(code="GM0392").delete()  # a database from before the 342 gemeenten
    out = StringIO()

    call_command("demo", stdout=out)

    assert "Noord-Holland overgeslagen" in out.getvalue()
    assert not User.objects.filter(username__in=NH_GEBRUIKERS).exists()
    assert not Locatie.objects.filter(gemeente__provincie__code="PV27").exists()
    assert telling(Cyclus.objects.get(nummer=1)).hard == 3523


@pytest.mark.parametrize(
    ("username", "eigen", "andere"),
    [
        ("prt-noord-holland", "PV27", "PV26"),
        ("cvdk-noord-holland", "PV27", "PV26"),
        ("prt", "PV26", "PV27"),
        ("cvdk", "PV26", "PV27"),
    ],
)
def test_a_province_user_sees_nothing_of_the_other_demo_province(
    demo, client, username, eigen, andere
):
    client.login(username=username, password=DEMO_WACHTWOORD)
    vreemde_gemeente = {"PV26": "GM0344", "PV27": "GM0392"}[andere]
    eigen_gemeente = {"PV26": "GM0344", "PV27": "GM0392"}[eigen]

    for naam, code in (
        ("rapportage:dashboard", "provincie"),
        ("huisvesting:dashboard", "code"),
        ("ontheemden:dashboard", "code"),
    ):
        assert client.get(reverse(naam, kwargs={code: eigen})).status_code == 200
        assert client.get(reverse(naam, kwargs={code: andere})).status_code == 404
    for naam in (
        "opvang:gemeente_detail",
        "huisvesting:gemeente_detail",
        "ontheemden:gemeente_detail",
    ):
        assert client.get(reverse(naam, args=[eigen_gemeente])).status_code == 200
        assert client.get(reverse(naam, args=[vreemde_gemeente])).status_code == 404


def test_the_haarlem_user_sees_only_haarlem(demo, client):
    client.login(username="gemeente-haarlem", password=DEMO_WACHTWOORD)

    assert client.get(reverse("opvang:gemeente_detail", args=["GM0392"])).status_code == 200
    for code in ("GM0363", "GM0344"):  # Amsterdam, in its province; Utrecht, in the other
        assert client.get(reverse("opvang:gemeente_detail", args=[code])).status_code == 404
    for provincie in ("PV27", "PV26"):
        assert client.get(reverse("rapportage:dashboard", args=[provincie])).status_code == 404


def test_the_noord_holland_dashboard_shows_its_own_figures(demo, client):
    client.login(username="prt-noord-holland", password=DEMO_WACHTWOORD)
    url = reverse("rapportage:dashboard", args=["PV27"])

    response = client.get(url, {"cyclus": 1, "peildatum": "2024-10-15"})

    tekst = pagina_tekst(response)
    assert "Opgave 16.290 waarvan 1.381 AMV" in tekst
    assert "Minimale dekking 2.410 = 14,8% van de opgave van 16.290" in tekst
    assert "Totaal (44 gemeenten) 16.290 1.970 440 2.410 14,8%" in tekst
    assert "Haarlem" in tekst and "Amersfoort" not in tekst
