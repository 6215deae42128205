"""Two officials writing GOO data at once: the checks hold, one of them is told."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ontheemden import services
from ontheemden.models import Bezetting, GooLocatie
from tests.parallel import in_parallel, winners_and_losers

from .factories import GooLocatieFactory


@pytest.mark.django_db(transaction=True)
def test_lowering_capacity_and_a_high_bezetting_at_once_never_both_land(
    committed_db, gemeente, gemeente_user
):
    locatie = GooLocatieFactory(gemeente=gemeente, capaciteit=30)
    pagina_a, pagina_b = (
        GooLocatie.objects.get(pk=locatie.pk),
        GooLocatie.objects.get(pk=locatie.pk),
    )

    outcomes = in_parallel(
        lambda: services.goo_locatie_wijzigen(
            locatie=pagina_a, versie=1, data={"capaciteit": 20}, user=gemeente_user
        ),
        lambda: services.bezetting_vastleggen(
            locatie=pagina_b, peildatum=date(2026, 3, 1), bezet=25, user=gemeente_user
        ),
    )

    winners, losers = winners_and_losers(outcomes)
    assert len(winners) == 1
    assert isinstance(losers[0], ValidationError)
    locatie.refresh_from_db()
    bezet = Bezetting.objects.filter(locatie=locatie).values_list("bezet", flat=True)
    assert all(b <= locatie.capaciteit for b in bezet)


@pytest.mark.django_db(transaction=True)
def test_two_figures_for_one_date_at_once_become_one_row_and_a_correction(
    committed_db, gemeente, gemeente_user
):
    locatie = GooLocatieFactory(gemeente=gemeente, capaciteit=30)

    outcomes = in_parallel(
        *(
            lambda n=n: services.bezetting_vastleggen(
                locatie=locatie, peildatum=date(2026, 3, 1), bezet=n, user=gemeente_user
            )
            for n in (10, 12)
        )
    )

    winners, losers = winners_and_losers(outcomes)
    assert (len(winners), losers) == (2, [])
    bezetting = Bezetting.objects.get(locatie=locatie)
    assert bezetting.history.count() == 2
