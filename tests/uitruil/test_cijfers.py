"""Figures before and after uitruil: only akkoord agreements move them; totals stay equal."""

import random

import pytest

from gemeenten.models import Gemeente
from uitruil.effect import Ruil, verschuiving
from uitruil.selectors import gemeente_na_uitruil, uitruil_cijfers, verslag_afspraken

from .helpers import akkoord, voorstel

pytestmark = pytest.mark.django_db


def test_an_akkoord_agreement_moves_both_figures_of_both_gemeenten(
    provincie, prt_user, gemeente, andere_gemeente, cyclus, figuren
):
    akkoord(
        provincie, prt_user, andere_gemeente, gemeente, cyclus,
        plekken=40, personen=30, van=figuren["2025-H1"], tot=figuren["2025-H2"],
    )  # fmt: skip
    c = uitruil_cijfers(provincie, cyclus)
    # Amersfoort (A) takes 40 asylum places of Utrecht (B); Utrecht takes 30 statushouders.
    assert (c.opgave[andere_gemeente.pk].voor, c.opgave[andere_gemeente.pk].na) == (600, 640)
    assert (c.opgave[gemeente.pk].voor, c.opgave[gemeente.pk].na) == (1946, 1906)
    for code in ("2025-H1", "2025-H2"):
        assert c.taakstelling[andere_gemeente.pk, code].na == 60
        assert c.taakstelling[gemeente.pk, code].na == 230
    # A half year outside the period is left alone.
    assert c.taakstelling[gemeente.pk, "2026-H1"].na is None


def test_province_totals_are_the_same_before_and_after(
    provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren
):
    akkoord(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    akkoord(
        provincie, prt_user, gemeente, zeist, cyclus, plekken=10, personen=15,
        van=figuren["2025-H2"],
    )  # fmt: skip
    c = uitruil_cijfers(provincie, cyclus)
    assert c.totaal_opgave.voor == c.totaal_opgave.na == 1946 + 600 + 300
    for code in ("2025-H1", "2025-H2", "2026-H1"):
        t = c.totaal_taakstelling(code)
        assert t.voor == t.na
    assert c.totaal_taakstelling("2025-H2").na == 200 + 90 + 45
    assert c.opgave[zeist.pk].na == 290
    assert c.taakstelling[zeist.pk, "2025-H2"].na == 60  # the newer version 45, plus 15


def test_voorgesteld_and_vervallen_agreements_change_nothing(
    provincie, prt_user, gemeente, andere_gemeente, cyclus, figuren
):
    from uitruil import services

    voorstel(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    vervallen = akkoord(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=25)
    services.afspraak_vervallen(afspraak=vervallen, user=prt_user, reden="Ingetrokken")
    c = uitruil_cijfers(provincie, cyclus)
    assert all(not x.gewijzigd for x in c.opgave.values())
    assert all(not x.gewijzigd for x in c.taakstelling.values())


@pytest.mark.parametrize("seed", range(25))
def test_the_sum_over_gemeenten_never_changes_for_random_agreements(seed):
    rnd = random.Random(seed)  # noqa: S311 (reproducible test data, no secret)
    gemeenten = list(range(1, 8))
    codes = ("2025-H1", "2025-H2", "2026-H1")
    ruilen = []
    for _ in range(rnd.randint(1, 12)):
        a, b = rnd.sample(gemeenten, 2)
        start = rnd.randrange(len(codes))
        ruilen.append(
            Ruil(a, b, rnd.randint(0, 500), rnd.randint(0, 80),
                 codes[start : rnd.randint(start + 1, len(codes))])
        )  # fmt: skip
    v = verschuiving(ruilen)
    assert sum(v.opgave.values()) == 0
    for code in codes:
        assert sum(d for (_, c), d in v.taak.items() if c == code) == 0
    # Each gemeente's change is what it took over minus what it handed over.
    for g in gemeenten:
        genomen = sum(r.asiel_plekken for r in ruilen if r.gemeente_a == g)
        gegeven = sum(r.asiel_plekken for r in ruilen if r.gemeente_b == g)
        assert v.opgave.get(g, 0) == genomen - gegeven


def test_the_province_figures_take_a_fixed_number_of_queries(
    provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren,
    django_assert_num_queries,
):  # fmt: skip
    akkoord(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    akkoord(provincie, prt_user, zeist, gemeente, cyclus, plekken=10)
    gemeenten = list(Gemeente.objects.filter(provincie=provincie))
    with django_assert_num_queries(4):
        uitruil_cijfers(provincie, cyclus, gemeenten=gemeenten)


def test_the_gemeente_page_figures_and_the_verslag_section(
    provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren
):
    akkoord(
        provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=40, personen=30,
        van=figuren["2025-H2"],
    )  # fmt: skip
    voorstel(provincie, prt_user, gemeente, zeist, cyclus, plekken=5)
    assert gemeente_na_uitruil(gemeente, cyclus) is None  # only a voorstel
    na = gemeente_na_uitruil(zeist, cyclus)
    assert (na.opgave.voor, na.opgave.na) == (300, 260)
    ((code, taak),) = na.taakstelling
    assert (code, taak.voor, taak.na) == ("2025-H2", 45, 75)
    assert gemeente_na_uitruil(zeist).opgave is None  # the statushouders page: no cycle
    verslag = verslag_afspraken(provincie.code, cyclus.nummer)
    assert len(verslag.akkoord) == 1 and len(verslag.voorgesteld) == 1
    a, b = verslag.akkoord[0].gemeenten
    assert (a.naam, a.opgave.na, b.naam, b.opgave.na) == ("Amersfoort", 640, "Zeist", 260)
    assert verslag.akkoord[0].periode == "2025-H2"
    assert verslag.totaal_opgave.voor == verslag.totaal_opgave.na
