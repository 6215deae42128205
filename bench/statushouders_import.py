"""Print the time of importing 342 gemeenten × 12 months of statushouders figures.

The workbook (sheet Realisatie, 4.104 rows, bron COA, January–December 2025) is built
in memory; the import (file checks, reading, every row validated, all rows stored one by
one with their history in one transaction) is measured next to a bare openpyxl read of
the same bytes (read-only, values only) in the same run, and printed as a ratio. Each
import runs in a transaction that is rolled back, so it can be repeated. Uses the
database in DATABASE_URL (migrated); adds a province "Bench" with 342 gemeenten if it
is not there.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/statushouders_import.py
"""

import argparse
import io
import statistics
import time
from datetime import date

from _django import setup

GEMEENTEN, MAANDEN = 342, 12


class Terugdraaien(Exception):
    pass


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=3, help="metingen (3)")
    return parser.parse_args()


def bench_gemeenten():
    from gemeenten.models import Gemeente, Provincie

    provincie, _ = Provincie.objects.get_or_create(code="PV99", defaults={"naam": "Bench"})
    for n in range(GEMEENTEN - provincie.gemeenten.count()):
        Gemeente(code=f"GM{8000 + provincie.gemeenten.count():04d}", naam=f"Bench-gemeente {n}",
                 provincie=provincie, inwoners=50000).save()  # fmt: skip
    return provincie, list(provincie.gemeenten.order_by("code"))


def werkboek(gemeenten):
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = "Realisatie"
    blad.append(["Gemeentecode", "Gemeente", "Maand", "Gehuisvest", "Bron"])
    for g in gemeenten:
        for m in range(1, MAANDEN + 1):
            blad.append([g.code, g.naam, f"2025-{m:02d}", m % 7, "COA"])
    out = io.BytesIO()
    boek.save(out)
    return out.getvalue()


def kale_lezing(inhoud):
    import openpyxl

    boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    rijen = sum(1 for _ in boek["Realisatie"].iter_rows(values_only=True))
    boek.close()
    return rijen


def importeer(inhoud, gemeenten, user):
    from django.db import transaction

    from gemeenten.models import Gemeente
    from huisvesting.excel.realisatie import controleer_rijen, lees
    from huisvesting.services import realisaties_importeren

    try:
        with transaction.atomic():
            gelezen = lees(inhoud, "bench.xlsx")
            codes = Gemeente.objects.values_list("code", flat=True)
            rijen, fouten = controleer_rijen(
                gelezen, toegestaan=gemeenten, bekend=codes, vandaag=date(2026, 1, 1)
            )
            assert not fouten, fouten[:3]
            aantal = realisaties_importeren(rijen=rijen, user=user)
            raise Terugdraaien(aantal)
    except Terugdraaien as klaar:
        return klaar.args[0]


def meet(functie, herhalingen):
    tijden, uitkomst = [], None
    for _ in range(herhalingen):
        start = time.perf_counter()
        uitkomst = functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), uitkomst


def main():
    args = parse_args()
    setup()
    from gemeenten.models import User

    _, gemeenten = bench_gemeenten()
    inhoud = werkboek(gemeenten)
    user = User.objects.filter(is_active=True).first()
    kaal, rijen = meet(lambda: kale_lezing(inhoud), args.herhalingen)
    vol, opgeslagen = meet(lambda: importeer(inhoud, gemeenten, user), args.herhalingen)
    print(f"werkboek: {len(gemeenten)} gemeenten × {MAANDEN} maanden = {rijen - 1} rijen, "
          f"{len(inhoud) / 1024:.0f} kB")  # fmt: skip
    print(f"kale openpyxl-lezing (read-only, waarden): {kaal * 1000:8.1f} ms (mediaan)")
    print(f"import (controles, {opgeslagen} rijen opgeslagen met historie): {vol * 1000:8.1f} ms")
    print(f"verhouding import / kale lezing: {vol / kaal:.1f}×")


if __name__ == "__main__":
    main()
