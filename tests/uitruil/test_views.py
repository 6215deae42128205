"""The pages: who sees which agreements, the PRT's form and actions, figures on screen."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory
from uitruil import services
from uitruil.models import Uitruilafspraak

from .helpers import akkoord, voorstel

pytestmark = pytest.mark.django_db


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.fixture
def afspraken(provincie, prt_user, gemeente, andere_gemeente, zeist, cyclus, figuren):
    """Amersfoort–Zeist akkoord (40 places, 30 persons in 2025-H2); Utrecht–Zeist voorgesteld."""
    een = akkoord(
        provincie, prt_user, andere_gemeente, zeist, cyclus, plekken=40, personen=30,
        van=figuren["2025-H2"],
    )  # fmt: skip
    twee = voorstel(provincie, prt_user, gemeente, zeist, cyclus, plekken=5)
    return een, twee


def lijst(client, provincie):
    return client.get(reverse("uitruil:lijst", args=[provincie.code])).content.decode()


@pytest.mark.parametrize("wie", ["prt_user", "cvdk_user", "lrt_user", "beheer_user"])
def test_the_provinces_readers_see_every_agreement(request, client, afspraken, provincie, wie):
    inhoud = lijst(login(client, request.getfixturevalue(wie)), provincie)
    assert "Amersfoort en Zeist" in inhoud and "Utrecht en Zeist" in inhoud
    assert ("Nieuwe uitruilafspraak" in inhoud) == (wie == "prt_user")


def test_a_gemeente_user_sees_only_its_own_agreements(
    client, afspraken, provincie, gemeente_user, andere_gemeente_user
):
    assert "Utrecht en Zeist" in lijst(login(client, gemeente_user), provincie)
    assert "Amersfoort en Zeist" not in lijst(client, provincie)
    inhoud = lijst(login(client, andere_gemeente_user), provincie)
    assert "Amersfoort en Zeist" in inhoud and "Utrecht en Zeist" not in inhoud
    assert "Nieuwe uitruilafspraak" not in inhoud
    een, twee = afspraken
    assert client.get(twee.get_absolute_url()).status_code == 404
    detail = client.get(een.get_absolute_url()).content.decode()
    assert "Akkoord door de PRT</button>" not in detail and "laten vervallen" not in detail


def test_the_detail_page_shows_both_figures_before_and_after(client, afspraken, prt_user):
    inhoud = login(client, prt_user).get(afspraken[0].get_absolute_url()).content.decode()
    assert "600 → <strong>640</strong> (+40)" in inhoud
    assert "300 → <strong>260</strong> (-40)" in inhoud
    assert "90 → <strong>60</strong> (-30)" in inhoud
    assert "45 → <strong>75</strong> (+30)" in inhoud
    assert "Wijzigingshistorie" in inhoud and "Akkoord door de PRT" in inhoud


def test_the_prt_records_an_agreement_and_approves_it(
    client, provincie, prt_user, gemeente, zeist, cyclus, figuren
):
    login(client, prt_user)
    data = {
        "cyclus": cyclus.pk, "gemeente_a": gemeente.pk, "gemeente_b": zeist.pk,
        "asiel_plekken": 25, "statushouders": 0, "kenmerk": "D/25/7", "toelichting": "",
    }  # fmt: skip
    response = client.post(reverse("uitruil:nieuw", args=[provincie.code]), data)
    afspraak = Uitruilafspraak.objects.get()
    assert response.url == afspraak.get_absolute_url()
    assert afspraak.status == "voorgesteld" and afspraak.aangemaakt_door == prt_user
    client.post(reverse("uitruil:akkoord", args=[afspraak.pk]))
    afspraak.refresh_from_db()
    assert afspraak.status == "akkoord"
    # The gemeente pages show the figure after uitruil next to the official one.
    pagina = client.get(reverse("opvang:gemeente_detail", args=[zeist.code]) + "?cyclus=1")
    assert "Opgave asielopvang: 300 → <strong>275</strong> (-25)" in pagina.content.decode()
    response = client.post(reverse("uitruil:vervallen", args=[afspraak.pk]), {"reden": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.content.decode()
    client.post(reverse("uitruil:vervallen", args=[afspraak.pk]), {"reden": "Raad tegen"})
    afspraak.refresh_from_db()
    assert afspraak.status == "vervallen"


def test_a_refused_agreement_shows_the_dutch_reason_and_stores_nothing(
    client, provincie, prt_user, gemeente, zeist, cyclus, figuren
):
    login(client, prt_user)
    data = {
        "cyclus": cyclus.pk, "gemeente_a": gemeente.pk, "gemeente_b": zeist.pk,
        "asiel_plekken": 301, "statushouders": 0,
    }  # fmt: skip
    response = client.post(reverse("uitruil:nieuw", args=[provincie.code]), data)
    assert response.status_code == 400
    assert "De opgave van gemeente Zeist zou na uitruil -1 worden" in response.content.decode()
    data.update(asiel_plekken=5, gemeente_b=gemeente.pk)
    response = client.post(reverse("uitruil:nieuw", args=[provincie.code]), data)
    assert "twee verschillende gemeenten" in response.content.decode()
    assert not Uitruilafspraak.history.exists()


def test_an_approved_agreement_can_no_longer_be_edited(client, afspraken, prt_user):
    login(client, prt_user)
    url = reverse("uitruil:wijzigen", args=[afspraken[0].pk])
    response = client.post(url, {"cyclus": afspraken[0].cyclus_id, "asiel_plekken": 1}, follow=True)
    assert response.redirect_chain == [(afspraken[0].get_absolute_url(), 302)]
    assert "intussen akkoord door de PRT" in response.content.decode()
    afspraken[0].refresh_from_db()
    assert afspraken[0].asiel_plekken == 40


def test_the_cvdk_reads_but_may_not_decide(client, afspraken, cvdk_user):
    login(client, cvdk_user)
    een, twee = afspraken
    assert client.post(reverse("uitruil:akkoord", args=[twee.pk])).status_code == 403
    assert client.get(reverse("uitruil:wijzigen", args=[twee.pk])).status_code == 403
    twee.refresh_from_db()
    assert twee.status == "voorgesteld"


def test_a_gemeente_user_of_another_province_sees_nothing(
    client, afspraken, provincie, vreemde_gemeente
):
    user = UserFactory(username="arnhem", rol="gemeente", gemeente=vreemde_gemeente)
    login(client, user)
    assert client.get(reverse("uitruil:lijst", args=[provincie.code])).status_code == 404
    assert client.get(afspraken[0].get_absolute_url()).status_code == 404


def test_the_history_names_a_changed_gemeente(
    client, provincie, prt_user, gemeente, zeist, andere_gemeente, cyclus, figuren
):
    afspraak = voorstel(provincie, prt_user, gemeente, zeist, cyclus, plekken=5)
    services.afspraak_opslaan(
        provincie=provincie, user=prt_user, afspraak=afspraak, data={"gemeente_a": andere_gemeente}
    )
    inhoud = login(client, prt_user).get(afspraak.get_absolute_url()).content.decode()
    assert '<td class="utrecht-table__cell">Utrecht</td>' in inhoud
    assert '<td class="utrecht-table__cell">Amersfoort</td>' in inhoud
