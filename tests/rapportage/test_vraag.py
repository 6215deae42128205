"""RapportVraag: one parser, one set of defaults and errors, and the report it asks for."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from gemeenten.models import Provincie
from opvang.models import Cyclus
from opvang.vraag import ONBEKENDE_CYCLUS, ONGELDIGE_PEILDATUM
from rapportage.models import DocumentVersie
from rapportage.selectors import BRON_ACTUEEL, ONBEKENDE_BRON, verslag_rapport
from rapportage.serializers import rapport_als_json
from rapportage.vraag import RapportVraag, RapportVraagForm

from .conftest import BRIEF_CIJFERS, PEILDATUM


def test_an_empty_query_asks_for_today_and_actueel_in_the_latest_known_cycle(demo, cyclus1):
    form = RapportVraagForm({}, provincie=demo)

    assert form.is_valid()
    assert form.vraag() == RapportVraag(
        provincie=demo, cyclus=cyclus1, peildatum=timezone.localdate(), bron=BRON_ACTUEEL
    )


def test_a_cycle_from_the_url_is_fixed(demo, cyclus1):
    cyclus2 = Cyclus.objects.get(nummer=2)
    form = RapportVraagForm({"cyclus": "1"}, provincie=demo, cyclus=cyclus2)

    assert form.is_valid()
    assert form.vraag().cyclus == cyclus2


@pytest.mark.parametrize(
    ("query", "fout"),
    [
        ({"cyclus": "9"}, ONBEKENDE_CYCLUS % {"value": "9"}),
        ({"peildatum": "15-10-2024"}, ONGELDIGE_PEILDATUM),
        ({"bron": "morgen"}, ONBEKENDE_BRON),
    ],
)
def test_every_bad_choice_has_one_dutch_message(demo, query, fout):
    form = RapportVraagForm(query, provincie=demo)

    assert not form.is_valid()
    assert form.foutmelding() == fout


def test_the_command_reads_its_flags_with_the_same_parser(demo):
    with pytest.raises(CommandError) as fout:
        call_command("verslag", "--provincie", "PV26", "--cyclus", "9", "--json", stdout=StringIO())
    assert str(fout.value) == ONBEKENDE_CYCLUS % {"value": "9"}


def test_the_documents_page_defaults_to_actueel_like_the_dashboard(client, demo_prt):
    client.force_login(demo_prt)
    response = client.get(reverse("rapportage:documenten", args=["PV26", 1]))

    assert response.status_code == 200
    assert response.context["bron"] == BRON_ACTUEEL
    assert response.context["peildatum"] == timezone.localdate()


def test_drawing_up_fills_in_the_source_only_when_the_link_named_it(client, demo_cvdk):
    client.force_login(demo_cvdk)
    url = reverse("rapportage:document_vaststellen", args=["PV26", 1, "verslag"])

    zonder = client.get(url, {"peildatum": "2024-10-15"}).context["form"]
    met = client.get(url, {"peildatum": "2024-10-15", "bron": "akkoord"}).context["form"]

    assert zonder.initial == {"peildatum": PEILDATUM}
    assert met.initial == {"peildatum": PEILDATUM, "bron": "akkoord"}


def test_an_unknown_cycle_on_the_gemeente_page_is_a_400_in_dutch(client, demo_gemeente_user):
    client.force_login(demo_gemeente_user)
    url = reverse("opvang:gemeente_detail", args=[demo_gemeente_user.gemeente.code])

    response = client.get(url, {"cyclus": "9"})

    assert response.status_code == 400
    assert ONBEKENDE_CYCLUS % {"value": "9"} in response.content.decode()


def test_the_stored_json_is_the_whole_report_the_pdf_showed(client, demo_cvdk, demo, cyclus1):
    client.force_login(demo_cvdk)
    url = reverse("rapportage:document_vaststellen", args=["PV26", 1, "verslag"])
    response = client.post(
        url,
        {"kenmerk": "D/24/1", "peildatum": "2024-10-15", "bron": "actueel",
         "knelpunten": "-", "vervolg": "-", "stap": "bevestigen", "bevestigd": "on"},
    )  # fmt: skip

    # Back to the list on the peildatum and source just drawn up, not today's.
    lijst = reverse("rapportage:documenten", args=["PV26", 1])
    assert response.status_code == 302
    assert response.url == f"{lijst}?peildatum=2024-10-15&bron=actueel"

    opgeslagen = DocumentVersie.objects.get().rapport
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    # Beside the report, the uitruil agreements the verslag listed (the demo's one).
    uitruil = opgeslagen.pop("uitruil")
    assert [(a["gemeente_a"], a["gemeente_b"]) for a in uitruil["akkoord"]] == [
        ("GM0307", "GM0355")
    ]
    assert opgeslagen == rapport_als_json(rapport, volledig=True)
    assert {k: opgeslagen[k] for k in BRIEF_CIJFERS} == BRIEF_CIJFERS
    assert opgeslagen["capaciteit_per_maand"][0]["datum"] == "2003-01-01"  # azc Leersum
    assert [p["plekken"] for p in opgeslagen["capaciteit_per_maand"]] == [
        p.plekken for p in rapport.capaciteit
    ]
    for rij, gemeente in zip(rapport.gemeenten, opgeslagen["gemeenten"], strict=True):
        assert gemeente["regio"] == rij.regio != ""
        assert gemeente["indiening_status"] == rij.indiening_status
        assert gemeente["bron_beschikbaar"] is True
        assert [
            (loc["naam"], loc["categorie"], loc["plekken"]) for loc in gemeente["locaties"]
        ] == [(loc.naam, loc.categorie, loc.waarden.plekken) for loc in rij.locaties]
    assert sum(len(g["locaties"]) for g in opgeslagen["gemeenten"]) > 26


def test_the_json_export_keeps_its_documented_keys(demo, cyclus1):
    rapport = verslag_rapport(
        provincie=Provincie.objects.get(code="PV26"), cyclus=cyclus1, peildatum=date(2024, 10, 15)
    )
    kort, volledig = rapport_als_json(rapport), rapport_als_json(rapport, volledig=True)

    assert set(volledig) - set(kort) == {
        "noodopvang_telt",
        "uitvraag_deadline",
        "capaciteit_per_maand",
    }
    assert {k: v for k, v in volledig.items() if k in kort and k != "gemeenten"} == {
        k: v for k, v in kort.items() if k != "gemeenten"
    }
