"""The report's rows kept per gemeente: a write recounts its gemeente, nothing stale shows."""

import json
from datetime import date

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente, User
from opvang import services
from opvang.constants import Status
from opvang.models import Indiening, Locatie
from rapportage import selectors
from rapportage.serializers import rapport_als_json
from rapportage.vraag import RapportVraagForm

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db

QUERY = {"cyclus": 1, "peildatum": PEILDATUM.isoformat()}
UTRECHT, AMERSFOORT = "GM0344", "GM0307"


@pytest.fixture
def prt_client(client, demo_prt):
    client.force_login(demo_prt)
    return client


@pytest.fixture
def getelde(monkeypatch):
    """The codes of the gemeenten whose row is counted (not read from the cache)."""
    codes = []
    echt = selectors.tel_gemeente

    def tel_gemeente(**kwargs):
        codes.append(kwargs["gemeente"].code)
        return echt(**kwargs)

    monkeypatch.setattr(selectors, "tel_gemeente", tel_gemeente)
    return codes


def json_cijfers(client):
    url = reverse("rapportage:verslag_json", args=["PV26", 1])
    response = client.get(url, {"peildatum": PEILDATUM.isoformat()})
    assert response.status_code == 200
    return response.json()


def per_gemeente(data):
    return {g["code"]: g for g in data["gemeenten"]}


def vers(demo):
    """The report's JSON counted now, past every cache."""
    form = RapportVraagForm(QUERY, provincie=demo)
    assert form.is_valid(), form.errors
    data = rapport_als_json(form.vraag().tel(met_locaties=False))
    return json.loads(json.dumps(data, default=str))


def zonder_delen(data):
    return {k: v for k, v in data.items() if k not in ("ontheemden", "statushouders")}


def in_gebruik(code):
    return (
        Locatie.objects.filter(
            gemeente__code=code,
            status=Status.IN_GEBRUIK,
            beschikbaar_vanaf__lte=PEILDATUM,
            beschikbaar_tot=None,
        )
        .order_by("pk")
        .first()
    )


def test_a_location_write_recounts_its_gemeente_only_and_the_rest_is_unchanged(
    prt_client, demo, demo_prt, getelde
):
    voor = json_cijfers(prt_client)
    prt_client.get(reverse("rapportage:dashboard", args=["PV26"]), QUERY)
    getelde.clear()
    azc = in_gebruik(UTRECHT)
    services.locatie_wijzigen(
        locatie=azc, versie=azc.versie, data={"plekken": azc.plekken + 1000}, user=demo_prt
    )

    na = json_cijfers(prt_client)
    html = prt_client.get(reverse("rapportage:dashboard", args=["PV26"]), QUERY).content.decode()

    assert set(getelde) == {UTRECHT}  # counted again for the JSON's report and the dashboard's
    assert na["huidige_capaciteit"] == voor["huidige_capaciteit"] + 1000
    rij_voor, rij_na = per_gemeente(voor)[UTRECHT], per_gemeente(na)[UTRECHT]
    assert rij_na["huidige_capaciteit"] == rij_voor["huidige_capaciteit"] + 1000
    anderen = set(per_gemeente(voor)) - {UTRECHT}
    assert all(per_gemeente(na)[c] == per_gemeente(voor)[c] for c in anderen)
    assert f"{na['huidige_capaciteit']:,}".replace(",", ".") in html
    assert zonder_delen(na) == zonder_delen(vers(demo))


def test_a_location_moved_to_another_gemeente_changes_both_rows(
    prt_client, demo, demo_prt, getelde
):
    voor = per_gemeente(json_cijfers(prt_client))
    getelde.clear()
    azc = in_gebruik(UTRECHT)
    azc.gemeente = Gemeente.objects.get(code=AMERSFOORT)  # as the admin may do
    azc.save()

    na_data = json_cijfers(prt_client)
    na = per_gemeente(na_data)

    assert set(getelde) == {UTRECHT, AMERSFOORT}
    plekken = azc.plekken
    assert na[UTRECHT]["huidige_capaciteit"] == voor[UTRECHT]["huidige_capaciteit"] - plekken
    assert na[AMERSFOORT]["huidige_capaciteit"] == voor[AMERSFOORT]["huidige_capaciteit"] + plekken
    assert zonder_delen(na_data) == zonder_delen(vers(demo))


