from datetime import date, timedelta

import pytest
from django.urls import reverse

from opvang import services
from opvang.constants import IndieningStatus, VoortgangStatus
from opvang.models import Indiening, Uitvraag
from opvang.selectors import voortgang
from tests.factories import TEST_PASSWORD, LocatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitvraag(provincie, cyclus, prt_user):
    return services.uitvraag_openen(
        provincie=provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="", user=prt_user
    )


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)
    return client


def test_prt_opens_an_uitvraag(client, prt_user, cyclus):
    response = login(client, prt_user).post(
        reverse("opvang:uitvraag_nieuw"),
        {
            "cyclus": cyclus.pk,
            "deadline": date.today() + timedelta(days=30),
            "bericht": "Graag vóór 1 december.",
        },
    )
    uitvraag = Uitvraag.objects.get()
    assert response.status_code == 302
    assert (uitvraag.provincie, uitvraag.geopend_door, uitvraag.bericht) == (
        prt_user.provincie,
        prt_user,
        "Graag vóór 1 december.",
    )


def test_a_gemeente_user_cannot_open_an_uitvraag(client, gemeente_user, cyclus):
    response = login(client, gemeente_user).post(
        reverse("opvang:uitvraag_nieuw"), {"cyclus": cyclus.pk, "deadline": "2026-12-01"}
    )
    assert response.status_code == 403
    assert not Uitvraag.objects.exists()


def test_submitting_freezes_a_snapshot_of_locations_and_figures(
    client, gemeente_user, gemeente, uitvraag
):
    LocatieFactory(gemeente=gemeente, naam="azc Oost", plekken=300)
    response = login(client, gemeente_user).post(reverse("opvang:indienen", args=[gemeente.code]))
    indiening = Indiening.objects.get()
    assert response.status_code == 302
    assert indiening.ingediend_door == gemeente_user
    assert [loc["naam"] for loc in indiening.snapshot["locaties"]] == ["azc Oost"]
    assert indiening.snapshot["telling"]["hard"] == 300
    # Later changes do not alter what was submitted.
    services.locatie_wijzigen(
        locatie=gemeente.locaties.get(), versie=1, data={"plekken": 10}, user=gemeente_user
    )
    indiening.refresh_from_db()
    assert indiening.snapshot["locaties"][0]["plekken"] == 300


def test_submitting_twice_creates_one_submission(client, gemeente_user, gemeente, uitvraag):
    login(client, gemeente_user)
    client.post(reverse("opvang:indienen", args=[gemeente.code]))
    response = client.post(reverse("opvang:indienen", args=[gemeente.code]), follow=True)
    assert Indiening.objects.count() == 1
    assert services.AL_INGEDIEND in response.content.decode()


def test_prt_accepts_a_submission(client, prt_user, gemeente_user, gemeente, uitvraag):
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    login(client, prt_user).post(
        reverse("opvang:indiening_beoordelen", args=[indiening.pk]), {"besluit": "akkoord"}
    )
    indiening.refresh_from_db()
    assert (indiening.status, indiening.beoordeeld_door) == (IndieningStatus.AKKOORD, prt_user)


def test_returning_needs_a_remark(client, prt_user, gemeente_user, gemeente, uitvraag):
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    response = login(client, prt_user).post(
        reverse("opvang:indiening_beoordelen", args=[indiening.pk]), {"besluit": "terugsturen"}
    )
    indiening.refresh_from_db()
    assert response.status_code == 400
    assert services.OPMERKING_VERPLICHT in response.context["form"].errors["opmerking"]
    assert indiening.status == IndieningStatus.INGEDIEND


def test_a_returned_gemeente_corrects_and_submits_again(
    client, prt_user, gemeente_user, gemeente, uitvraag
):
    eerste, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    services.indiening_beoordelen(
        indiening=eerste, akkoord=False, opmerking="AMV ontbreekt", user=prt_user
    )
    assert voortgang(uitvraag, [gemeente])[gemeente.pk][0] == VoortgangStatus.TERUGGESTUURD
    login(client, gemeente_user).post(reverse("opvang:indienen", args=[gemeente.code]))
    assert Indiening.objects.count() == 2
    assert voortgang(uitvraag, [gemeente])[gemeente.pk][0] == VoortgangStatus.INGEDIEND


def test_a_gemeente_user_cannot_review_its_own_submission(
    client, gemeente_user, gemeente, uitvraag
):
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    response = login(client, gemeente_user).post(
        reverse("opvang:indiening_beoordelen", args=[indiening.pk]), {"besluit": "akkoord"}
    )
    indiening.refresh_from_db()
    assert response.status_code == 403
    assert indiening.status == IndieningStatus.INGEDIEND


def test_the_overview_shows_each_gemeentes_stage(
    client,
    prt_user,
    gemeente_user,
    gemeente,
    andere_gemeente,
    andere_gemeente_user,
    uitvraag,
    django_assert_max_num_queries,
):
    derde = andere_gemeente.__class__.objects.create(
        code="GM0355", naam="Zeist", provincie=gemeente.provincie
    )
    LocatieFactory(gemeente=andere_gemeente)  # a change after opening: concept
    services.indiening_indienen(uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user)
    login(client, prt_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("opvang:uitvraag_detail", args=[uitvraag.pk]))
    stand = {g.naam: status for g, status, *_ in response.context["rijen"]}
    assert stand == {
        "Utrecht": VoortgangStatus.INGEDIEND,
        "Amersfoort": VoortgangStatus.CONCEPT,
        derde.naam: VoortgangStatus.NIET_GESTART,
    }


def test_submitting_to_a_closed_uitvraag_is_refused(
    client, prt_user, gemeente_user, gemeente, uitvraag
):
    services.uitvraag_sluiten(uitvraag=uitvraag, user=prt_user)
    response = login(client, gemeente_user).post(
        reverse("opvang:indienen", args=[gemeente.code]), follow=True
    )
    assert not Indiening.objects.exists()
    assert "geen uitvraag open" in response.content.decode()


def test_progress_reads_one_row_per_gemeente_however_many_changes(
    gemeente, uitvraag, gemeente_user, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opvang.selectors import voortgang_statussen

    locatie = LocatieFactory(gemeente=gemeente, plekken=10)
    for plekken in (11, 12, 13):
        services.locatie_wijzigen(
            locatie=locatie, versie=locatie.versie, data={"plekken": plekken}, user=gemeente_user
        )
        locatie.refresh_from_db()
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(2):
        statussen = voortgang_statussen(uitvraag, [gemeente])

    assert statussen == {gemeente.pk: VoortgangStatus.CONCEPT}
    history_sql = next(q["sql"] for q in queries if "historical" in q["sql"].lower())
    assert "history_date" not in history_sql.split("FROM")[0]
    assert "snapshot" not in " ".join(q["sql"] for q in queries)
