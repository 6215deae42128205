"""Every write path leaves a record in the audit trail, and nothing can alter it."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import DatabaseError, transaction
from django.urls import reverse

from kern.audit import UnauditedWriteError
from opvang import services
from opvang.constants import Status
from opvang.models import Indiening, Locatie
from tests.factories import TEST_PASSWORD, LocatieFactory, ingediende_indiening

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
        "Bezetting",
        "Cyclus",
        "DocumentVersie",
        "Gemeente",
        "GooLocatie",
        "Halfjaar",
        "HerinneringInstelling",
        "IbtStap",
        "Indiening",
        "Instelling",
        "LandelijkeTaakstelling",
        "Locatie",
        "Maatregel",
        "MeldingVoorkeur",
        "Opgave",
        "ParticuliereOpvang",
        "ProvincieOpgave",
        "Realisatie",
        "Scenario",
        "ScenarioBesluit",
        "ScenarioLocatie",
        "ScenarioVervallen",
        "Startsaldo",
        "Streefgetal",
        "Taakstelling",
        "Uitruilafspraak",
        "Uitvraag",
        "UitvraagImport",
        "Verdeelbesluit",
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
@pytest.mark.parametrize("manager", ["objects", "_base_manager"])
def test_writes_that_bypass_the_history_are_refused(model, write, manager):
    with pytest.raises(UnauditedWriteError):
        write(getattr(model, manager).all())


def test_related_objects_load_through_the_guarded_base_manager(ingediend, gemeente):
    locatie = LocatieFactory(gemeente=gemeente)
    indiening = Indiening.objects.get(pk=ingediend.pk)
    assert (indiening.gemeente, indiening.uitvraag.cyclus.nummer) == (gemeente, 1)
    assert Locatie.objects.get(pk=locatie.pk).gemeente == gemeente
    assert list(gemeente.locaties.all()) == [locatie]
    assert list(indiening.uitvraag.indieningen.all()) == [indiening]
    locatie.refresh_from_db()
    assert all(model._base_manager is model.objects for model in TRACKED_MODELS)


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
            "versie": "1",
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
    assert (record.history_user, record.plekken, record.versie) == (beheer_user, 90, 2)


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
    assert (eerste.actie, eerste.door) == ("gewijzigd", gemeente_user)
    assert ("plekken", 10, 25) in eerste.velden


@pytest.fixture
def ingediend(gemeente, gemeente_user, prt_user, cyclus):
    indiening = ingediende_indiening(
        gemeente=gemeente, gemeente_user=gemeente_user, prt_user=prt_user, cyclus=cyclus
    )
    return indiening


@pytest.mark.parametrize(
    ("statement", "value"),
    [
        ("UPDATE opvang_indiening SET snapshot = %s WHERE id = %s", lambda i, o: "{}"),
        (
            "UPDATE opvang_indiening SET ingediend_door_id = %s WHERE id = %s",
            lambda i, o: o["prt"].pk,
        ),
        (
            "UPDATE opvang_indiening SET ingediend_op = %s WHERE id = %s",
            lambda i, o: i.ingediend_op - timedelta(days=1),
        ),
        (
            "UPDATE opvang_indiening SET gemeente_id = %s WHERE id = %s",
            lambda i, o: o["andere_gemeente"].pk,
        ),
    ],
    ids=["snapshot", "ingediend_door", "ingediend_op", "gemeente"],
)
def test_the_database_refuses_to_change_what_was_submitted(
    ingediend, prt_user, andere_gemeente, statement, value
):
    users = {"prt": prt_user, "andere_gemeente": andere_gemeente}
    before = Indiening.objects.values().get(pk=ingediend.pk)
    with (
        pytest.raises(DatabaseError, match="ingediende gegevens"),
        transaction.atomic(),
        transaction.get_connection().cursor() as cursor,
    ):
        cursor.execute(statement, [value(ingediend, users), ingediend.pk])
    assert Indiening.objects.values().get(pk=ingediend.pk) == before


def test_a_review_still_changes_status_remark_and_reviewer(ingediend, prt_user):
    # The ORM writes every column, the unchanged snapshot too: the trigger compares values.
    services.indiening_beoordelen(
        indiening=ingediend, akkoord=False, opmerking="AMV ontbreekt", user=prt_user
    )
    ingediend.refresh_from_db()
    assert (ingediend.status, ingediend.opmerking, ingediend.beoordeeld_door) == (
        "teruggestuurd",
        "AMV ontbreekt",
        prt_user,
    )