def test_an_opgave_recounts_its_gemeente_only(prt_client, demo, cyclus1, demo_beheer, getelde):
    voor = per_gemeente(json_cijfers(prt_client))
    getelde.clear()
    services.opgave_vastleggen(
        gemeente=Gemeente.objects.get(code=AMERSFOORT),
        cyclus=cyclus1,
        grondslag="verdeelbesluit",
        plekken=voor[AMERSFOORT]["opgave"]["plekken"] + 9,
        amv_plekken=0,
        bron="Test",
        datum=date(2026, 11, 30),
        user=demo_beheer,
    )

    na_data = json_cijfers(prt_client)
    na = per_gemeente(na_data)

    assert getelde == [AMERSFOORT]
    assert na[AMERSFOORT]["opgave"]["plekken"] == voor[AMERSFOORT]["opgave"]["plekken"] + 9
    assert all(na[c] == voor[c] for c in set(voor) - {AMERSFOORT})
    assert zonder_delen(na_data) == zonder_delen(vers(demo))


def vraag(demo, bron="actueel"):
    form = RapportVraagForm({**QUERY, "bron": bron}, provincie=demo)
    assert form.is_valid(), form.errors
    return form.vraag()


def rij(rapport, code):
    return next(r for r in rapport.gemeenten if r.code == code)


def test_a_submission_recounts_its_gemeente_and_an_uitvraag_every_gemeente(
    demo, cyclus1, demo_prt, getelde
):
    vraag(demo).rapport(met_locaties=False)
    getelde.clear()
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2026, 12, 1), bericht="", user=demo_prt
    )
    rapport = vraag(demo).rapport(met_locaties=False)
    assert len(getelde) == len(rapport.gemeenten)  # an uitvraag is province-wide
    assert rapport.uitvraag_deadline == date(2026, 12, 1)
    getelde.clear()
    zeist = Gemeente.objects.get(code="GM0355")
    services.indiening_indienen(
        uitvraag=uitvraag, gemeente=zeist, user=User.objects.get(username="gemeente-zeist")
    )
    assert rij(vraag(demo).rapport(met_locaties=False), "GM0355").indiening_status == "ingediend"
    assert getelde == ["GM0355"]
    getelde.clear()
    services.indiening_beoordelen(
        indiening=Indiening.objects.get(gemeente=zeist), akkoord=True, opmerking="", user=demo_prt
    )

    bewaard = vraag(demo).rapport(met_locaties=False)

    assert rij(bewaard, "GM0355").indiening_status == "akkoord"
    assert getelde == ["GM0355"]
    assert bewaard == vraag(demo).tel(met_locaties=False)


def test_the_akkoord_source_follows_a_review_at_once(demo, cyclus1, demo_prt):
    voor = vraag(demo, "akkoord").rapport()
    assert rij(voor, "GM0355").bron_beschikbaar is False
    uitvraag = services.uitvraag_openen(
        provincie=demo, cyclus=cyclus1, deadline=date(2026, 12, 1), bericht="", user=demo_prt
    )
    zeist = Gemeente.objects.get(code="GM0355")
    services.indiening_indienen(
        uitvraag=uitvraag, gemeente=zeist, user=User.objects.get(username="gemeente-zeist")
    )
    services.indiening_beoordelen(
        indiening=Indiening.objects.get(gemeente=zeist), akkoord=True, opmerking="", user=demo_prt
    )

    na = vraag(demo, "akkoord").rapport()

    assert rij(na, "GM0355").bron_beschikbaar is True
    assert rij(na, "GM0355").locaties  # the kept rows with locations, for the annex
    assert na == vraag(demo, "akkoord").tel()
    assert [loc.naam for loc in rij(na, "GM0355").locaties] == [
        loc.naam for loc in rij(vraag(demo, "akkoord").tel(), "GM0355").locaties
    ]
