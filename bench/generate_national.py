"""Fill the database of DATABASE_URL with a national-scale bench dataset.

12 provincies, 342 gemeenten (the 2023 number per province), at least 15.000
locations spread evenly over every status and type, a target per gemeente and per
province an uitvraag in which a third of the gemeenten submitted (half of them
accepted). Everything generated carries "Bench" in its name or source, so it can
never be mistaken for real data.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/generate_national.py

Refuses to run when the database already holds locations, unless --force.
"""

import argparse
import logging
import random
import sys
import time
from datetime import date, timedelta

from _django import setup

# Gemeenten per province in 2023 (CBS): 342 in all.
GEMEENTEN_PER_PROVINCIE = {
    "PV20": 10,
    "PV21": 18,
    "PV22": 12,
    "PV23": 25,
    "PV24": 6,
    "PV25": 51,
    "PV26": 26,
    "PV27": 44,
    "PV28": 50,
    "PV29": 13,
    "PV30": 56,
    "PV31": 31,
}
# Provincial targets of cycle 1 (DOMAIN.md §3); AMV about 8.5%.
OPGAVE_PER_PROVINCIE = {
    "PV20": 2717,
    "PV21": 3391,
    "PV22": 2691,
    "PV23": 6325,
    "PV24": 2441,
    "PV25": 11704,
    "PV26": 8207,
    "PV27": 16290,
    "PV28": 19776,
    "PV29": 2109,
    "PV30": 14689,
    "PV31": 5662,
}
BENCH_BRON = "Bench-opgave (gegenereerd, geen officieel cijfer)"
BENCH_GEMEENTECODE_START = 5000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locaties", type=int, default=15000, help="aantal locaties (15000)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--force", action="store_true", help="ook draaien als er al locaties zijn")
    return parser.parse_args()


def referentie():
    """Migrate, load the reference data if missing, and return (cycle 1, provinces)."""
    from django.core.management import call_command

    from gemeenten.models import Provincie
    from opvang.models import Cyclus

    call_command("migrate", verbosity=0)
    if not Provincie.objects.exists():
        call_command("loaddata", "referentie", verbosity=0)
    return Cyclus.objects.get(nummer=1), list(Provincie.objects.order_by("code"))


def gemeenten_aanvullen(provincie, rng):
    """Add bench gemeenten (and two bench regions) until the province has its number."""
    from gemeenten.models import Gemeente, Regio

    regios = [
        Regio.objects.get_or_create(provincie=provincie, naam=f"Bench-regio {provincie.code}-{i}")[
            0
        ]
        for i in (1, 2)
    ]
    bestaand = list(provincie.gemeenten.all())
    for n in range(len(bestaand), GEMEENTEN_PER_PROVINCIE[provincie.code]):
        code = f"GM{BENCH_GEMEENTECODE_START + int(provincie.code[2:]) * 100 + n:04d}"
        gemeente, _ = Gemeente.objects.get_or_create(
            code=code,
            defaults={
                "naam": f"Bench-gemeente {provincie.naam} {n + 1:02d}",
                "provincie": provincie,
                "regio": regios[n % 2],
                "inwoners": rng.randint(6000, 350000),
                "inwoners_peildatum": date(2024, 1, 1),
            },
        )
        bestaand.append(gemeente)
    return bestaand


def opgaven_aanvullen(provincie, gemeenten, cyclus):
    """Give each gemeente without a target a bench target; the province adds up."""
    from opvang.constants import Grondslag
    from opvang.models import Opgave
    from portaal.management.commands.demo import verdeel

    met = set(Opgave.objects.filter(cyclus=cyclus).values_list("gemeente_id", flat=True))
    zonder = {g.code: g.inwoners or 1 for g in gemeenten if g.pk not in met}
    if not zonder:
        return
    bekend = sum(
        Opgave.objects.in_cyclus(cyclus)
        .geldend()
        .filter(gemeente__in=gemeenten)
        .values_list("plekken", flat=True)
    )
    plekken = verdeel(max(OPGAVE_PER_PROVINCIE[provincie.code] - bekend, 0), zonder)
    for gemeente in gemeenten:
        if gemeente.code in zonder:
            Opgave(
                gemeente=gemeente,
                cyclus=cyclus,
                grondslag=Grondslag.INDICATIEF,
                plekken=plekken[gemeente.code],
                amv_plekken=plekken[gemeente.code] * 85 // 1000,
                bron=BENCH_BRON,
                datum=date(2024, 2, 1),
                is_demo=True,
            ).save()


