"""Every write path leaves a record in the audit trail, and nothing can alter it."""

import pytest
from django.apps import apps
from django.db import DatabaseError, transaction
from django.urls import reverse

from opvang import services
from opvang.audit import UnauditedWriteError
from opvang.constants import Status
from opvang.models import Locatie
from tests.factories import TEST_PASSWORD, LocatieFactory

pytestmark = pytest.mark.django_db

TRACKED_MODELS = [
    model
    for model in apps.get_models()
    if hasattr(model, "history")
    and hasattr(model, "_meta")
    and not model.__name__.startswith("Historical")
]


def test_every_tracked_model_is_known():
    assert sorted(m.__name__ for m in TRACKED_MODELS) == [
        "Cyclus",
        "DocumentVersie",
        "Gemeente",
        "Indiening",
        "Locatie",
        "Opgave",
        "Uitvraag",
        "UitvraagImport",
    ]


@pytest.mark.parametrize("model", TRACKED_MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize(
    "write",
    [
        lambda qs: qs.update(pk=1),
        lambda qs: qs.bulk_create([]),
        lambda qs: qs.bulk_update([], ["pk"]),
        lambda qs: qs._raw_delete(qs.db),
    ],
    ids=["update", "bulk_create", "bulk_update", "raw_delete"],
)
def test_writes_that_bypass_the_history_are_refused(model, write):
    with pytest.raises(UnauditedWriteError):
        write(model.objects.all())


def test_a_form_save_records_who_when_from_where_and_what(client, gemeente_user, gemeente):
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    client.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]),
        {
            "naam": locatie.naam,
            "soort": locatie.soort,
            "status": locatie.status,
            "plekken": "120",
            "amv_plekken": "0",
            "beschikbaar_vanaf": "2024-01-01",
            "version": "1",
        },
        REMOTE_ADDR="192.0.2.7",
    )
    record = locatie.history.order_by("-history_id").first()
    vorige = locatie.history.order_by("-history_id")[1]
    assert (record.history_user, record.ip_address, record.history_type) == (
        gemeente_user,
        "192.0.2.7",
        "~",
    )
    assert [
        (c.field, c.old, c.new) for c in record.diff_against(vorige).changes if c.field == "plekken"
    ] == [("plekken", 100, 120)]
    assert record.history_date is not None and record.history_date.utcoffset().total_seconds() == 0


def test_a_service_call_outside_a_request_records_the_user(gemeente, gemeente_user):
    locatie = services.locatie_aanmaken(
        gemeente=gemeente,
        data={"naam": "Nieuw", "soort": "azc", "status": Status.IN_VOORBEREIDING, "plekken": 10},
        user=gemeente_user,
    )
    record = locatie.history.get()
    assert (record.history_user, record.history_type, record.ip_address) == (
        gemeente_user,
        "+",
        None,
    )


def test_a_plain_save_in_code_is_recorded(gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    locatie.plekken = 5
    locatie.save()
    assert locatie.history.count() == 2


def test_an_admin_change_is_recorded_with_the_admin_user(client, beheer_user, gemeente):
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)
    client.login(username=beheer_user.username, password=TEST_PASSWORD)
    response = client.post(
        reverse("admin:opvang_locatie_change", args=[locatie.pk]),
        {
            "gemeente": gemeente.pk,
            "naam": locatie.naam,
            "soort": locatie.soort,
            "status": locatie.status,
            "plekken": "90",
            "amv_plekken": "0",
            "beschikbaar_vanaf": "2024-01-01",
            "toelichting": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = locatie.history.order_by("-history_id").first()
    assert (record.history_user, record.plekken, record.version) == (beheer_user, 90, 2)


def test_the_admin_cannot_delete_locations(client, beheer_user, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    client.login(username=beheer_user.username, password=TEST_PASSWORD)
    response = client.post(
        reverse("admin:opvang_locatie_delete", args=[locatie.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Locatie.objects.filter(pk=locatie.pk).exists()


@pytest.mark.parametrize(
    "statement", ["UPDATE {t} SET history_change_reason = 'x'", "DELETE FROM {t}"]
)
def test_the_database_refuses_to_alter_history(gemeente, statement):
    LocatieFactory(gemeente=gemeente)
    table = Locatie.history.model._meta.db_table
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        transaction.get_connection().cursor() as cursor,
    ):
        cursor.execute(statement.format(t=table))
    assert Locatie.history.count() == 1


def test_users_see_the_history_of_a_location(client, gemeente_user, gemeente):
    locatie = services.locatie_aanmaken(
        gemeente=gemeente,
        data={"naam": "azc Oost", "soort": "azc", "status": Status.IN_VOORBEREIDING, "plekken": 10},
        user=gemeente_user,
    )
    services.locatie_wijzigen(locatie=locatie, versie=1, data={"plekken": 25}, user=gemeente_user)
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.get(reverse("opvang:locatie_wijzigingen", args=[locatie.pk]))
    eerste = response.context["wijzigingen"][0]
    assert (eerste.soort, eerste.door) == ("gewijzigd", gemeente_user)
    assert ("plekken", 10, 25) in eerste.velden
