"""The capacity history as a running sum equals is_in_gebruik_op on every first of a month."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from opvang.telregels import LocatieWaarden, Telvenster, is_in_gebruik_op
from rapportage.selectors import capaciteit_per_maand

STATUSSEN = ("in_gebruik", "beeindigd", "in_realisatie", "in_voorbereiding", "vervallen")


@dataclass(frozen=True)
class Loc:
    waarden: LocatieWaarden


@dataclass(frozen=True)
class Rij:
    locaties: tuple


def willekeurige_locatie(rng):
    vanaf = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2200))
    tot = rng.choice([None, vanaf + timedelta(days=rng.randrange(-40, 900))])
    # Boundaries on purpose: first and last days of months.
    if rng.random() < 0.3:
        vanaf = vanaf.replace(day=1)
    if tot and rng.random() < 0.3:
        tot = tot.replace(day=1)
    return LocatieWaarden(
        status=rng.choice(STATUSSEN),
        soort="regionaal",
        plekken=rng.randrange(1, 300),
        vanaf=vanaf,
        tot=tot,
    )


def test_the_running_sum_equals_counting_every_location_on_every_month():
    rng = random.Random(13)  # noqa: S311 (test data, not secrets)
    venster = Telvenster(van=date(2025, 7, 1), tot=date(2026, 2, 1))
    for _ in range(30):
        waarden = [willekeurige_locatie(rng) for _ in range(rng.randrange(1, 60))]
        rijen = [Rij(tuple(Loc(w) for w in waarden))]
        reeks = capaciteit_per_maand(rijen, venster, date(2024, 10, 15), vandaag=date(2026, 1, 1))
        ooit = [w for w in waarden if is_in_gebruik_op(w, w.vanaf)]
        assert [p.plekken for p in reeks] == [
            sum(w.plekken for w in ooit if is_in_gebruik_op(w, p.datum)) for p in reeks
        ]
        assert bool(reeks) == bool(ooit)


def test_the_sum_of_per_gemeente_parts_equals_the_history_of_all_locations():
    from rapportage.capaciteit import capaciteit_uit_delen, capaciteit_uit_waarden, maand_delta

    rng = random.Random(15)  # noqa: S311 (test data, not secrets)
    venster = Telvenster(van=date(2025, 7, 1), tot=date(2026, 2, 1))
    for peildatum in (date(2024, 10, 15), date(2045, 1, 1)):  # 2045: the 360-month cut-off
        for _ in range(20):
            waarden = [willekeurige_locatie(rng) for _ in range(rng.randrange(0, 80))]
            if rng.random() < 0.3:
                waarden.append(
                    LocatieWaarden(
                        status="in_gebruik",
                        soort="regionaal",
                        plekken=9,
                        vanaf=date(1990, 3, 2),
                        tot=date(2001, 5, 1),
                    )
                )
            gemeenten = [waarden[i::5] for i in range(5)]
            delen = [maand_delta(g) for g in gemeenten]
            alle = capaciteit_uit_waarden(waarden, venster, peildatum, vandaag=date(2026, 1, 1))
            assert capaciteit_uit_delen(delen, venster, peildatum, vandaag=date(2026, 1, 1)) == alle
            ooit = [w for w in waarden if is_in_gebruik_op(w, w.vanaf)]
            assert [p.plekken for p in alle] == [
                sum(w.plekken for w in ooit if is_in_gebruik_op(w, p.datum)) for p in alle
            ]
