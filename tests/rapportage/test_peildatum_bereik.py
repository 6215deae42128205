"""A peildatum outside the plausible range is refused wherever it is asked for.

concept.pdf?peildatum=9999-12-31 took 114 s and 3,2 GB in one gunicorn worker.
"""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from kern.dates import DATUM_BUITEN_BEREIK
from opvang.vraag import PeildatumField
from rapportage.documenten_forms import VaststellenForm
from rapportage.selectors import OngeldigeParameter, verslag_rapport
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db

BUITEN = ["0001-01-01", "1989-12-31", "2101-01-01", "9999-12-31"]


@pytest.fixture
def prt(client, prt_user, gemeente, cyclus):
    LocatieFactory(gemeente=gemeente)
    client.force_login(prt_user)
    return client


@pytest.mark.parametrize("peildatum", BUITEN)
def test_the_dashboard_refuses_an_implausible_peildatum(prt, peildatum):
    response = prt.get(reverse("rapportage:dashboard", args=["PV26"]), {"peildatum": peildatum})
    assert response.status_code == 400
    assert response.context["overzicht"].keuze.errors["peildatum"] == [DATUM_BUITEN_BEREIK]


@pytest.mark.parametrize("export", ["rapportage:gemeenten_csv", "rapportage:gemeenten_xlsx"])
def test_the_exports_refuse_an_implausible_peildatum(prt, export):
    response = prt.get(reverse(export, args=["PV26"]), {"peildatum": "9999-12-31"})
    assert response.status_code == 400
    assert DATUM_BUITEN_BEREIK in response.content.decode()


@pytest.mark.parametrize("peildatum", BUITEN)
def test_the_json_export_refuses_an_implausible_peildatum(prt, peildatum):
    response = prt.get(
        reverse("rapportage:verslag_json", args=["PV26", 1]), {"peildatum": peildatum}
    )
    assert response.status_code == 400
    assert response.json() == {"fout": DATUM_BUITEN_BEREIK}


@pytest.mark.parametrize(
    "document", ["rapportage:document_voorbeeld", "rapportage:document_concept"]
)
def test_the_documents_refuse_an_implausible_peildatum(prt, document):
    url = reverse(document, args=["PV26", 1, "verslag"])
    response = prt.get(url, {"peildatum": "9999-12-31", "bron": "actueel"})
    assert response.status_code == 400
    assert DATUM_BUITEN_BEREIK in response.content.decode()
    assert '<html lang="nl"' in response.content.decode()  # a page in the layout


def test_the_documents_page_says_so_and_shows_today(prt):
    url = reverse("rapportage:documenten", args=["PV26", 1])
    response = prt.get(url, {"peildatum": "0001-01-01"})
    assert response.status_code == 400
    assert response.context["peildatum"] == timezone.localdate()
    assert DATUM_BUITEN_BEREIK in response.content.decode()


def test_drawing_up_refuses_an_implausible_peildatum(provincie):
    form = VaststellenForm(
        {"kenmerk": "K", "peildatum": "2101-01-01", "bron": "akkoord", "knelpunten": "-",
         "vervolg": "-"},
        provincie=provincie,
    )  # fmt: skip
    assert form.errors["peildatum"] == [DATUM_BUITEN_BEREIK]


def test_the_gemeente_page_says_so_and_shows_today(client, gemeente_user, gemeente, cyclus):
    client.force_login(gemeente_user)
    url = reverse("opvang:gemeente_detail", args=[gemeente.code])
    response = client.get(url, {"peildatum": "9999-12-31"})
    assert response.status_code == 400
    assert response.context["peildatum"] == timezone.localdate()
    assert DATUM_BUITEN_BEREIK in response.content.decode()


@pytest.mark.parametrize("peildatum", BUITEN)
def test_the_verslag_command_refuses_an_implausible_peildatum(gemeente, cyclus, peildatum):
    with pytest.raises(CommandError, match=DATUM_BUITEN_BEREIK):
        call_command(
            "verslag", "--provincie", "PV26", "--cyclus", "1", "--peildatum", peildatum, "--json",
            stdout=StringIO(),
        )  # fmt: skip


def test_the_report_itself_refuses_an_implausible_peildatum(gemeente, cyclus):
    with pytest.raises(OngeldigeParameter, match=DATUM_BUITEN_BEREIK):
        verslag_rapport(provincie=gemeente.provincie, cyclus=cyclus, peildatum=date(9999, 12, 31))
    with pytest.raises(ValidationError, match=DATUM_BUITEN_BEREIK):
        PeildatumField().clean("0001-01-01")
    assert PeildatumField().clean("2100-12-31") == date(2100, 12, 31)
