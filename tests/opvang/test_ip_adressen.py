"""Officials' IP addresses in the history are personal data: only beheer sees them (AVG)."""

import io
import re
import zipfile
from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse
from simple_history.models import HistoricalRecords

from opvang import services
from opvang.constants import Status
from opvang.models import Locatie
from opvang.selectors import wijzigingen
from opvang.velden import VELDNAMEN
from tests.factories import TEST_PASSWORD, ingediende_indiening

pytestmark = pytest.mark.django_db

IP = "192.0.2.77"


@contextmanager
def from_ip(request):
    """Record the writes inside the block as made from IP, as during a request."""
    HistoricalRecords.context.request = request
    try:
        yield
    finally:
        del HistoricalRecords.context.request


@pytest.fixture
def history(rf, gemeente, gemeente_user, prt_user, cyclus):
    """The history pages of a location and a submission, written from IP."""
    with from_ip(rf.get("/", REMOTE_ADDR=IP)):
        return _write_history(gemeente, gemeente_user, prt_user, cyclus)


def _write_history(gemeente, gemeente_user, prt_user, cyclus):
    locatie = services.locatie_aanmaken(
        gemeente=gemeente,
        data={"naam": "azc Oost", "soort": "azc", "status": Status.IN_VOORBEREIDING, "plekken": 10},
        user=gemeente_user,
    )
    services.locatie_wijzigen(locatie=locatie, versie=1, data={"plekken": 25}, user=gemeente_user)
    indiening = ingediende_indiening(
        gemeente=gemeente, gemeente_user=gemeente_user, prt_user=prt_user, cyclus=cyclus
    )
    assert locatie.history.filter(ip_address=IP).count() == 2
    assert indiening.history.filter(ip_address=IP).exists()
    return [
        reverse("opvang:locatie_wijzigingen", args=[locatie.pk]),
        reverse("opvang:indiening_detail", args=[indiening.pk]),
    ]


def pages(user, urls):
    client = Client()
    client.login(username=user.username, password=TEST_PASSWORD)
    responses = [client.get(url) for url in urls]
    assert [r.status_code for r in responses] == [200] * len(urls)
    return [r.content.decode() for r in responses]


@pytest.mark.parametrize("persona", ["gemeente_user", "prt_user", "cvdk_user"])
def test_history_pages_show_no_ip_address_but_to_beheer(request, history, persona):
    for content in pages(request.getfixturevalue(persona), history):
        assert IP not in content
        assert not re.search(r"IP-adres \d|geen IP-adres", content)
        assert "Wijziging" in content or "Geschiedenis" in content


def test_beheer_sees_the_ip_address_on_history_pages(history, beheer_user):
    for content in pages(beheer_user, history):
        assert f"IP-adres {IP}" in content


def test_the_selector_leaves_the_ip_address_out_unless_asked(history):
    locatie = Locatie.objects.get()
    assert {w.ip_address for w in wijzigingen(locatie, VELDNAMEN)} == {None}
    met_ip = wijzigingen(locatie, VELDNAMEN, met_ip_adres=True)
    assert {w.ip_address for w in met_ip} == {IP}


def _text(response):
    """Return every byte of a response, an XLSX's packed parts unpacked."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as xlsx:
            return b"".join(xlsx.read(name) for name in xlsx.namelist())
    return body


EXPORTS = [
    ("rapportage:gemeenten_csv", ["PV26"]),
    ("rapportage:gemeenten_xlsx", ["PV26"]),
    ("rapportage:verslag_json", ["PV26", 1]),
    ("opvang:excel_locaties_export", ["PV26"]),
    ("opvang:excel_sjabloon_provincie", ["PV26"]),
    ("opvang:excel_sjabloon_gemeente", ["GM0344"]),
]


@pytest.mark.parametrize("persona", ["prt_user", "beheer_user"])
@pytest.mark.parametrize(("name", "args"), EXPORTS, ids=[n for n, _ in EXPORTS])
def test_no_export_contains_an_ip_address(request, client, history, persona, name, args):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert IP.encode() not in _text(response)
