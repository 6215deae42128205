"""The reference fixture and the `demo` command add up to Utrecht's figures (DOMAIN.md §5)."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie, Regio, User
from opvang.constants import Soort, Status
from opvang.models import Cyclus, Locatie, Opgave
from opvang.telregels import percentage, tel
from portaal.management.commands.demo import (
    DEMO_OPGAVE_BRON,
    DEMO_WACHTWOORD,
    GEBRUIKERS,
    verdeel,
)

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
        for model in (User, Provincie, Regio, Gemeente, Cyclus, Opgave, Locatie)
    } | {
        "Opgave.history": Opgave.history.count(),
        "Locatie.history": Locatie.history.count(),
    }


def test_referentie_has_the_twelve_provinces(referentie):
    assert Provincie.objects.count() == 12
    assert Provincie.objects.get(code="PV21").naam == "Fryslân"
    assert Provincie.objects.get(code="PV26").naam == "Utrecht"


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
    for opgave in Opgave.objects.filter(is_demo=True):
        assert opgave.bron == DEMO_OPGAVE_BRON
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
    locaties = Locatie.objects.all()

    assert 60 <= locaties.count() <= 90
    assert set(locaties.values_list("soort", flat=True)) == set(Soort.values)
    assert set(locaties.values_list("status", flat=True)) == set(Status.values)
    assert locaties.values("gemeente").distinct().count() == 26
    assert all(loc.toelichting.startswith("Demo-locatie: ") for loc in locaties)
    assert Locatie.history.count() == locaties.count()  # saved one by one, so audited


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
