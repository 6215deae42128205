"""Two officials acting on the same record at once: one wins, the other is told.

Each race is tested twice: deterministically, with the stale object a second open page
holds, and for real, with two threads whose transactions run at the same moment on their
own connections (PostgreSQL row locks; on SQLite the write lock taken at BEGIN).
"""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gemeenten.constants import Rol
from opvang import services
from opvang.constants import IndieningStatus
from opvang.models import Indiening, Locatie, Uitvraag, UitvraagImport
from opvang.services_import import (
    AL_VERWERKT,
    ImportVerouderd,
    uitvraagimport_verwerken,
    uitvraagimport_voorbereiden,
)
from tests.factories import TEST_PASSWORD, UserFactory
from tests.opvang.test_excel_import import rij, werkboek
from tests.parallel import in_parallel, winners_and_losers


@pytest.fixture
def uitvraag(provincie, cyclus, prt_user):
    return services.uitvraag_openen(
        provincie=provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="", user=prt_user
    )


@pytest.fixture
def indiening(uitvraag, gemeente, gemeente_user):
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    return indiening


@pytest.fixture
def tweede_prt_user(provincie):
    return UserFactory(username="prt-collega", rol=Rol.PRT, provincie=provincie)


def two_open_pages(model, pk):
    """Return the object as two pages opened before either was submitted show it."""
    return model.objects.get(pk=pk), model.objects.get(pk=pk)


@pytest.mark.django_db
def test_a_review_from_a_stale_page_is_refused_and_changes_nothing(
    indiening, prt_user, tweede_prt_user
):
    eerste, tweede = two_open_pages(Indiening, indiening.pk)
    services.indiening_beoordelen(indiening=eerste, akkoord=True, opmerking="", user=prt_user)

    with pytest.raises(ValidationError) as exc:
        services.indiening_beoordelen(
            indiening=tweede, akkoord=False, opmerking="AMV ontbreekt", user=tweede_prt_user
        )

    assert exc.value.messages == [services.AL_BEOORDEELD]
    indiening.refresh_from_db()
    assert (indiening.status, indiening.beoordeeld_door, indiening.opmerking) == (
        IndieningStatus.AKKOORD,
        prt_user,
        "",
    )
    assert indiening.history.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_once_one_wins_and_the_other_is_told(
    committed_db, indiening, prt_user, tweede_prt_user
):
    eerste, tweede = two_open_pages(Indiening, indiening.pk)

    outcomes = in_parallel(
        lambda: services.indiening_beoordelen(
            indiening=eerste, akkoord=True, opmerking="", user=prt_user
        ),
        lambda: services.indiening_beoordelen(
            indiening=tweede, akkoord=False, opmerking="AMV ontbreekt", user=tweede_prt_user
        ),
    )

    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], ValidationError)
    assert losers[0].messages == [services.AL_BEOORDEELD]
    indiening.refresh_from_db()
    assert (indiening.status, indiening.beoordeeld_door) == (
        winners[0].status,
        winners[0].beoordeeld_door,
    )
    assert indiening.history.count() == 2


@pytest.mark.django_db
def test_the_reviewer_who_comes_second_is_told_on_the_page(
    client, indiening, prt_user, tweede_prt_user
):
    services.indiening_beoordelen(indiening=indiening, akkoord=True, opmerking="", user=prt_user)
    client.login(username=tweede_prt_user.username, password=TEST_PASSWORD)

    response = client.post(
        reverse("opvang:indiening_beoordelen", args=[indiening.pk]),
        {"besluit": "terugsturen", "opmerking": "AMV ontbreekt"},
        follow=True,
    )

    assert services.AL_BEOORDEELD in response.content.decode()
    indiening.refresh_from_db()
    assert (indiening.status, indiening.opmerking) == (IndieningStatus.AKKOORD, "")


@pytest.mark.django_db
def test_closing_from_a_stale_page_keeps_the_first_closing(uitvraag, prt_user, tweede_prt_user):
    eerste, tweede = two_open_pages(Uitvraag, uitvraag.pk)
    services.uitvraag_sluiten(uitvraag=eerste, user=prt_user)
    gesloten_op = Uitvraag.objects.get(pk=uitvraag.pk).gesloten_op

    services.uitvraag_sluiten(uitvraag=tweede, user=tweede_prt_user)

    uitvraag.refresh_from_db()
    assert uitvraag.gesloten_op == gesloten_op
    assert [h.history_user for h in uitvraag.history.order_by("history_id")] == [
        prt_user,
        prt_user,
    ]


