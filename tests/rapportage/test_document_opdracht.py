"""PDFs are made by a background task: state on a page, download, failure and retry."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from gemeenten.constants import Rol
from rapportage.constants import OpdrachtStatus
from rapportage.models import DocumentOpdracht, DocumentVersie
from tests.factories import (
    CyclusFactory,
    GemeenteFactory,
    OpgaveFactory,
    ProvincieFactory,
    UserFactory,
)

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
VASTSTELLING = {
    "kenmerk": "D/26/1",
    "peildatum": "2026-10-15",
    "bron": "actueel",
    "knelpunten": "Geen.",
    "vervolg": "Verder.",
    # The second step: what is drawn up was shown and confirmed.
    "stap": "bevestigen",
    "bevestigd": "on",
}


@pytest.fixture
def klein(db):
    provincie = ProvincieFactory(code="PV93", naam="Kleine provincie")
    CyclusFactory()
    OpgaveFactory(
        gemeente=GemeenteFactory(code="GM0931", provincie=provincie), plekken=10, amv_plekken=0
    )
    prt = UserFactory(username="prt-opdracht", rol=Rol.PRT, provincie=provincie)
    cvdk = UserFactory(username="cvdk-opdracht", rol=Rol.CVDK, provincie=provincie)
    return provincie, prt, cvdk


def concept_url():
    return reverse("rapportage:document_concept", args=["PV93", 1, "verslag"])


def test_the_immediate_backend_makes_the_concept_once_per_data_version(client, klein):
    _, prt, _ = klein
    client.force_login(prt)

    eerste = client.get(concept_url(), {"peildatum": "2026-10-15"})
    tweede = client.get(concept_url(), {"peildatum": "2026-10-15"})

    assert eerste["Content-Type"] == tweede["Content-Type"] == "application/pdf"
    assert eerste.content == tweede.content
    opdracht = DocumentOpdracht.objects.get()
    assert (opdracht.status, opdracht.aangevraagd_door) == (OpdrachtStatus.KLAAR, prt)


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_shows_progress_until_the_worker_made_it(
    committed_db, client, klein, settings
):
    settings.TASKS = DB_BACKEND
    _, prt, _ = klein
    client.force_login(prt)

    response = client.get(concept_url(), {"peildatum": "2026-10-15"})

    opdracht = DocumentOpdracht.objects.get()
    assert response.url == reverse("rapportage:document_opdracht", args=[opdracht.pk])
    pagina = client.get(response.url).content.decode()
    assert "in de wachtrij" in pagina and 'http-equiv="refresh"' in pagina
    download = reverse("rapportage:document_opdracht_download", args=[opdracht.pk])
    assert client.get(download).url == response.url  # nothing to download yet

    call_command("db_worker", batch=True, verbosity=0)

    opdracht.refresh_from_db()
    assert opdracht.status == OpdrachtStatus.KLAAR
    pagina = client.get(response.url).content.decode()
    assert "Het document is klaar" in pagina and "refresh" not in pagina
    pdf = client.get(download)
    assert pdf["Content-Type"] == "application/pdf"
    assert client.get(concept_url(), {"peildatum": "2026-10-15"}).content == pdf.content


@pytest.mark.django_db(transaction=True)
def test_vaststellen_in_the_background_keeps_the_archive_rules(
    committed_db, client, klein, settings
):
    settings.TASKS = DB_BACKEND
    _, _, cvdk = klein
    client.force_login(cvdk)
    url = reverse("rapportage:document_vaststellen", args=["PV93", 1, "verslag"])

    response = client.post(url, VASTSTELLING)

    assert not DocumentVersie.objects.exists()
    call_command("db_worker", batch=True, verbosity=0)
    versie = DocumentVersie.objects.get()
    assert (versie.kenmerk, versie.vastgesteld_door, versie.versie) == ("D/26/1", cvdk, 1)
    pagina = client.get(response.url).content.decode()
    assert "Vastgesteld als versie 1 met kenmerk D/26/1" in pagina


def test_a_failed_render_shows_its_reason_and_can_be_retried(client, klein, monkeypatch):
    from rapportage import services

    _, prt, _ = klein
    client.force_login(prt)

    def kapot(opdracht):
        raise MemoryError

    monkeypatch.setattr(services, "concept_pdf", kapot)
    response = client.get(concept_url(), {"peildatum": "2026-10-15"})
    opdracht = DocumentOpdracht.objects.get()
    assert opdracht.status == OpdrachtStatus.MISLUKT
    pagina = client.get(response.url).content.decode()
    assert "mislukt door een fout in het systeem (MemoryError)" in pagina
    assert "Opnieuw proberen" in pagina

    monkeypatch.undo()
    opnieuw = reverse("rapportage:document_opdracht_opnieuw", args=[opdracht.pk])
    assert client.post(opnieuw).url == response.url
    opdracht.refresh_from_db()
    assert (opdracht.status, opdracht.fout) == (OpdrachtStatus.KLAAR, "")
    assert client.post(opnieuw).status_code == 302  # a finished one is not started again
    assert DocumentOpdracht.objects.count() == 1


def test_a_concurrent_vaststelling_is_shown_on_the_form(client, klein, monkeypatch):
    from django.core.exceptions import ValidationError

    from rapportage import services

    _, _, cvdk = klein
    client.force_login(cvdk)

    def gelijktijdig(opdracht):
        raise ValidationError(services.GELIJKTIJDIG_VASTGESTELD)

    monkeypatch.setattr(services, "opdracht_vaststellen", gelijktijdig)
    url = reverse("rapportage:document_vaststellen", args=["PV93", 1, "verslag"])
    response = client.post(url, VASTSTELLING)

    assert response.status_code == 200
    assert services.GELIJKTIJDIG_VASTGESTELD in response.content.decode()
