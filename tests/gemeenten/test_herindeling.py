"""A gemeentelijke herindeling: merged gemeenten keep their history and leave later cycles.

Three gemeenten of one province: Oud merges on 1 January 2026 into Nieuw (instituted
that day); Later merges on 1 January 2027 into Blijft. Cycle 1 has the indeling of
1 January 2024, cycle 2 that of 1 January 2026.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse

from gemeenten.models import (
    HERINDELING_ONVOLLEDIG,
    OPGEGAAN_IN_ZICHZELF,
    OPGEHEVEN_VOOR_INGESTELD,
    OPVOLGER_BESTAAT_NIET,
    Gemeente,
)
from kern.dates import GEEN_EERSTE_JANUARI
from opvang.selectors import gemeenten_in_cyclus
from rapportage.selectors import verslag_rapport
from tests.factories import CyclusFactory, GemeenteFactory, OpgaveFactory

JAN_2026 = date(2026, 1, 1)
JAN_2027 = date(2027, 1, 1)


@pytest.fixture
def indeling(provincie):
    nieuw = GemeenteFactory(provincie=provincie, naam="Nieuw", ingesteld_per=JAN_2026)
    oud = GemeenteFactory(provincie=provincie, naam="Oud")
    blijft = GemeenteFactory(provincie=provincie, naam="Blijft")
    later = GemeenteFactory(provincie=provincie, naam="Later")
    for gemeente, per, opvolger in ((oud, JAN_2026, nieuw), (later, JAN_2027, blijft)):
        gemeente.opgeheven_per, gemeente.opgegaan_in = per, opvolger
        gemeente.full_clean()
        gemeente.save()
    return {g.naam: g for g in (nieuw, oud, blijft, later)}


@pytest.fixture
def cyclus1(db):
    return CyclusFactory(nummer=1, indeling_per=date(2024, 1, 1))


@pytest.fixture
def cyclus2(db):
    return CyclusFactory(nummer=2, telvenster_van=None, telvenster_tot=None, indeling_per=JAN_2026)


def namen(gemeenten):
    return sorted(g.naam for g in gemeenten)


def test_a_cycle_lists_the_gemeenten_of_its_indeling(provincie, indeling, cyclus1, cyclus2):
    assert namen(gemeenten_in_cyclus(provincie, cyclus1)) == ["Blijft", "Later", "Oud"]
    # Oud was opgeheven before cycle 2, its successor Nieuw is listed; Later is
    # opgeheven only after cycle 2's indeling and still counts in it.
    assert namen(gemeenten_in_cyclus(provincie, cyclus2)) == ["Blijft", "Later", "Nieuw"]


def test_without_an_indeling_a_cycle_lists_the_gemeenten_of_today(provincie, indeling):
    cyclus = CyclusFactory(nummer=3, indeling_per=None)
    vandaag = date(2027, 6, 1)
    assert namen(gemeenten_in_cyclus(provincie, cyclus, vandaag=vandaag)) == ["Blijft", "Nieuw"]


def test_bestaand_op_and_bestaat_op_agree(indeling):
    for dag in (date(2025, 12, 31), JAN_2026, date(2026, 12, 31), JAN_2027):
        bestaand = set(Gemeente.objects.bestaand_op(dag))
        assert bestaand == {g for g in indeling.values() if g.bestaat_op(dag)}, dag


def test_the_report_of_a_cycle_has_a_row_per_gemeente_of_its_indeling(
    provincie, indeling, cyclus1, cyclus2
):
    OpgaveFactory(gemeente=indeling["Oud"], cyclus=cyclus1, plekken=100, amv_plekken=None)
    OpgaveFactory(gemeente=indeling["Nieuw"], cyclus=cyclus2, plekken=250, amv_plekken=None)
    eerste = verslag_rapport(provincie=provincie, cyclus=cyclus1, peildatum=date(2024, 10, 15))
    tweede = verslag_rapport(provincie=provincie, cyclus=cyclus2, peildatum=date(2026, 10, 15))
    assert sorted(r.naam for r in eerste.gemeenten) == ["Blijft", "Later", "Oud"]
    assert sorted(r.naam for r in tweede.gemeenten) == ["Blijft", "Later", "Nieuw"]
    assert (eerste.opgave_plekken, tweede.opgave_plekken) == (100, 250)


def test_the_uitvraag_overview_lists_the_gemeenten_of_its_cycle(
    client, provincie, indeling, cyclus2, prt_user
):
    from opvang.models import Uitvraag

    uitvraag = Uitvraag.objects.create(
        provincie=provincie, cyclus=cyclus2, deadline=date(2026, 11, 1), geopend_door=prt_user
    )
    client.force_login(prt_user)
    response = client.get(reverse("opvang:uitvraag_detail", args=[uitvraag.pk]))
    assert namen(r[0] for r in response.context["rijen"]) == ["Blijft", "Later", "Nieuw"]


def test_a_merged_gemeente_keeps_its_history_and_cannot_be_deleted(indeling):
    oud = indeling["Oud"]
    laatste = oud.history.latest()
    assert (laatste.opgeheven_per, laatste.opgegaan_in_id) == (JAN_2026, indeling["Nieuw"].pk)
    assert oud.history.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        indeling["Nieuw"].delete()


@pytest.mark.parametrize("dag", [date(2026, 2, 1), date(2026, 12, 31)])
def test_a_herindeling_is_on_a_1_january(indeling, dag):
    oud = indeling["Oud"]
    oud.opgeheven_per = dag
    with pytest.raises(ValidationError) as fout:
        oud.full_clean()
    assert fout.value.message_dict["opgeheven_per"] == [GEEN_EERSTE_JANUARI]


def test_opgeheven_without_a_successor_is_refused(gemeente):
    gemeente.opgeheven_per = JAN_2026
    with pytest.raises(ValidationError) as fout:
        gemeente.full_clean()
    assert HERINDELING_ONVOLLEDIG in fout.value.messages


def test_a_gemeente_cannot_merge_into_itself(gemeente):
    gemeente.opgeheven_per, gemeente.opgegaan_in = JAN_2026, gemeente
    with pytest.raises(ValidationError) as fout:
        gemeente.full_clean()
    assert OPGEGAAN_IN_ZICHZELF in fout.value.messages


def test_the_successor_must_exist_on_the_day(indeling):
    blijft = indeling["Blijft"]
    # Nieuw is instituted on 1 January 2026; Later no longer exists in 2027.
    for opvolger, per in ((indeling["Nieuw"], date(2025, 1, 1)), (indeling["Later"], JAN_2027)):
        blijft.opgeheven_per, blijft.opgegaan_in = per, opvolger
        with pytest.raises(ValidationError) as fout:
            blijft.full_clean()
        assert fout.value.message_dict["opgegaan_in"] == [OPVOLGER_BESTAAT_NIET]


def test_a_gemeente_is_opgeheven_after_it_was_instituted(indeling):
    nieuw = indeling["Nieuw"]
    nieuw.opgeheven_per, nieuw.opgegaan_in = JAN_2026, indeling["Blijft"]
    with pytest.raises(ValidationError) as fout:
        nieuw.full_clean()
    assert OPGEHEVEN_VOOR_INGESTELD in fout.value.messages


def test_the_database_refuses_an_incomplete_herindeling(gemeente):
    with pytest.raises(IntegrityError), transaction.atomic():
        # Around the audited manager, as raw SQL would: the database itself refuses.
        QuerySet.update(Gemeente.objects.filter(pk=gemeente.pk), opgeheven_per=JAN_2026)
