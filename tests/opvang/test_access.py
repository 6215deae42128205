"""The access helpers of opvang: another scope's object is a 404, and the refusal logged."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from gemeenten import access as gemeenten_access
from gemeenten.constants import Rol
from opvang import access, services
from opvang.models import Uitvraag, UitvraagImport
from tests.factories import TEST_PASSWORD, LocatieFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitvraag(gemeente, prt_user, cyclus):
    return services.uitvraag_openen(
        provincie=gemeente.provincie,
        cyclus=cyclus,
        deadline=date(2026, 12, 1),
        bericht="",
        user=prt_user,
    )


def make_import(user, *, gemeente=None, provincie=None):
    return UitvraagImport.objects.create(
        bestandsnaam="uitvraag.xlsx",
        sha256="0" * 64,
        bestand=b"PK",
        gemeente=gemeente,
        provincie=provincie,
        geupload_door=user,
    )


def refusals(security_events):
    return [e["object"] for e in security_events if e["event"] == "access.refused"]


def assert_refused(load, user, key, label, security_events):
    with pytest.raises(Http404):
        load(user, key)
    assert refusals(security_events) == [label]


def test_another_gemeentes_gemeente_is_a_logged_404(
    gemeente, andere_gemeente_user, security_events
):
    load = gemeenten_access.get_gemeente_for_user_or_404
    label = f"gemeenten.gemeente:{gemeente.pk}"
    assert_refused(load, andere_gemeente_user, gemeente.code, label, security_events)


def test_another_gemeentes_locatie_is_a_logged_404(gemeente, andere_gemeente_user, security_events):
    locatie = LocatieFactory(gemeente=gemeente)
    load = access.get_locatie_for_user_or_404
    label = f"opvang.locatie:{locatie.pk}"
    assert_refused(load, andere_gemeente_user, locatie.pk, label, security_events)


def test_another_provinces_uitvraag_is_a_logged_404(uitvraag, vreemde_prt_user, security_events):
    load = access.get_uitvraag_for_user_or_404
    label = f"opvang.uitvraag:{uitvraag.pk}"
    assert_refused(load, vreemde_prt_user, uitvraag.pk, label, security_events)


def test_another_gemeentes_indiening_is_a_logged_404(
    uitvraag, gemeente, gemeente_user, andere_gemeente_user, security_events
):
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    load = access.get_indiening_for_user_or_404
    label = f"opvang.indiening:{indiening.pk}"
    assert_refused(load, andere_gemeente_user, indiening.pk, label, security_events)


def test_another_province_is_a_logged_404_and_a_gemeente_reads_no_province(
    provincie, vreemde_prt_user, gemeente_user, security_events
):
    load = gemeenten_access.get_provincie_for_user_or_404
    label = f"gemeenten.provincie:{provincie.pk}"
    assert_refused(load, vreemde_prt_user, provincie.code, label, security_events)
    with pytest.raises(Http404):
        load(gemeente_user, provincie.code)
    assert refusals(security_events) == [label, label]


def test_another_users_import_is_a_logged_404(
    gemeente, gemeente_user, andere_gemeente_user, prt_user, security_events
):
    record = make_import(gemeente_user, gemeente=gemeente)
    assert access.get_uitvraagimport_for_user_or_404(gemeente_user, record.pk) == record
    load = access.get_uitvraagimport_for_user_or_404
    label = f"opvang.uitvraagimport:{record.pk}"
    assert_refused(load, andere_gemeente_user, record.pk, label, security_events)
    # Within the same scope it is still someone else's upload: PRT cannot confirm it.
    with pytest.raises(Http404):
        load(prt_user, record.pk)
    assert refusals(security_events) == [label, label]


def test_a_province_import_is_its_uploaders_while_they_read_the_province(
    provincie, prt_user, vreemde_prt_user, security_events
):
    record = make_import(prt_user, provincie=provincie)
    assert access.get_uitvraagimport_for_user_or_404(prt_user, record.pk) == record
    prt_user.provincie = vreemde_prt_user.provincie
    with pytest.raises(Http404):
        access.get_uitvraagimport_for_user_or_404(prt_user, record.pk)
    assert refusals(security_events) == [f"opvang.uitvraagimport:{record.pk}"]


def test_an_import_number_that_is_no_number_is_a_plain_404(gemeente_user, security_events):
    with pytest.raises(Http404):
        access.get_uitvraagimport_for_user_or_404(gemeente_user, "1 OR 1=1")
    assert refusals(security_events) == []


def test_previewing_another_users_import_is_a_logged_404(
    client, gemeente, gemeente_user, security_events
):
    """The import page loads the preview through the helper, so the refusal is logged."""
    collega = UserFactory(username="collega", rol=Rol.GEMEENTE, gemeente=gemeente)
    buurman = make_import(collega, gemeente=gemeente)
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    url = reverse("opvang:import_detail", args=[buurman.pk])
    assert client.get(url).status_code == 404
    assert refusals(security_events) == [f"opvang.uitvraagimport:{buurman.pk}"]


def test_an_unknown_cycle_is_a_404():
    with pytest.raises(Http404):
        access.get_cyclus_or_404(99)


def test_a_reader_may_not_edit_and_gets_403(gemeente, prt_user):
    with pytest.raises(PermissionDenied):
        gemeenten_access.get_gemeente_for_user_or_404(prt_user, gemeente.code, for_edit=True)


def test_the_uitvragen_follow_the_scope_rule(
    uitvraag,
    gemeente_user,
    vreemde_gemeente,
    prt_user,
    vreemde_prt_user,
    provinciale_beheer_user,
    landelijke_beheer_user,
):
    """A gemeente sees its own province's uitvraag; another province sees none."""
    arnhem = UserFactory(username="arnhem", rol=Rol.GEMEENTE, gemeente=vreemde_gemeente)
    for user in (gemeente_user, prt_user, provinciale_beheer_user, landelijke_beheer_user):
        assert list(Uitvraag.objects.for_user(user)) == [uitvraag]
    for user in (vreemde_prt_user, arnhem):
        assert list(Uitvraag.objects.for_user(user)) == []


def test_a_deactivated_user_sees_no_uitvraag(uitvraag, prt_user):
    prt_user.is_active = False
    assert list(Uitvraag.objects.for_user(prt_user)) == []
