"""Print the median server time and query count of the report pages at national scale.

For the province with the most locations and for Utrecht: the JSON export (both
sources), the dashboard, its gemeente table (sorted) and its XLSX export, next to a
minimal Django view (the login page) measured in the same run. Requests go through
Django's test Client in-process, so the times are server time without network or
browser.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/measure.py
"""

import argparse
import logging
import statistics
import time

from _django import setup


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=15, help="metingen per pagina (15)")
    return parser.parse_args()


def meet(client, url, herhalingen):
    """Return (median ms, queries, response bytes) of GET url; the first run warms up."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Django empties the query log when a request starts; start from empty as well,
    # so that the count is the request's own.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} gaf status {response.status_code}; meting afgebroken.")
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden), len(queries), len(response.content)


def provincies_om_te_meten():
    """Return [(label, provincie)]: the one with the most locations, and Utrecht."""
    from django.db.models import Count

    from gemeenten.models import Provincie

    grootste = (
        Provincie.objects.annotate(n=Count("gemeenten__locaties")).order_by("-n", "code").first()
    )
    utrecht = Provincie.objects.get(code="PV26")
    return [(f"{grootste.naam} (grootste)", grootste), ("Utrecht", utrecht)]


def prt_voor(provincie):
    from gemeenten.constants import Rol
    from gemeenten.models import User

    user, _ = User.objects.get_or_create(
        username=f"bench-prt-{provincie.code}",
        defaults={"rol": Rol.PRT, "provincie": provincie, "last_name": "Bench"},
    )
    return user


def main():
    args = parse_args()
    setup()
    logging.disable(logging.WARNING)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from gemeenten.models import Gemeente
    from opvang.models import Locatie

    rijen = []
    anoniem = Client()
    rijen.append(
        ("-", "minimale view (inlogpagina)", *meet(anoniem, reverse("login"), args.herhalingen))
    )
    for label, provincie in provincies_om_te_meten():
        client = Client()
        client.force_login(prt_voor(provincie))
        json_url = reverse("rapportage:verslag_json", args=[provincie.code, 1])
        dashboard_url = reverse("rapportage:dashboard", args=[provincie.code])
        xlsx_url = reverse("rapportage:gemeenten_xlsx", args=[provincie.code])
        paginas = [
            ("verslag.json (actueel)", f"{json_url}?peildatum=2024-10-15"),
            ("verslag.json (akkoord)", f"{json_url}?peildatum=2024-10-15&bron=akkoord"),
            ("dashboard", f"{dashboard_url}?cyclus=1&peildatum=2024-10-15"),
            ("gemeentetabel (dashboard, -dekking)", f"{dashboard_url}?cyclus=1&sort=-dekking"),
            ("XLSX-export gemeentetabel", f"{xlsx_url}?cyclus=1&peildatum=2024-10-15"),
        ]
        n_gem = Gemeente.objects.filter(provincie=provincie).count()
        n_loc = Locatie.objects.filter(gemeente__provincie=provincie).count()
        for naam, url in paginas:
            rijen.append(
                (f"{label}: {n_gem} gem., {n_loc} loc.", naam, *meet(client, url, args.herhalingen))
            )
    rijen.append(
        ("-", "minimale view (inlogpagina)", *meet(anoniem, reverse("login"), args.herhalingen))
    )

    print(
        f"Database: {connection.vendor}, {Gemeente.objects.count()} gemeenten, "
        f"{Locatie.objects.count()} locaties; DEBUG={settings.DEBUG}; "
        f"mediaan van {args.herhalingen} metingen na één opwarmronde."
    )
    kop = ("provincie", "pagina", "mediaan ms", "queries", "bytes")
    tabel = [kop] + [(p, n, f"{ms:.1f}", str(q), str(b)) for p, n, ms, q, b in rijen]
    breedtes = [max(len(r[i]) for r in tabel) for i in range(len(kop))]
    for i, rij in enumerate(tabel):
        cellen = [
            c.ljust(b) if j < 2 else c.rjust(b)
            for j, (c, b) in enumerate(zip(rij, breedtes, strict=True))
        ]
        print("  ".join(cellen))
        if i == 0:
            print("  ".join("-" * b for b in breedtes))


if __name__ == "__main__":
    main()
