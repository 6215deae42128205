"""Beheer's verdeelbesluit pages: who may use them, the upload, preview and confirmation,
and two confirmations at the same moment (tests/parallel.py)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opvang.constants import Grondslag
from opvang.models import Opgave, Verdeelbesluit
from opvang.selectors import geldende_opgaven
from opvang.verdeelbesluit import (
    AL_VERWERKT,
    BesluitVerouderd,
    verdeelbesluit_verwerken,
    verdeelbesluit_voorbereiden,
)
from tests.factories import CyclusFactory, GemeenteFactory, OpgaveFactory
from tests.opvang.test_verdeelbesluit import besluit_bestand
from tests.parallel import in_parallel, winners_and_losers

BESTAND = besluit_bestand(
    ("GM0344", "Utrecht", 1946, 152, "nee", None),
    ("GM0351", "Woudenberg", 0, None, "nee", None),
)


@pytest.fixture
def opgaven(gemeente, provincie):
    cyclus = CyclusFactory(nummer=1)
    stad = gemeente  # GM0344 Utrecht
    woudenberg = GemeenteFactory(code="GM0351", naam="Woudenberg", provincie=provincie)
    OpgaveFactory(gemeente=stad, cyclus=cyclus, plekken=1988, amv_plekken=169)
    OpgaveFactory(gemeente=woudenberg, cyclus=cyclus, plekken=94, amv_plekken=8)
    return cyclus, stad, woudenberg


def formulier(cyclus, inhoud=BESTAND, **extra):
    return {
        "bestand": SimpleUploadedFile("besluit.xlsx", inhoud),
        "cyclus": cyclus.pk,
        "grondslag": "verdeelbesluit",
        "kenmerk": "2024-0001234",
        "datum": "31-12-2024",
        "titel": "Verdeelbesluit cyclus 1",
        **extra,
    }


URLS = ["verdeelbesluit_list", "verdeelbesluit_sjabloon", "verdeelbesluit_laden"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "gebruiker",
    [
        "gemeente_user",
        "prt_user",
        "cvdk_user",
        "lrt_user",
        "provinciale_beheer_user",
    ],
)
def test_only_national_beheer_uses_the_pages(request, client, opgaven, gebruiker):
    cyclus = opgaven[0]
    client.force_login(request.getfixturevalue(gebruiker))
    for naam in URLS:
        assert client.get(reverse(f"opvang:{naam}")).status_code == 403
    voor = Opgave.history.count(), Verdeelbesluit.objects.count()
    response = client.post(reverse("opvang:verdeelbesluit_laden"), formulier(cyclus))
    assert response.status_code == 403
    assert (Opgave.history.count(), Verdeelbesluit.objects.count()) == voor


@pytest.mark.django_db
def test_beheer_uploads_previews_and_confirms(client, opgaven, landelijke_beheer_user):
    cyclus, stad, woudenberg = opgaven
    client.force_login(landelijke_beheer_user)
    for naam in URLS:
        assert client.get(reverse(f"opvang:{naam}")).status_code == 200
    response = client.post(reverse("opvang:verdeelbesluit_laden"), formulier(cyclus))
    record = Verdeelbesluit.objects.get()
    assert response.url == reverse("opvang:verdeelbesluit_detail", args=[record.pk])
    pagina = client.get(response.url).content.decode()
    assert "1.988 (AMV 169)" in pagina
    assert "1.946 (AMV 152)" in pagina
    assert "Bevestigen en vastleggen" in pagina
    assert Opgave.objects.count() == 2

    response = client.post(reverse("opvang:verdeelbesluit_detail", args=[record.pk]))
    assert response.status_code == 302
    geldend = geldende_opgaven(cyclus, [stad, woudenberg])
    assert [geldend[g.pk].plekken for g in (stad, woudenberg)] == [1946, 0]
    record.refresh_from_db()
    assert (record.kenmerk, record.datum, record.status) == (
        "2024-0001234",
        date(2024, 12, 31),
        "verwerkt",
    )
    lijst = client.get(reverse("opvang:verdeelbesluit_list")).content.decode()
    assert "2024-0001234" in lijst and "31-12-2024" in lijst


@pytest.mark.django_db
def test_a_bad_file_lists_its_errors_in_dutch_and_records_nothing(
    client, opgaven, landelijke_beheer_user
):
    cyclus = opgaven[0]
    client.force_login(landelijke_beheer_user)
    inhoud = besluit_bestand(
        ("GM0344", "Utrecht", 100, 152, "nee", None), ("GM0351", "Woudenberg", 0, None, "ja", None)
    )
    response = client.post(reverse("opvang:verdeelbesluit_laden"), formulier(cyclus, inhoud))
    pagina = response.content.decode()
    assert response.status_code == 200
    assert "Er zijn 2 fouten gevonden" in pagina
    assert "Het aantal AMV-plekken is groter dan de opgave." in pagina
    assert "Vul het minimum aantal plekken van de aangewezen gemeente in." in pagina
    assert Verdeelbesluit.objects.count() == 0
    assert Opgave.objects.count() == 2
    # The error list downloads as for the uitvraag import.
    assert client.get(reverse("opvang:import_fouten")).status_code == 200


@pytest.mark.django_db
def test_another_beheer_user_cannot_see_or_confirm_a_preview(
    client, opgaven, landelijke_beheer_user, beheer_user
):
    record = verdeelbesluit_voorbereiden(
        bestand=BESTAND,
        bestandsnaam="besluit.xlsx",
        user=landelijke_beheer_user,
        cyclus=opgaven[0],
        grondslag=Grondslag.VERDEELBESLUIT,
        kenmerk="1",
        datum=date(2024, 12, 31),
    )
    client.force_login(beheer_user)
    url = reverse("opvang:verdeelbesluit_detail", args=[record.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Opgave.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_record_the_versions_once(
    committed_db, opgaven, landelijke_beheer_user
):
    cyclus = opgaven[0]
    record = verdeelbesluit_voorbereiden(
        bestand=BESTAND,
        bestandsnaam="besluit.xlsx",
        user=landelijke_beheer_user,
        cyclus=cyclus,
        grondslag=Grondslag.VERDEELBESLUIT,
        kenmerk="1",
        datum=date(2024, 12, 31),
    )
    outcomes = in_parallel(
        lambda: verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user),
        lambda: verdeelbesluit_verwerken(record=record, user=landelijke_beheer_user),
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert [type(e) for e in losers] == [BesluitVerouderd]
    assert str(losers[0]) == AL_VERWERKT
    assert Opgave.objects.filter(grondslag="verdeelbesluit").count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_files_of_the_same_cycle_confirmed_at_once_never_both_write(
    committed_db, opgaven, landelijke_beheer_user
):
    """Two uploads of the same decision: the second sees the first's versions and stops."""
    cyclus = opgaven[0]
    records = [
        verdeelbesluit_voorbereiden(
            bestand=BESTAND,
            bestandsnaam=f"besluit-{n}.xlsx",
            user=landelijke_beheer_user,
            cyclus=cyclus,
            grondslag=Grondslag.VERDEELBESLUIT,
            kenmerk=str(n),
            datum=date(2024, 12, 31),
        )
        for n in (1, 2)
    ]
    outcomes = in_parallel(
        *(
            (lambda r=r: verdeelbesluit_verwerken(record=r, user=landelijke_beheer_user))
            for r in records
        )
    )
    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert [type(e) for e in losers] == [BesluitVerouderd]
    assert Opgave.objects.filter(grondslag="verdeelbesluit").count() == 2
    statussen = sorted(Verdeelbesluit.objects.values_list("status", flat=True))
    assert statussen == ["afgewezen", "verwerkt"]
