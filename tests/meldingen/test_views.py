"""The Meldingen pages: one's own list, reading, the choice; an uitvraag's notices."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from meldingen import services
from meldingen.constants import MeldingSoort
from meldingen.models import HerinneringInstelling, Melding, MeldingVoorkeur
from opvang import services as opvang_services
from tests.factories import TEST_PASSWORD
from tests.parallel import in_parallel

pytestmark = pytest.mark.django_db


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)
    return client


def test_the_list_shows_ones_own_notifications_and_the_header_counts_the_unread(
    client, geopend, gemeente_user, andere_gemeente_user
):
    response = login(client, gemeente_user).get(reverse("meldingen:lijst"))
    html = response.content.decode()
    assert "Uitvraag cyclus 1 geopend: indienen vóór 1 december 2026" in html
    assert '<span class="app-teller">1<span class="app-visually-hidden"> ongelezen' in html
    assert Melding.objects.for_user(gemeente_user).count() == 1


def test_marking_read_keeps_the_first_moment_and_the_count_drops(client, geopend, gemeente_user):
    melding = Melding.objects.get(ontvanger=gemeente_user)
    login(client, gemeente_user)
    response = client.post(reverse("meldingen:gelezen", args=[melding.pk]))
    assert response.status_code == 302
    melding.refresh_from_db()
    eerst = melding.gelezen_op
    client.post(reverse("meldingen:gelezen", args=[melding.pk]))
    melding.refresh_from_db()
    assert eerst is not None and melding.gelezen_op == eerst
    assert "app-teller" not in client.get(reverse("meldingen:lijst")).content.decode()


def test_the_header_count_comes_with_the_user_in_no_query_of_its_own(
    client, geopend, gemeente_user
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, gemeente_user)
    client.get(reverse("meldingen:voorkeuren"))
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("meldingen:voorkeuren")).content.decode()
    assert '<span class="app-teller">1<span class="app-visually-hidden"> ongelezen' in html
    melding_queries = [q["sql"] for q in queries if '"meldingen_melding"' in q["sql"]]
    # Only the user's own query (session user loaded with its count) reads meldingen.
    assert len(melding_queries) == 1 and "gemeenten_user" in melding_queries[0]

    melding = Melding.objects.get(ontvanger=gemeente_user)
    client.post(reverse("meldingen:gelezen", args=[melding.pk]))
    assert "app-teller" not in client.get(reverse("meldingen:voorkeuren")).content.decode()
    Melding.objects.filter(pk=melding.pk).update(gelezen_op=None)  # as a new one would
    assert ">1<span" in client.get(reverse("meldingen:voorkeuren")).content.decode()


def test_another_users_notification_cannot_be_marked_read(
    client, geopend, gemeente_user, andere_gemeente_user
):
    melding = Melding.objects.get(ontvanger=gemeente_user)
    response = login(client, andere_gemeente_user).post(
        reverse("meldingen:gelezen", args=[melding.pk])
    )
    assert response.status_code == 404
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_switching_reminders_off_is_recorded_in_the_history(client, gemeente_user):
    login(client, gemeente_user)
    assert client.get(reverse("meldingen:voorkeuren")).status_code == 200
    response = client.post(reverse("meldingen:voorkeuren"), {})
    assert response.status_code == 302
    voorkeur = MeldingVoorkeur.objects.get(gebruiker=gemeente_user)
    assert voorkeur.herinneringen is False
    record = voorkeur.history.get()
    assert (record.history_user, record.herinneringen) == (gemeente_user, False)
    client.post(reverse("meldingen:voorkeuren"), {})  # unchanged: no new record
    assert voorkeur.history.count() == 1
    assert services.herinneringen_aan(gemeente_user) is False


def test_the_uitvraag_page_shows_prt_what_was_sent_and_when(client, geopend, prt_user):
    response = login(client, prt_user).get(reverse("meldingen:uitvraag", args=[geopend.pk]))
    html = response.content.decode()
    vandaag = timezone.localdate()
    assert "Uitvraag geopend: verstuurd op" in html
    assert f"{vandaag.day} " in html and "aan 2 gebruikers" in html
    assert "herinneringen 7 en 2 dagen vóór de deadline" in html
    detail = client.get(geopend.get_absolute_url()).content.decode()
    assert reverse("meldingen:uitvraag", args=[geopend.pk]) in detail


def test_a_gemeente_user_does_not_see_what_was_sent_to_others(client, geopend, gemeente_user):
    login(client, gemeente_user)
    assert client.get(reverse("meldingen:uitvraag", args=[geopend.pk])).status_code == 404
    detail = client.get(geopend.get_absolute_url()).content.decode()
    assert reverse("meldingen:uitvraag", args=[geopend.pk]) not in detail


def test_prt_changes_the_reminder_days_with_a_trail(client, geopend, prt_user):
    url = reverse("meldingen:herinneringen", args=[geopend.pk])
    login(client, prt_user)
    assert 'value="7, 2"' in client.get(url).content.decode()
    response = client.post(url, {"dagen": "10, 3"})
    assert response.status_code == 302
    instelling = HerinneringInstelling.objects.get(uitvraag=geopend)
    assert instelling.dagen == [10, 3]
    assert instelling.history.get().history_user == prt_user


def test_unreadable_reminder_days_get_a_dutch_error_and_change_nothing(client, geopend, prt_user):
    url = reverse("meldingen:herinneringen", args=[geopend.pk])
    response = login(client, prt_user).post(url, {"dagen": "zeven"})
    assert response.status_code == 400
    assert escape(services.DAGEN_ONGELDIG) in response.content.decode()
    assert not HerinneringInstelling.objects.exists()


def test_a_closed_uitvraags_reminders_cannot_be_changed(client, geopend, prt_user):
    opvang_services.uitvraag_sluiten(uitvraag=geopend, user=prt_user)
    url = reverse("meldingen:herinneringen", args=[geopend.pk])
    response = login(client, prt_user).post(url, {"dagen": "3"})
    assert response.status_code == 400
    assert services.UITVRAAG_GESLOTEN in response.content.decode()
    assert not HerinneringInstelling.objects.exists()


def test_a_gemeente_user_cannot_set_reminder_days(client, geopend, gemeente_user):
    url = reverse("meldingen:herinneringen", args=[geopend.pk])
    assert login(client, gemeente_user).post(url, {"dagen": "3"}).status_code == 403


def test_the_list_page_takes_few_queries(
    client, geopend, gemeente_user, django_assert_max_num_queries
):
    for n in range(20):
        services.melding_maken(
            ontvanger=gemeente_user, soort=MeldingSoort.HERINNERING, sleutel=f"t{n}",
            link="/", context={"uitvraag": geopend, "dagen_over": 2}, uitvraag=geopend,
        )  # fmt: skip
    login(client, gemeente_user)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("meldingen:lijst")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_prt_saves_at_once_both_hold_and_each_is_in_the_trail(
    committed_db, prt_user, cvdk_user, cyclus
):
    uitvraag = opvang_services.uitvraag_openen(
        provincie=prt_user.provincie, cyclus=cyclus, bericht="", user=prt_user,
        deadline=timezone.localdate() + timedelta(days=20),
    )  # fmt: skip
    uitkomsten = in_parallel(
        lambda: services.herinneringen_instellen(uitvraag=uitvraag, dagen=[5], user=prt_user),
        lambda: services.herinneringen_instellen(uitvraag=uitvraag, dagen=[9], user=cvdk_user),
    )
    assert not [u for u in uitkomsten if isinstance(u, Exception)], uitkomsten
    instelling = HerinneringInstelling.objects.get()
    assert instelling.history.count() == 2
    assert instelling.dagen == instelling.history.order_by("-history_id").first().dagen


@pytest.mark.django_db(transaction=True)
def test_two_first_choices_at_once_make_one_preference(committed_db, gemeente_user):
    uitkomsten = in_parallel(
        lambda: services.voorkeur_wijzigen(user=gemeente_user, herinneringen=False),
        lambda: services.voorkeur_wijzigen(user=gemeente_user, herinneringen=False),
    )
    assert not [u for u in uitkomsten if isinstance(u, Exception)], uitkomsten
    assert MeldingVoorkeur.objects.get().history.count() == 1
