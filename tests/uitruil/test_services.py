"""Writes: Dutch refusals that change nothing, status transitions, rights, audit, locks."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import GemeenteFactory
from tests.parallel import in_parallel, winners_and_losers
from uitruil import services
from uitruil.constants import AfspraakStatus
from uitruil.models import Uitruilafspraak

from .helpers import akkoord, voorstel

pytestmark = pytest.mark.django_db


def fout(call):
    before = (
        Uitruilafspraak.history.count(),
        list(Uitruilafspraak.objects.values_list("status", flat=True)),
    )
    with pytest.raises(ValidationError) as exc:
        call()
    after = (
        Uitruilafspraak.history.count(),
        list(Uitruilafspraak.objects.values_list("status", flat=True)),
    )
    assert after == before
    return " ".join(exc.value.messages)


def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    provincie, prt_user, gemeente, andere_gemeente, vreemde_gemeente, cyclus, figuren
):
    p, u, a, b, c = provincie, prt_user, andere_gemeente, gemeente, cyclus
    assert "twee verschillende gemeenten" in fout(lambda: voorstel(p, u, a, a, c, plekken=5))
    assert "Arnhem ligt niet in de provincie Utrecht" in fout(
        lambda: voorstel(p, u, a, vreemde_gemeente, c, plekken=5)
    )
    assert "ten minste één groter dan 0" in fout(lambda: voorstel(p, u, a, b, c))
    assert "vóór het halfjaar ‘vanaf’" in fout(
        lambda: voorstel(p, u, a, b, c, personen=5, van=figuren["2025-H2"], tot=figuren["2025-H1"])
    )
    assert "Kies de halfjaren" in fout(lambda: voorstel(p, u, a, b, c, personen=5))
    # Amersfoort (600 places, 40 AMV) cannot hand over more than its opgave, nor go
    # below its AMV places.
    assert "zou na uitruil -1 worden (nu 600)" in fout(lambda: voorstel(p, u, b, a, c, plekken=601))
    assert "kleiner worden dan haar 40 AMV-plekken" in fout(
        lambda: voorstel(p, u, b, a, c, plekken=580)
    )
    # Amersfoort's taakstelling is 90 per half year.
    assert "taakstelling van gemeente Amersfoort in 2025-H1 zou na uitruil -1" in fout(
        lambda: voorstel(p, u, a, b, c, personen=91, van=figuren["2025-H1"])
    )
    assert "geen taakstelling" in fout(
        lambda: voorstel(p, u, a, b, c, personen=5, van=figuren["2026-H1"])
    )
    zonder = GemeenteFactory(code="GM0000", naam="Nergenshuizen", provincie=provincie)
    assert "Nergenshuizen heeft in cyclus 1 geen opgave" in fout(
        lambda: voorstel(p, u, zonder, b, c, plekken=5)
    )


def test_the_check_counts_the_other_akkoord_agreements(
    provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren
):
    # Zeist (300, AMV 20) hands over 200 to Utrecht; a second 90 would leave 10 < 20 AMV.
    akkoord(provincie, prt_user, gemeente, zeist, cyclus, plekken=200)
    tweede = voorstel(provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=50)
    derde = voorstel(provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=40)
    services.afspraak_akkoord(afspraak=tweede, user=prt_user)
    assert "kleiner worden dan haar 20 AMV-plekken" in fout(
        lambda: services.afspraak_akkoord(afspraak=derde, user=prt_user)
    )
    derde.refresh_from_db()
    assert derde.status == AfspraakStatus.VOORGESTELD


def test_status_transitions_and_their_audit_trail(
    provincie, prt_user, gemeente, andere_gemeente, cyclus, figuren
):
    afspraak = voorstel(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    assert afspraak.status == AfspraakStatus.VOORGESTELD
    services.afspraak_akkoord(afspraak=afspraak, user=prt_user)
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.akkoord_door) == (AfspraakStatus.AKKOORD, prt_user)
    assert "intussen akkoord door de PRT" in fout(
        lambda: services.afspraak_akkoord(afspraak=afspraak, user=prt_user)
    )
    assert "intussen akkoord door de PRT" in fout(
        lambda: services.afspraak_opslaan(
            provincie=provincie, user=prt_user, afspraak=afspraak, data={"asiel_plekken": 1}
        )
    )
    assert "Geef een reden op" in fout(
        lambda: services.afspraak_vervallen(afspraak=afspraak, user=prt_user, reden=" ")
    )
    services.afspraak_vervallen(afspraak=afspraak, user=prt_user, reden="Gemeenteraad tegen")
    assert "al vervallen" in fout(
        lambda: services.afspraak_vervallen(afspraak=afspraak, user=prt_user, reden="nogmaals")
    )
    history = list(afspraak.history.order_by("history_id"))
    assert [(h.status, h.history_user, h.history_change_reason) for h in history] == [
        ("voorgesteld", prt_user, "Voorgesteld"),
        ("akkoord", prt_user, "Akkoord door de PRT"),
        ("vervallen", prt_user, "Vervallen: Gemeenteraad tegen"),
    ]


@pytest.mark.parametrize(
    "wie", ["cvdk_user", "gemeente_user", "lrt_user", "beheer_user", "vreemde_prt_user"]
)
def test_only_the_provinces_prt_records_and_decides(
    request, wie, provincie, prt_user, gemeente, andere_gemeente, cyclus, figuren
):
    user = request.getfixturevalue(wie)
    afspraak = voorstel(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    count = Uitruilafspraak.history.count()
    with pytest.raises(PermissionDenied):
        voorstel(provincie, user, andere_gemeente, gemeente, cyclus, plekken=4)
    with pytest.raises(PermissionDenied):
        services.afspraak_akkoord(afspraak=afspraak, user=user)
    with pytest.raises(PermissionDenied):
        services.afspraak_vervallen(afspraak=afspraak, user=user, reden="x")
    assert Uitruilafspraak.history.count() == count


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_one_wins_the_other_gets_a_dutch_message(
    committed_db, provincie, prt_user, gemeente, andere_gemeente, cyclus, figuren
):
    afspraak = voorstel(provincie, prt_user, andere_gemeente, gemeente, cyclus, plekken=40)
    kopieen = [Uitruilafspraak.objects.get(pk=afspraak.pk) for _ in range(2)]
    outcomes = in_parallel(
        *(lambda k=k: services.afspraak_akkoord(afspraak=k, user=prt_user) for k in kopieen)
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert isinstance(losers[0], ValidationError)
    assert "intussen akkoord door de PRT" in losers[0].messages[0]
    assert afspraak.history.filter(status="akkoord").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_approvals_that_together_overdraw_never_both_land(
    committed_db, provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren
):
    # Zeist has 300 places (20 AMV): 150 + 150 together would leave it 0 < 20.
    een = voorstel(provincie, prt_user, gemeente, zeist, cyclus, plekken=150)
    twee = voorstel(provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=150)
    outcomes = in_parallel(
        lambda: services.afspraak_akkoord(afspraak=een, user=prt_user),
        lambda: services.afspraak_akkoord(afspraak=twee, user=prt_user),
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert "AMV-plekken" in losers[0].messages[0]
    assert Uitruilafspraak.objects.filter(status="akkoord").count() == 1


def test_an_agreement_others_rely_on_cannot_lapse_first(
    provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren
):
    # Zeist (300, AMV 20) takes 100 of Utrecht, then passes 350 on to Amersfoort:
    # without the first, Zeist would be left at -50.
    eerste = akkoord(provincie, prt_user, zeist, gemeente, cyclus, plekken=100)
    tweede = akkoord(provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=350)
    bericht = fout(
        lambda: services.afspraak_vervallen(afspraak=eerste, user=prt_user, reden="Ingetrokken")
    )
    assert "kan niet vervallen zolang andere afspraken erop steunen" in bericht
    assert "De opgave van gemeente Zeist zou na uitruil -50 worden" in bericht
    services.afspraak_vervallen(afspraak=tweede, user=prt_user, reden="Ingetrokken")
    services.afspraak_vervallen(afspraak=eerste, user=prt_user, reden="Ingetrokken")
    assert set(Uitruilafspraak.objects.values_list("status", flat=True)) == {"vervallen"}
