"""A reviewer sees what changed since the gemeente's previous accepted submission."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from opvang import services
from opvang.vergelijking import snapshot_cijfers, vergelijk
from tests.factories import TEST_PASSWORD, LocatieFactory

pytestmark = pytest.mark.django_db


def rij(pk, naam, **waarden):
    return {
        "id": pk,
        "naam": naam,
        "soort": "azc",
        "status": "in_gebruik",
        "plekken": 100,
        "plekken_max": None,
        "amv_plekken": 0,
        "beschikbaar_vanaf": "2020-01-01",
        "beschikbaar_tot": None,
        "toelichting": "",
        **waarden,
    }


def snapshot(locaties, hard, hard_plan=0, opgave=400):
    telling = {
        "hard": hard,
        "hard_amv": 0,
        "hard_plan": hard_plan,
        "hard_plan_amv": 0,
        "planvoorraad_min": 0,
        "planvoorraad_max": 0,
        "planvoorraad_amv": 0,
        "huidig": hard,
    }
    return {"opgave": {"plekken": opgave}, "telling": telling, "locaties": locaties}


def test_locations_added_changed_removed_and_figures_before_after():
    vorige = snapshot([rij(1, "Azc Oost"), rij(2, "Hotel West")], hard=200)
    huidige = snapshot(
        [rij(1, "Azc Oost Noord", plekken=150, beschikbaar_tot="2030-12-31"), rij(3, "Nieuw")],
        hard=250,
        hard_plan=50,
    )
    v = vergelijk(vorige, huidige)
    assert (v.toegevoegd, v.verwijderd) == (("Nieuw",), ("Hotel West",))
    [w] = v.gewijzigd
    assert w.naam == "Azc Oost Noord"
    assert [(d.label, d.oud, d.nieuw) for d in w.verschillen] == [
        ("Naam locatie", "Azc Oost", "Azc Oost Noord"),
        ("Plekken", "100", "150"),
        ("Beschikbaar tot", "—", "31-12-2030"),
    ]
    cijfers = {c.label: (c.oud, c.nieuw) for c in v.cijfers}
    assert cijfers["Minimale dekking"] == ("200", "300")
    assert cijfers["Minimale dekking van de opgave"] == ("50,0%", "75,0%")
    assert cijfers["Opgave"] == ("400", "400")


def test_no_opgave_means_no_percentage():
    cijfers = dict(snapshot_cijfers({**snapshot([], hard=10), "opgave": None}))
    assert (cijfers["Opgave"], cijfers["Minimale dekking van de opgave"]) == ("—", "—")


def test_the_review_page_compares_with_the_previous_accepted_submission(
    client, gemeente, gemeente_user, prt_user, cyclus
):
    deadline = timezone.localdate() + timedelta(days=10)
    kwargs = {"provincie": gemeente.provincie, "cyclus": cyclus, "bericht": "", "user": prt_user}
    eerste_uitvraag = services.uitvraag_openen(deadline=deadline, **kwargs)
    blijft = LocatieFactory(gemeente=gemeente, naam="Azc Blijft", plekken=300)
    eerste, _ = services.indiening_indienen(
        uitvraag=eerste_uitvraag, gemeente=gemeente, user=gemeente_user
    )
    services.indiening_beoordelen(indiening=eerste, akkoord=True, opmerking="", user=prt_user)
    services.uitvraag_sluiten(uitvraag=eerste_uitvraag, user=prt_user)
    LocatieFactory(
        gemeente=gemeente, naam="Hotel Erbij", plekken=40, beschikbaar_vanaf=date(2020, 1, 1)
    )
    tweede_uitvraag = services.uitvraag_openen(deadline=deadline, **kwargs)
    tweede, _ = services.indiening_indienen(
        uitvraag=tweede_uitvraag, gemeente=gemeente, user=gemeente_user
    )
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    html = client.get(tweede.get_absolute_url()).content.decode()
    assert "Vergeleken met de vorige geaccepteerde indiening" in html
    assert "Toegevoegd (1)" in html and "Hotel Erbij" in html
    assert "Minimale dekking van de opgave" in html
    assert blijft.naam in html
    eerste_html = client.get(eerste.get_absolute_url()).content.decode()
    assert "er is niets om mee te vergelijken" in eerste_html
