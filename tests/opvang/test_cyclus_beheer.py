"""Beheer fills in cycle 2's settings and provincial opgaven as they become known.

National beheer (a plain member of the group "Beheer") sets the counting window and
the minimale looptijd of cycle 2 in /beheer/, adds a province's opgave for it, and
marks a herindeling; every change leaves a history record with who made it.
"""

from datetime import date

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente
from kern.dates import GEEN_EERSTE_JANUARI
from opvang.models import Cyclus, ProvincieOpgave
from tests.factories import CyclusFactory, GemeenteFactory


@pytest.fixture
def cyclus2(db):
    return CyclusFactory(nummer=2, telvenster_van=None, telvenster_tot=None)


def cyclus_form(cyclus, **changes):
    data = {
        "nummer": cyclus.nummer,
        "telvenster_van": "",
        "telvenster_tot": "",
        "minimale_looptijd": "",
        "indeling_per": "2026-01-01",
        "landelijke_raming": "88.000",
        "landelijke_raming_amv": "",
        "raming_bron": "Capaciteitsraming van 27 februari 2026",
        "raming_datum": "2026-02-27",
        "verslag_uiterlijk": "",
        "verdeelbesluit_uiterlijk": "2026-12-31",
        "realisatie_uiterlijk": "",
    }
    return data | changes


def test_beheer_sets_the_window_and_minimale_looptijd_of_cycle_2(
    client, cyclus2, landelijke_beheer_user
):
    client.force_login(landelijke_beheer_user)
    url = reverse("admin:opvang_cyclus_change", args=[cyclus2.pk])
    pagina = client.get(url).content.decode()
    assert "minimale looptijd (jaren)" in pagina.lower()
    assert "aanname van 5 jaar" in pagina
    data = cyclus_form(
        cyclus2, telvenster_van="2027-07-01", telvenster_tot="2028-02-01", minimale_looptijd="5"
    )
    response = client.post(url, data)
    assert response.status_code == 302
    cyclus2.refresh_from_db()
    assert cyclus2.minimale_looptijd == 5
    assert cyclus2.landelijke_raming == 88000
    assert cyclus2.telvenster.minimale_looptijd == 5
    assert cyclus2.history.latest().history_user == landelijke_beheer_user


@pytest.mark.parametrize(
    ("changes", "veld", "fout"),
    [
        ({"indeling_per": "2026-02-27"}, "indeling_per", GEEN_EERSTE_JANUARI),
        ({"minimale_looptijd": "0"}, "minimale_looptijd", None),
        ({"landelijke_raming_amv": "90000"}, None, "groter dan de raming"),
    ],
)
def test_a_wrong_setting_is_refused_in_dutch_and_changes_nothing(
    client, cyclus2, landelijke_beheer_user, changes, veld, fout
):
    client.force_login(landelijke_beheer_user)
    voor = cyclus2.history.count()
    url = reverse("admin:opvang_cyclus_change", args=[cyclus2.pk])
    response = client.post(url, cyclus_form(cyclus2, **changes))
    assert response.status_code == 200
    form = response.context["adminform"].form
    if veld:
        assert veld in form.errors
    if fout:
        assert fout in " ".join(str(m) for fouten in form.errors.values() for m in fouten)
    assert cyclus2.history.count() == voor
    assert Cyclus.objects.get(pk=cyclus2.pk).indeling_per is None


def test_beheer_adds_a_provincial_opgave_for_cycle_2(
    client, cyclus2, provincie, landelijke_beheer_user
):
    client.force_login(landelijke_beheer_user)
    data = {
        "provincie": provincie.pk,
        "cyclus": cyclus2.pk,
        "plekken": "7.700",
        "amv_plekken": "",
        "bron": "Extra plekken cyclus 2 (pers, 27 februari 2026)",
    }
    response = client.post(reverse("admin:opvang_provincieopgave_add"), data)
    assert response.status_code == 302
    opgave = ProvincieOpgave.objects.get(cyclus=cyclus2)
    assert (opgave.provincie, opgave.plekken) == (provincie, 7700)


def gemeente_form(gemeente, **changes):
    data = {
        "code": gemeente.code,
        "naam": gemeente.naam,
        "provincie": gemeente.provincie_id,
        "regio": "",
        "inwoners": "",
        "inwoners_peildatum": "",
        "ingesteld_per": "",
        "opgeheven_per": "",
        "opgegaan_in": "",
    }
    return data | changes


def test_beheer_marks_a_herindeling_on_a_1_january_only(
    client, gemeente, andere_gemeente, provinciale_beheer_user
):
    client.force_login(provinciale_beheer_user)
    url = reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk])
    fout = client.post(
        url, gemeente_form(gemeente, opgeheven_per="2026-07-01", opgegaan_in=andere_gemeente.pk)
    )
    assert fout.status_code == 200
    assert GEEN_EERSTE_JANUARI in fout.content.decode()
    assert Gemeente.objects.get(pk=gemeente.pk).opgeheven_per is None

    goed = client.post(
        url, gemeente_form(gemeente, opgeheven_per="2026-01-01", opgegaan_in=andere_gemeente.pk)
    )
    assert goed.status_code == 302
    gemeente.refresh_from_db()
    assert (gemeente.opgeheven_per, gemeente.opgegaan_in) == (date(2026, 1, 1), andere_gemeente)
    assert gemeente.history.latest().history_user == provinciale_beheer_user


def test_the_successor_choices_stay_in_the_province(
    client, gemeente, vreemde_gemeente, provinciale_beheer_user
):
    GemeenteFactory(provincie=gemeente.provincie, naam="Buurgemeente")
    client.force_login(provinciale_beheer_user)
    response = client.get(reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk]))
    keuzes = response.context["adminform"].form.fields["opgegaan_in"].queryset
    assert vreemde_gemeente not in keuzes
    assert keuzes.filter(naam="Buurgemeente").exists()
