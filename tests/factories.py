"""factory_boy factories for the test suite."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie, Regio, User
from opvang.constants import Grondslag, Soort, Status
from opvang.models import Cyclus, Locatie, Opgave

TEST_PASSWORD = "een-lang-testwachtwoord-2025"


class ProvincieFactory(DjangoModelFactory):
    class Meta:
        model = Provincie
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"PV{40 + n % 60:02d}")
    naam = factory.Sequence(lambda n: f"Testprovincie {n}")


class RegioFactory(DjangoModelFactory):
    class Meta:
        model = Regio

    provincie = factory.SubFactory(ProvincieFactory)
    naam = factory.Sequence(lambda n: f"Regio {n}")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente

    # GM9000–GM9999: no real gemeente has such a code. The sequence runs over the whole
    # session and would pass GM9999 (a code is GM and 4 digits; PostgreSQL refuses a
    # seventh character), so it wraps; one test creates far fewer than 1000 gemeenten.
    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    provincie = factory.SubFactory(ProvincieFactory)
    regio = factory.SubFactory(RegioFactory, provincie=factory.SelfAttribute("..provincie"))
    inwoners = 50000
    inwoners_peildatum = date(2024, 1, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    rol = Rol.GEMEENTE
    gemeente = factory.Maybe(
        factory.LazyAttribute(lambda u: u.rol == Rol.GEMEENTE),
        yes_declaration=factory.SubFactory(GemeenteFactory),
        no_declaration=None,
    )
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CyclusFactory(DjangoModelFactory):
    class Meta:
        model = Cyclus
        django_get_or_create = ["nummer"]

    nummer = 1
    telvenster_van = date(2025, 7, 1)
    telvenster_tot = date(2026, 2, 1)
    noodopvang_telt = False


class OpgaveFactory(DjangoModelFactory):
    class Meta:
        model = Opgave

    gemeente = factory.SubFactory(GemeenteFactory)
    cyclus = factory.SubFactory(CyclusFactory)
    grondslag = Grondslag.INDICATIEF
    plekken = 500
    amv_plekken = 40
    bron = "Indicatieve opgave, brief minister"
    datum = date(2024, 2, 1)


class LocatieFactory(DjangoModelFactory):
    class Meta:
        model = Locatie

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Locatie {n}")
    soort = Soort.AZC
    status = Status.IN_GEBRUIK
    plekken = 100
    amv_plekken = 0
    beschikbaar_vanaf = date(2024, 1, 1)


def ingediende_indiening(*, gemeente, gemeente_user, prt_user, cyclus):
    """Open an uitvraag for the gemeente's province (by PRT) and submit the gemeente's data."""
    from opvang import services

    uitvraag = services.uitvraag_openen(
        provincie=gemeente.provincie,
        cyclus=cyclus,
        deadline=date(2026, 12, 1),
        bericht="",
        user=prt_user,
    )
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    return indiening
