"""Writes of GOO data: bad input is refused in Dutch and stores nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ontheemden import meldingen, services
from ontheemden.constants import Soort, Status
from ontheemden.models import Bezetting, GooLocatie, ParticuliereOpvang, Streefgetal
from ontheemden.models.gemeente import StreefgetalIsVastgelegd
from tests.factories import RegioFactory

from .factories import GooLocatieFactory

pytestmark = pytest.mark.django_db


def data(**kw):
    return {
        "naam": "Hotel Zon",
        "soort": Soort.HOTEL,
        "status": Status.IN_GEBRUIK,
        "capaciteit": 30,
        "beschikbaar_vanaf": date(2025, 1, 1),
        "beschikbaar_tot": None,
        "toelichting": "",
        **kw,
    }


def footprint():
    return (
        GooLocatie.history.count(),
        Bezetting.history.count(),
        ParticuliereOpvang.history.count(),
        Streefgetal.history.count(),
    )


def messages_of(exc):
    return [m for ms in exc.value.message_dict.values() for m in ms]


def test_a_location_is_created_with_its_history(gemeente, gemeente_user):
    locatie = services.goo_locatie_aanmaken(gemeente=gemeente, data=data(), user=gemeente_user)
    assert locatie.history.get().history_user == gemeente_user


def test_an_end_before_the_start_is_refused(gemeente, gemeente_user):
    before = footprint()
    with pytest.raises(ValidationError) as exc:
        services.goo_locatie_aanmaken(
            gemeente=gemeente, data=data(beschikbaar_tot=date(2024, 12, 31)), user=gemeente_user
        )
    assert exc.value.message_dict["beschikbaar_tot"] == [meldingen.TOT_VOOR_VANAF]
    assert footprint() == before


def test_zero_beds_and_a_closed_location_without_last_day_are_refused(gemeente, gemeente_user):
    with pytest.raises(ValidationError) as exc:
        services.goo_locatie_aanmaken(
            gemeente=gemeente, data=data(capaciteit=0), user=gemeente_user
        )
    assert meldingen.CAPACITEIT_NUL in messages_of(exc)
    with pytest.raises(ValidationError) as exc:
        services.goo_locatie_aanmaken(
            gemeente=gemeente, data=data(status=Status.BEEINDIGD), user=gemeente_user
        )
    assert exc.value.message_dict["beschikbaar_tot"] == [meldingen.BEEINDIGD_ZONDER_TOT]
    assert not GooLocatie.objects.exists()


@pytest.mark.parametrize(
    ("peildatum", "bezet", "melding"),
    [
        (date(2026, 3, 1), 31, "hoger dan de capaciteit"),
        (date(2026, 3, 1), -1, meldingen.NEGATIEF),
        (date(2024, 12, 31), 5, "vóór de eerste dag van de locatie (1-1-2025)"),
        (date(2026, 7, 1), 5, "na de laatste dag"),
    ],
)
def test_bad_bezetting_is_refused_and_nothing_stored(gemeente_user, peildatum, bezet, melding):
    locatie = GooLocatieFactory(
        gemeente=gemeente_user.gemeente,
        capaciteit=30,
        beschikbaar_vanaf=date(2025, 1, 1),
        beschikbaar_tot=date(2026, 6, 30),
    )
    before = footprint()
    with pytest.raises(ValidationError) as exc:
        services.bezetting_vastleggen(
            locatie=locatie, peildatum=peildatum, bezet=bezet, user=gemeente_user
        )
    assert any(melding in m for m in messages_of(exc))
    assert footprint() == before


def test_bezetting_equal_to_capacity_on_the_first_and_last_day_is_accepted(gemeente_user):
    locatie = GooLocatieFactory(
        gemeente=gemeente_user.gemeente,
        capaciteit=30,
        beschikbaar_vanaf=date(2025, 1, 1),
        beschikbaar_tot=date(2026, 6, 30),
    )
    for d in (date(2025, 1, 1), date(2026, 6, 30)):
        services.bezetting_vastleggen(locatie=locatie, peildatum=d, bezet=30, user=gemeente_user)
    assert Bezetting.objects.filter(locatie=locatie).count() == 2


def test_a_second_figure_for_a_date_corrects_the_first_and_keeps_it_in_history(gemeente_user):
    locatie = GooLocatieFactory(gemeente=gemeente_user.gemeente)
    d = date(2026, 3, 1)
    services.bezetting_vastleggen(locatie=locatie, peildatum=d, bezet=20, user=gemeente_user)
    services.bezetting_vastleggen(locatie=locatie, peildatum=d, bezet=25, user=gemeente_user)
    bezetting = Bezetting.objects.get()
    assert bezetting.bezet == 25
    assert [h.bezet for h in bezetting.history.order_by("history_id")] == [20, 25]
    assert bezetting.history.order_by("history_id").last().history_change_reason == "Correctie"


def test_lowering_capacity_below_a_registered_bezetting_is_refused(gemeente_user):
    locatie = GooLocatieFactory(gemeente=gemeente_user.gemeente, capaciteit=30)
    services.bezetting_vastleggen(
        locatie=locatie, peildatum=date(2026, 3, 1), bezet=28, user=gemeente_user
    )
    with pytest.raises(ValidationError) as exc:
        services.goo_locatie_wijzigen(
            locatie=locatie, versie=1, data={"capaciteit": 27}, user=gemeente_user
        )
    assert "28 bedden bezet" in exc.value.message_dict["capaciteit"][0]
    locatie.refresh_from_db()
    assert (locatie.capaciteit, locatie.versie) == (30, 1)


def test_moving_the_first_day_past_a_bezetting_is_refused(gemeente_user):
    locatie = GooLocatieFactory(gemeente=gemeente_user.gemeente, beschikbaar_vanaf=date(2025, 1, 1))
    services.bezetting_vastleggen(
        locatie=locatie, peildatum=date(2025, 2, 1), bezet=1, user=gemeente_user
    )
    with pytest.raises(ValidationError):
        services.goo_locatie_wijzigen(
            locatie=locatie,
            versie=1,
            data={"beschikbaar_vanaf": date(2025, 3, 1)},
            user=gemeente_user,
        )
    with pytest.raises(ValidationError):
        services.goo_locatie_wijzigen(
            locatie=locatie,
            versie=1,
            data={"beschikbaar_tot": date(2025, 1, 31)},
            user=gemeente_user,
        )


def test_a_stale_version_is_a_conflict_and_changes_nothing(gemeente_user):
    locatie = GooLocatieFactory(gemeente=gemeente_user.gemeente, capaciteit=30)
    services.goo_locatie_wijzigen(
        locatie=locatie, versie=1, data={"capaciteit": 35}, user=gemeente_user
    )
    with pytest.raises(services.VersieConflict) as exc:
        services.goo_locatie_wijzigen(
            locatie=locatie, versie=1, data={"capaciteit": 40}, user=gemeente_user
        )
    assert exc.value.huidig.capaciteit == 35
    locatie.refresh_from_db()
    assert (locatie.capaciteit, locatie.versie) == (35, 2)


def test_particuliere_opvang_may_be_unknown_and_is_then_not_zero(gemeente, gemeente_user):
    record = services.particuliere_opvang_vastleggen(
        gemeente=gemeente, peildatum=date(2026, 3, 1), aantal=None, bron="", user=gemeente_user
    )
    assert record.aantal is None
    services.particuliere_opvang_vastleggen(
        gemeente=gemeente, peildatum=date(2026, 3, 1), aantal=12, bron="BRP", user=gemeente_user
    )
    assert ParticuliereOpvang.objects.get().aantal == 12
    with pytest.raises(ValidationError):
        services.particuliere_opvang_vastleggen(
            gemeente=gemeente, peildatum=date(2026, 4, 1), aantal=-1, bron="", user=gemeente_user
        )


def test_a_streefgetal_for_an_unknown_gemeente_or_regio_is_refused(
    provincie, vreemde_gemeente, prt_user
):
    before = footprint()
    for kwargs, melding in [
        ({"gemeente_code": "GM9999"}, "Gemeente ‘GM9999’ is onbekend in deze provincie"),
        ({"gemeente_code": vreemde_gemeente.code}, f"‘{vreemde_gemeente.code}’ is onbekend"),
        ({"regio_naam": "Atlantis"}, "Regio ‘Atlantis’ is onbekend in deze provincie"),
        ({}, meldingen.GEEN_DOEL),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.streefgetal_vastleggen(
                provincie=provincie,
                aantal=10,
                bron="Brief",
                datum=date(2026, 1, 1),
                user=prt_user,
                **kwargs,
            )
        assert melding in exc.value.messages[0]
    assert footprint() == before


def test_every_version_of_a_streefgetal_is_kept_and_never_changed(gemeente, prt_user):
    regio = RegioFactory(provincie=gemeente.provincie, naam="U16")
    for aantal in (100, 120):
        services.streefgetal_vastleggen(
            provincie=gemeente.provincie,
            regio_naam="u16",
            aantal=aantal,
            bron="PRT",
            datum=date(2026, 1, aantal // 10),
            user=prt_user,
        )
    versies = list(Streefgetal.objects.filter(regio=regio).versies())
    assert [v.aantal for v in versies] == [100, 120]
    versies[0].aantal = 1
    with pytest.raises(StreefgetalIsVastgelegd):
        versies[0].save()
    with pytest.raises(StreefgetalIsVastgelegd):
        versies[0].delete()


def test_the_database_refuses_what_the_checks_refuse(gemeente):
    kwargs = {"gemeente": gemeente, "naam": "X", "soort": Soort.HOTEL, "status": Status.IN_GEBRUIK}
    for bad in (
        {"capaciteit": 0, "beschikbaar_vanaf": date(2025, 1, 1)},
        {
            "capaciteit": 5,
            "beschikbaar_vanaf": date(2025, 1, 2),
            "beschikbaar_tot": date(2025, 1, 1),
        },
        {"capaciteit": 5, "beschikbaar_vanaf": date(2025, 1, 1), "status": Status.BEEINDIGD},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            GooLocatie(**{**kwargs, **bad}).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Streefgetal(aantal=5, bron="x", datum=date(2026, 1, 1)).save()
