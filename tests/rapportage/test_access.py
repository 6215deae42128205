"""The access helpers of rapportage: another province's document is a logged 404."""

from datetime import date

import pytest
from django.http import Http404
from django.urls import reverse

from rapportage.access import get_documentversie_for_user_or_404, may_vaststellen
from rapportage.models import DocumentVersie
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(provincie, cyclus, cvdk_user):
    document = DocumentVersie(
        provincie=provincie,
        cyclus=cyclus,
        document="verslag",
        versie=1,
        kenmerk="D/24/1",
        datum=date(2024, 10, 30),
        peildatum=date(2024, 10, 15),
        bron="akkoord",
        rapport={},
        pdf=b"%PDF-1.7",
        vastgesteld_door=cvdk_user,
    )
    document.save()
    return document


def refusals(security_events):
    return [e["object"] for e in security_events if e["event"] == "access.refused"]


def test_another_provinces_document_is_a_logged_404(document, vreemde_prt_user, security_events):
    with pytest.raises(Http404):
        get_documentversie_for_user_or_404(vreemde_prt_user, document.pk)
    assert refusals(security_events) == [f"rapportage.documentversie:{document.pk}"]


def test_its_own_province_reads_the_document(document, prt_user):
    assert get_documentversie_for_user_or_404(prt_user, document.pk) == document


def test_downloading_another_provinces_document_is_a_logged_404(
    client, document, vreemde_prt_user, gemeente_user, security_events
):
    for user in (vreemde_prt_user, gemeente_user):
        client.login(username=user.username, password=TEST_PASSWORD)
        url = reverse("rapportage:document_download", args=[document.pk])
        assert client.get(url).status_code == 404
    assert refusals(security_events) == [f"rapportage.documentversie:{document.pk}"] * 2


def test_only_the_provinces_cvdk_may_vaststellen(provincie, cvdk_user, prt_user, beheer_user):
    assert may_vaststellen(cvdk_user, provincie)
    assert not may_vaststellen(prt_user, provincie)
    assert not may_vaststellen(beheer_user, provincie)
