"""Utrecht's reference data and demo locations (DOMAIN.md §5) for the report tests."""

import re
from datetime import date, timedelta
from html import unescape
from io import StringIO
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction

from gemeenten.constants import Rol
from gemeenten.models import Provincie, User
from opvang import services
from opvang.constants import Soort, Status
from opvang.models import Cyclus, Locatie
from tests.factories import (
    CyclusFactory,
    GemeenteFactory,
    OpgaveFactory,
    ProvincieFactory,
    RegioFactory,
    UserFactory,
)

PEILDATUM = date(2024, 10, 15)

# The source letter's figures (DOMAIN.md §5) as the JSON export states them.
BRIEF_CIJFERS = {
    "opgave": {"plekken": 8207, "amv": 694},
    "harde_opvangcapaciteit": {"plekken": 3523, "amv": 355},
    "harde_plancapaciteit": {"plekken": 575, "amv": 40},
    "minimale_dekking": {"plekken": 4098, "amv": 395, "percentage": 49.9},
    "planvoorraad": {"min": 3378, "max": 3983},
    "perspectief": {"min": 7476, "max": 8081},
    "huidige_capaciteit": 4705,
}


@pytest.fixture
def demo(db, settings):
    """Load the reference fixture and the demo data; return Utrecht (PV26)."""
    settings.FIXTURE_DIRS = [django_settings.BASE_DIR / "fixtures"]
    settings.DEMO_MODE = True
    call_command("loaddata", "referentie", verbosity=0)
    call_command("demo", stdout=StringIO())
    return Provincie.objects.get(code="PV26")


@pytest.fixture
def cyclus1(demo):
    return Cyclus.objects.get(nummer=1)


@pytest.fixture
def demo_prt(demo):
    return User.objects.get(username="prt")


@pytest.fixture
def demo_cvdk(demo):
    return User.objects.get(username="cvdk")


@pytest.fixture
def demo_beheer(demo):
    return User.objects.get(username="beheer")


@pytest.fixture
def demo_gemeente_user(demo):
    return User.objects.get(username="gemeente-utrecht")


@pytest.fixture
def gelderland_prt(demo):
    return UserFactory(
        username="prt-gelderland", rol=Rol.PRT, provincie=Provincie.objects.get(code="PV25")
    )


STATUSSEN = list(Status.values)
SOORTEN = list(Soort.values)


@pytest.fixture
def grote_provincie(db):
    """A generated province of 60 gemeenten and 3,000 locations in every status and type,
    with an uitvraag in which five gemeenten had their submission accepted."""
    provincie = ProvincieFactory(code="PV90", naam="Grote testprovincie")
    cyclus = CyclusFactory()
    regios = [RegioFactory(provincie=provincie) for _ in range(3)]
    gemeenten = [
        GemeenteFactory(code=f"GM{8000 + n}", provincie=provincie, regio=regios[n % 3])
        for n in range(60)
    ]
    with transaction.atomic():
        for n, gemeente in enumerate(gemeenten):
            OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=100 + n, amv_plekken=n % 9)
            for i in range(50):
                Locatie(gemeente=gemeente, **_locatie_velden(n * 50 + i)).save()
    prt = UserFactory(username="prt-groot", rol=Rol.PRT, provincie=provincie)
    uitvraag = services.uitvraag_openen(
        provincie=provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="", user=prt
    )
    for gemeente in gemeenten[:5]:
        indiener = UserFactory(rol=Rol.GEMEENTE, gemeente=gemeente)
        indiening, _ = services.indiening_indienen(
            uitvraag=uitvraag, gemeente=gemeente, user=indiener
        )
        services.indiening_beoordelen(indiening=indiening, akkoord=True, opmerking="", user=prt)
    return SimpleNamespace(provincie=provincie, cyclus=cyclus, prt=prt, gemeenten=gemeenten)


def _locatie_velden(n):
    """Return the fields of the n-th generated location; the statuses and types rotate."""
    status = STATUSSEN[n % len(STATUSSEN)]
    zeker = status in (Status.IN_GEBRUIK, Status.IN_REALISATIE, Status.BEEINDIGD)
    vanaf = date(2020, 1, 1) + timedelta(days=n % 2500) if zeker else None
    return {
        "naam": f"Locatie {n}",
        "soort": SOORTEN[n % len(SOORTEN)],
        "status": status,
        "plekken": 10 + n % 90,
        "amv_plekken": n % 7,
        "plekken_max": 120 if status == Status.IN_VOORBEREIDING else None,
        "beschikbaar_vanaf": vanaf,
        "beschikbaar_tot": vanaf + timedelta(days=900) if vanaf and n % 3 == 0 else None,
    }


def pagina_tekst(response):
    """Return the text of a page's main element as a reader sees it: tags out, spaces one."""
    html = response.content.decode()
    main = html[html.index("<main") :]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())