@pytest.mark.django_db
def test_submitting_from_a_page_opened_before_the_uitvraag_closed_is_refused(
    uitvraag, gemeente, gemeente_user, prt_user
):
    nog_open = Uitvraag.objects.get(pk=uitvraag.pk)
    services.uitvraag_sluiten(uitvraag=uitvraag, user=prt_user)

    with pytest.raises(ValidationError) as exc:
        services.indiening_indienen(uitvraag=nog_open, gemeente=gemeente, user=gemeente_user)

    assert exc.value.messages == [services.UITVRAAG_GESLOTEN]
    assert not Indiening.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_submission_racing_the_closing_never_lands_in_a_closed_uitvraag(
    committed_db, uitvraag, gemeente, gemeente_user, prt_user
):
    voor_indienen, voor_sluiten = two_open_pages(Uitvraag, uitvraag.pk)

    outcomes = in_parallel(
        lambda: services.indiening_indienen(
            uitvraag=voor_indienen, gemeente=gemeente, user=gemeente_user
        ),
        lambda: services.uitvraag_sluiten(uitvraag=voor_sluiten, user=prt_user),
    )

    uitvraag.refresh_from_db()
    assert not uitvraag.is_open
    ingediend = Indiening.objects.first()
    if ingediend is None:
        assert isinstance(outcomes[0], ValidationError), outcomes
        assert outcomes[0].messages == [services.UITVRAAG_GESLOTEN]
    else:
        assert ingediend.ingediend_op < uitvraag.gesloten_op, outcomes


@pytest.fixture
def upload(gemeente, gemeente_user):
    """An uploaded workbook with one new location, previewed and awaiting confirmation."""
    return uitvraagimport_voorbereiden(
        bestand=werkboek([rij()]), bestandsnaam="uitvraag.xlsx", user=gemeente_user
    )


def assert_processed_once(record):
    record.refresh_from_db()
    assert (record.status, record.toegevoegd, record.melding) == (
        UitvraagImport.Status.VERWERKT,
        1,
        "",
    )
    assert [h.history_type for h in record.history.order_by("history_id")] == ["+", "~"]
    assert Locatie.objects.count() == 1


@pytest.mark.django_db
def test_confirming_an_import_from_a_stale_page_leaves_the_record_as_processed(
    upload, gemeente_user
):
    eerste, tweede = two_open_pages(UitvraagImport, upload.pk)
    uitvraagimport_verwerken(record=eerste, user=gemeente_user)

    with pytest.raises(ImportVerouderd) as exc:
        uitvraagimport_verwerken(record=tweede, user=gemeente_user)

    assert str(exc.value) == AL_VERWERKT
    assert_processed_once(upload)


@pytest.mark.django_db(transaction=True)
def test_two_confirms_of_one_import_at_once_process_it_once_and_say_so(
    committed_db, upload, gemeente_user
):
    eerste, tweede = two_open_pages(UitvraagImport, upload.pk)

    outcomes = in_parallel(
        lambda: uitvraagimport_verwerken(record=eerste, user=gemeente_user),
        lambda: uitvraagimport_verwerken(record=tweede, user=gemeente_user),
    )

    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert (winners[0].status, winners[0].toegevoegd) == (UitvraagImport.Status.VERWERKT, 1)
    assert isinstance(losers[0], ImportVerouderd) and str(losers[0]) == AL_VERWERKT
    assert_processed_once(upload)


@pytest.mark.django_db(transaction=True)
def test_cleaning_up_while_an_import_is_confirmed_leaves_a_truthful_record(
    committed_db, upload, gemeente_user
):
    upload.geupload_op = timezone.now() - timedelta(days=31)
    upload.save()
    stale = UitvraagImport.objects.get(pk=upload.pk)

    outcomes = in_parallel(
        lambda: uitvraagimport_verwerken(record=stale, user=gemeente_user),
        lambda: call_command("imports_opschonen", dagen=30, stdout=StringIO()),
    )

    upload.refresh_from_db()
    statussen = [h.status for h in upload.history.order_by("history_id")]
    assert statussen == ["preview", "preview", upload.status], outcomes
    if Locatie.objects.exists():
        assert outcomes[0] is not None and not isinstance(outcomes[0], Exception), outcomes
        assert (upload.status, upload.toegevoegd) == (UitvraagImport.Status.VERWERKT, 1)
    else:
        assert isinstance(outcomes[0], ImportVerouderd), outcomes
        assert (upload.status, bytes(upload.bestand)) == (UitvraagImport.Status.AFGEWEZEN, b"")


@pytest.mark.django_db(transaction=True)
def test_submitting_twice_at_once_creates_one_submission(
    committed_db, uitvraag, gemeente, gemeente_user
):
    outcomes = in_parallel(
        lambda: services.indiening_indienen(
            uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
        ),
        lambda: services.indiening_indienen(
            uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
        ),
    )

    assert sorted(created for _, created in outcomes) == [False, True], outcomes
    assert Indiening.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_opening_two_uitvragen_at_once_opens_one_and_tells_the_other(
    committed_db, provincie, cyclus, prt_user, tweede_prt_user
):
    def openen(user):
        return services.uitvraag_openen(
            provincie=provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="", user=user
        )

    outcomes = in_parallel(lambda: openen(prt_user), lambda: openen(tweede_prt_user))

    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], ValidationError), outcomes
    assert losers[0].messages == [services.UITVRAAG_AL_OPEN]
    assert Uitvraag.objects.count() == 1
