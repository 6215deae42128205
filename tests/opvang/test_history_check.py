"""At commit, PostgreSQL refuses a change of a tracked row that left no history behind.

The managers refuse update() and bulk_*, but Python code can always go around them
(`models.QuerySet.update(qs)`, raw SQL). A deferred constraint trigger on every tracked
table (opvang migration 0007) compares the row with its latest history record when the
transaction commits. These tests commit for real (transaction=True); the rest of the
suite is checked too, because pytest-django sets constraints IMMEDIATE at the end of
every test. SQLite has no deferred triggers: there the managers are the guard.
"""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse

from gemeenten.models import Gemeente
from opvang import services
from opvang.constants import Status
from opvang.models import Cyclus, Locatie, Opgave
from tests.factories import TEST_PASSWORD, LocatieFactory
from tests.opvang.test_excel_import import importeer, rij, werkboek

pytestmark = pytest.mark.django_db(transaction=True)

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no deferred (commit-time) triggers"
)


def raw_update(locatie):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE opvang_locatie SET plekken = 5 WHERE id = %s", [locatie.pk])


def without_history(locatie):
    locatie.plekken = 5
    locatie.save_without_historical_record()


@only_postgresql
@pytest.mark.parametrize(
    "write",
    [
        lambda locatie: models.QuerySet.update(Locatie.objects.all(), plekken=5),
        lambda locatie: models.QuerySet.bulk_create(
            Locatie.objects.all(), [Locatie(gemeente=locatie.gemeente, naam="Stil", **VELDEN)]
        ),
        lambda locatie: models.QuerySet._raw_delete(Locatie.objects.all(), "default"),
        without_history,
        raw_update,
    ],
    ids=["QuerySet.update", "QuerySet.bulk_create", "_raw_delete", "no_history", "raw_sql"],
)
def test_a_write_around_the_history_is_refused_at_commit(committed_db, gemeente, write):
    locatie = LocatieFactory(gemeente=gemeente, plekken=100)

    with pytest.raises(IntegrityError, match="wijzigingshistorie"), transaction.atomic():
        write(locatie)

    assert list(Locatie.objects.values_list("naam", "plekken")) == [(locatie.naam, 100)]


VELDEN = {"soort": "azc", "status": Status.IN_VOORBEREIDING, "plekken": 10}


def test_normal_writes_commit_with_their_history(
    committed_db, client, gemeente, gemeente_user, beheer_user
):
    locatie = services.locatie_aanmaken(
        gemeente=gemeente, data={"naam": "azc Oost", **VELDEN}, user=gemeente_user
    )
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    response = client.post(
        reverse("opvang:locatie_wijzigen", args=[locatie.pk]),
        {"naam": "azc Oost", "soort": "azc", "status": Status.IN_VOORBEREIDING,
         "plekken": "20", "amv_plekken": "0", "versie": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    importeer(werkboek([rij(Naam_locatie="Hotel Zuid")]), gemeente_user)
    client.login(username=beheer_user.username, password=TEST_PASSWORD)
    response = client.post(
        reverse("admin:opvang_locatie_change", args=[locatie.pk]),
        {"gemeente": gemeente.pk, "naam": "azc Oost", "soort": "azc",
         "status": Status.IN_VOORBEREIDING, "plekken": "30", "amv_plekken": "0",
         "toelichting": ""},
    )  # fmt: skip
    assert response.status_code == 302

    locatie.refresh_from_db()
    assert (locatie.plekken, locatie.history.count()) == (30, 3)
    assert Locatie.objects.get(naam="Hotel Zuid").history.count() == 1


def test_loading_the_reference_data_records_its_history(committed_db):
    call_command("loaddata", "referentie", verbosity=0)

    assert (Gemeente.history.count(), Cyclus.history.count(), Opgave.history.count()) == (
        Gemeente.objects.count(),
        Cyclus.objects.count(),
        Opgave.objects.count(),
    )
    assert {h.history_change_reason for h in Gemeente.history.all()} == {"loaddata"}


def test_loading_the_reference_data_again_records_what_it_overwrites(committed_db):
    call_command("loaddata", "referentie", verbosity=0)
    utrecht = Gemeente.objects.get(code="GM0344")
    utrecht.inwoners += 1
    utrecht.save()

    call_command("loaddata", "referentie", verbosity=0)

    laatste = utrecht.history.order_by("-history_id").first()
    assert (laatste.history_type, laatste.history_change_reason) == ("~", "loaddata")
    assert laatste.inwoners == utrecht.inwoners - 1
    assert Gemeente.history.count() == Gemeente.objects.count() + 2
