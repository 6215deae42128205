"""The import writes in bulk: at most one query per row, with a history record per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opvang.models import Locatie
from tests.factories import LocatieFactory

from .test_excel_import import fouten_van, importeer, rij, werkboek

pytestmark = pytest.mark.django_db

NIEUW = 300
GEWIJZIGD = 30


def test_an_import_takes_at_most_one_query_per_row_and_keeps_the_history(gemeente, gemeente_user):
    bestaand = [
        LocatieFactory(gemeente=gemeente, naam=f"Bestaand {i}", plekken=5, amv_plekken=0)
        for i in range(GEWIJZIGD)
    ]
    inhoud = werkboek(
        [rij(Naam_locatie=f"Nieuw {i}", Plekken=10 + i) for i in range(NIEUW)]
        + [rij(Naam_locatie=loc.naam, Plekken=50) for loc in bestaand]
    )

    with CaptureQueriesContext(connection) as queries:
        record = importeer(inhoud, gemeente_user)

    assert (record.toegevoegd, record.gewijzigd) == (NIEUW, GEWIJZIGD)
    assert len(queries) <= (NIEUW + GEWIJZIGD) / 10  # validated in memory, written in batches
    assert "_check" not in " ".join(q["sql"] for q in queries)
    nieuw = Locatie.objects.get(naam="Nieuw 7")
    assert nieuw.plekken == 17
    record_nieuw = nieuw.history.get()
    assert (record_nieuw.history_type, record_nieuw.history_user) == ("+", gemeente_user)
    assert record_nieuw.history_change_reason == record.reden
    gewijzigd = Locatie.objects.get(pk=bestaand[3].pk)
    assert (gewijzigd.plekken, gewijzigd.versie) == (50, 2)
    laatste = gewijzigd.history.order_by("-history_id").first()
    assert (laatste.history_type, laatste.history_user, laatste.plekken) == (
        "~",
        gemeente_user,
        50,
    )
    assert gewijzigd.gewijzigd_op > bestaand[3].gewijzigd_op


def test_the_in_memory_checks_give_the_web_forms_messages(gemeente, gemeente_user):
    LocatieFactory(gemeente=gemeente, naam="Bestaand")
    fouten = fouten_van(
        werkboek(
            [
                rij(Naam_locatie="Te veel AMV", Plekken=5, Waarvan_AMV=9),
                rij(Naam_locatie="Max te klein", Status="in voorbereiding", Plekken_max=1),
                rij(Naam_locatie="Tot voor vanaf", Beschikbaar_tot="2023-01-01"),
            ]
        ),
        gemeente_user,
    )

    meldingen = {(r, k): m for _, r, k, _, m in fouten}
    assert "groter dan het aantal plekken (5)" in meldingen[(2, "Waarvan AMV")]
    assert (3, "Plekken max") in meldingen
    assert (4, "Beschikbaar tot") in meldingen
