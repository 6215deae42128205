"""Demo data for huisvesting statushouders: all gemeenten of Utrecht, 2025-H1 … 2026-H2.

Everything here is marked as demo: taakstellingen pro rata inhabitants of the national
totals (is_demo, source text "Demo-schatting"), start balances, monthly figures, IBT
steps and measures whose texts say "Demo". Each gemeente gets a pace factor so that
every rating appears (op schema, enigszins achter, achter, some two half years or more
in a row). Idempotent: a province that already has demo taakstellingen is left alone.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from gemeenten.models import Gemeente, Provincie, User
from huisvesting import services
from huisvesting.constants import Bron, IbtStapSoort, MaatregelSoort, MaatregelStatus
from huisvesting.models import Halfjaar, LandelijkeTaakstelling, Taakstelling

HALFJAREN = ("2025-H1", "2025-H2", "2026-H1", "2026-H2")
# 2026 has no published national figure: the demo uses 13.000 (as 2025-H2), marked demo.
LANDELIJK_DEMO = 13000
# Pace factors in turn: op schema, op schema, enigszins achter, enigszins achter, achter.
TEMPO = (1.25, 1.05, 0.9, 0.8, 0.5, 1.1, 0.95, 0.6)
# The Netherlands' inhabitants (CBS, 1 January 2024), for the share of a gemeente when the
# database holds only some gemeenten' inhabitants.
INWONERS_NEDERLAND = 17_942_942
BRON = "Demo-schatting naar rato van het aantal inwoners (geen officieel cijfer)"


def _landelijk(halfjaar):
    versie = LandelijkeTaakstelling.objects.filter(halfjaar=halfjaar).order_by("datum", "id").last()
    return versie.personen if versie else LANDELIJK_DEMO


def _maanden(halfjaar):
    return [date(halfjaar.begin.year, halfjaar.begin.month + i, 1) for i in range(6)]


def _taakstellingen(gemeenten, halfjaren):
    inwoners_nl = max(Gemeente.objects.aggregate(s=Sum("inwoners"))["s"] or 0, INWONERS_NEDERLAND)
    taak = {}
    for g in gemeenten:
        for h in halfjaren:
            personen = round(_landelijk(h) * g.inwoners / inwoners_nl)
            services.taakstelling_vastleggen(
                gemeente=g, halfjaar=h, personen=personen, bron=BRON, datum=h.begin,
                user=None, is_demo=True,
            )  # fmt: skip
            taak[g.pk, h.pk] = personen
    return taak


def _realisatie(g, i, halfjaren, taak, tot):
    """Return the rows of COA figures (and, for every third gemeente, its own) at its pace."""
    factor, saldo = TEMPO[i % len(TEMPO)], (i % 5) - 2
    services.startsaldo_vastleggen(
        gemeente=g, halfjaar=halfjaren[0], saldo=saldo, datum=halfjaren[0].begin, user=None,
        bron="Demo: startsaldo 2025-H1 (geen officieel cijfer)",
    )  # fmt: skip
    rijen = []
    for h in halfjaren:
        gecorrigeerd = taak[g.pk, h.pk] + saldo
        maanden = [m for m in _maanden(h) if m < tot]
        aantallen = [max(0, round(gecorrigeerd * factor / 6 + (n % 3) - 1)) for n in range(6)]
        for n, maand in enumerate(maanden):
            rijen.append((g, maand, aantallen[n], Bron.COA))
            if i % 3 == 0:
                rijen.append((g, maand, aantallen[n] + (1 if n == 2 else 0), Bron.GEMEENTE))
        saldo = gecorrigeerd - sum(aantallen[: len(maanden)])
    return rijen


def _ibt_en_maatregelen(g, i, halfjaren, prt):
    """Record IBT steps for the gemeenten far behind, and one measure per demo gemeente."""
    if TEMPO[i % len(TEMPO)] < 0.75 and prt is not None:
        for stap, datum in ((IbtStapSoort.SIGNAAL, date(2025, 7, 15)),
                            (IbtStapSoort.AMBTELIJK_GESPREK, date(2026, 1, 20))):  # fmt: skip
            services.ibt_stap_vastleggen(
                gemeente=g, stap=stap, datum=datum, halfjaar=halfjaren[0], user=prt,
                reden=f"Demo: {g.naam} blijft achter bij het tempo.",
            )  # fmt: skip
    gebruiker = User.objects.filter(gemeente=g, is_active=True).first()
    if gebruiker is not None:
        services.maatregel_opslaan(
            gemeente=g, user=gebruiker,
            data={"projectnaam": f"Demo: flexwoningen {g.naam}",
                  "soort": MaatregelSoort.FLEXWONINGEN, "woningen": 20 + i,
                  "personen": 40 + 2 * i, "verwacht_op": date(2026, 10, 1),
                  "status": MaatregelStatus.BESLOTEN, "toelichting": "Demo-maatregel."},
        )  # fmt: skip


def demo_huisvesting(provinciecode, vandaag=None):
    """Fill the province's statushouders demo data; return a line for the demo's report."""
    provincie = Provincie.objects.get(code=provinciecode)
    # A taakstelling is pro rata inhabitants: a gemeente whose population is unknown
    # gets none (never one computed from 0 inhabitants).
    gemeenten = list(
        Gemeente.objects.filter(provincie=provincie, inwoners__isnull=False).order_by("naam")
    )
    klaar = f"Statushouders: demogegevens voor {len(gemeenten)} gemeenten, 2025-H1 … 2026-H2."
    if Taakstelling.objects.filter(gemeente__provincie=provincie, is_demo=True).exists():
        return klaar
    halfjaren = list(Halfjaar.objects.filter(code__in=HALFJAREN).order_by("begin"))
    if len(halfjaren) != len(HALFJAREN):
        return (
            "Statushouders: de halfjaren ontbreken (migratie huisvesting 0002); geen demogegevens."
        )
    tot = (vandaag or timezone.localdate()).replace(day=1)  # complete months only
    prt = User.objects.filter(username="prt", provincie=provincie).first()
    with transaction.atomic():
        taak = _taakstellingen(gemeenten, halfjaren)
        rijen = []
        for i, g in enumerate(gemeenten):
            rijen += _realisatie(g, i, halfjaren, taak, tot)
            _ibt_en_maatregelen(g, i, halfjaren, prt)
        # One write of every month (as an import): the rows are valid by construction.
        services.realisaties_importeren(rijen=rijen, user=None)
    return klaar