def locatie_velden(n, rng):
    """Return the fields of the n-th location: statuses and types rotate, dates vary."""
    from opvang.constants import Soort, Status

    status = list(Status.values)[n % len(Status.values)]
    soort = list(Soort.values)[(n // len(Status.values)) % len(Soort.values)]
    plekken = rng.randint(8, 400)
    vanaf = tot = None
    if status != Status.VERVALLEN and status != Status.IN_VOORBEREIDING:
        vanaf = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4000))
        if status == Status.BEEINDIGD or rng.random() < 0.3:
            tot = vanaf + timedelta(days=rng.randint(60, 3000))
    return {
        "naam": f"Bench-locatie {n:05d}",
        "soort": soort,
        "status": status,
        "plekken": plekken,
        "amv_plekken": plekken // 10 if soort == Soort.AMV or rng.random() < 0.2 else 0,
        "plekken_max": plekken + rng.randint(0, 60) if status == Status.IN_VOORBEREIDING else None,
        "beschikbaar_vanaf": vanaf,
        "beschikbaar_tot": tot,
        "toelichting": "Bench-locatie: gegenereerd voor metingen, geen echte opvanglocatie.",
    }


def locaties_maken(gemeenten, aantal, rng):
    """Save the locations one by one (the audit trail refuses bulk writes)."""
    from django.db import transaction

    from opvang.models import Locatie

    start = Locatie.objects.filter(naam__startswith="Bench-locatie").count()
    gewichten = [rng.uniform(0.2, 2.0) for _ in gemeenten]
    with transaction.atomic():
        for n in range(start, start + aantal):
            gemeente = rng.choices(gemeenten, weights=gewichten)[0]
            Locatie(gemeente=gemeente, **locatie_velden(n, rng)).save()


def uitvraag_met_indieningen(provincie, gemeenten, cyclus, rng):
    """Open an uitvraag; a third of the gemeenten submit, half of those are accepted."""
    from gemeenten.constants import Rol
    from gemeenten.models import User
    from opvang import services
    from opvang.models import Uitvraag

    prt, _ = User.objects.get_or_create(
        username=f"bench-prt-{provincie.code}",
        defaults={"rol": Rol.PRT, "provincie": provincie, "last_name": "Bench"},
    )
    if Uitvraag.objects.filter(provincie=provincie, cyclus=cyclus).exists():
        return
    uitvraag = services.uitvraag_openen(
        provincie=provincie,
        cyclus=cyclus,
        deadline=date(2024, 10, 1),
        bericht="Bench-uitvraag",
        user=prt,
    )
    for i, gemeente in enumerate(rng.sample(gemeenten, len(gemeenten) // 3)):
        user, _ = User.objects.get_or_create(
            username=f"bench-gemeente-{gemeente.code}",
            defaults={"rol": Rol.GEMEENTE, "gemeente": gemeente, "last_name": "Bench"},
        )
        indiening, _ = services.indiening_indienen(uitvraag=uitvraag, gemeente=gemeente, user=user)
        if i % 2 == 0:
            services.indiening_beoordelen(indiening=indiening, akkoord=True, opmerking="", user=prt)


def main():
    args = parse_args()
    setup()
    # The audit and security log would print a line per submission.
    logging.disable(logging.INFO)
    from django.db import connection
    from django.db.models import Count

    from gemeenten.models import Gemeente
    from opvang.models import Locatie

    begin = time.perf_counter()
    rng = random.Random(args.seed)  # noqa: S311 (bench data, not security)
    cyclus, provincies = referentie()
    if Locatie.objects.exists() and not args.force:
        sys.exit(
            "De database bevat al locaties; de benchgegevens horen in een lege database. "
            "Gebruik --force om toch aan te vullen."
        )
    alle = []
    for provincie in provincies:
        gemeenten = gemeenten_aanvullen(provincie, rng)
        opgaven_aanvullen(provincie, gemeenten, cyclus)
        alle += gemeenten
    locaties_maken(alle, args.locaties, rng)
    for provincie in provincies:
        uitvraag_met_indieningen(
            provincie, [g for g in alle if g.provincie_id == provincie.pk], cyclus, rng
        )
    print(
        f"Klaar in {time.perf_counter() - begin:.0f} s ({connection.vendor}): "
        f"{len(provincies)} provincies, {Gemeente.objects.count()} gemeenten, "
        f"{Locatie.objects.count()} locaties."
    )
    per_status = Locatie.objects.order_by().values_list("status").annotate(n=Count("id"))
    for status, aantal in sorted(per_status):
        print(f"  {status:<18} {aantal:>6}")


if __name__ == "__main__":
    main()
