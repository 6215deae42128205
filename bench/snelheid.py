"""Print every figure of issue 13 as a ratio to its floor, all measured in this one run.

`make bench` runs it on SQLite and on PostgreSQL (docs/snelheid.md). Floors: the login
page (the cheapest Django request), openpyxl write-only with the same rows (XLSX), a
bare read-only openpyxl read of the same file (import). Cold ("koud na wijziging", the
goal): the first request after a change, one location's plekken changed through
opvang.services before each; "lege cache" (information): the whole report cache emptied
before each, stricter than the issue; warm: the next ones. The load run starts gunicorn
with 2 sync workers on 127.0.0.1 and sends the dashboard at a fixed rate for a bounded
time; latency counts from the moment a request was due, so a queue shows.

    DATABASE_URL=... DEBUG=0 .venv/bin/python bench/snelheid.py [--zonder-pdf]

Writes it makes (growth provinces, the import) are rolled back.
"""

import argparse
import io
import logging
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from datetime import date

from _django import BASE_DIR, setup
from generate_national import locatie_velden

PEILDATUM = "2024-10-15"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=9)
    parser.add_argument("--zonder-pdf", action="store_true", help="sla de PDF-meting over")
    parser.add_argument("--poort", type=int, default=int(os.environ.get("BENCH_POORT", "8014")))
    parser.add_argument("--tempo", type=float, default=20.0, help="verzoeken per seconde (20)")
    parser.add_argument("--duur", type=float, default=10.0, help="seconden belasting (10)")
    return parser.parse_args()


def ms(f, n, voor=None):
    """Return the median ms of f() over n runs; voor() runs before each, untimed."""
    tijden = []
    for _ in range(n):
        if voor:
            voor()
        begin = time.perf_counter()
        f()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden)


def opvrager(client, url):
    def get():
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{url}: status {response.status_code}")
        return response

    return get


def queries_van(f):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as q:
        f()
    return len(q)


@contextmanager
def teruggedraaid():
    """Run the block in a transaction that is rolled back."""
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def leeg_cache():
    from django.core.cache import caches

    caches["rapporten"].clear()


class Wijziger:
    """Make one real write before each cold request: a location's plekken, alternating.

    Through opvang.services.locatie_wijzigen, as a user would; the plekken go up and
    down by one, so every call changes the data version and the figures end unchanged.
    """

    def __init__(self, provincie):
        from gemeenten.models import User
        from opvang.models import Locatie

        self.user = User.objects.get(username=f"bench-prt-{provincie.code}")
        self.pk = (
            Locatie.objects.filter(gemeente__provincie=provincie, plekken__gt=1)
            .order_by("gemeente__code", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        self.stap = 1

    def __call__(self):
        from opvang import services
        from opvang.models import Locatie

        locatie = Locatie.objects.get(pk=self.pk)
        services.locatie_wijzigen(
            locatie=locatie,
            versie=locatie.versie,
            data={"plekken": locatie.plekken + self.stap},
            user=self.user,
            reden="Bench: koud na wijziging",
        )
        self.stap = -self.stap


def prt_client(provincie):
    from django.test import Client

    from gemeenten.constants import Rol
    from gemeenten.models import User

    user, _ = User.objects.get_or_create(
        username=f"bench-prt-{provincie.code}",
        defaults={"rol": Rol.PRT, "provincie": provincie, "last_name": "Bench"},
    )
    client = Client()
    client.force_login(user)
    return client


class Uitslag:
    """The rows of the table; a request's floor is measured again right after each row.

    On a machine shared with other work the floor moves by a factor of several within a
    run: each ratio uses the login page measured next to it (vloer=None).
    """

    def __init__(self, login):
        self.rijen = []
        self.login = login

    def voeg_toe(self, meting, waarde, vloer, doel, eenheid="ms", extra=""):
        if vloer is None:
            vloer = ms(self.login, 15)
        ratio = waarde / vloer if vloer else None
        gehaald = "" if doel is None or ratio is None else ("ja" if ratio <= doel else "NEE")
        self.rijen.append(
            (meting, f"{waarde:.1f} {eenheid}", f"{vloer:.2f}", ratio, doel, gehaald, extra)
        )

    def druk(self, kop):
        print(kop)
        tabel = [("meting", "mediaan", "vloer", "× vloer", "doel", "gehaald", "")]
        for m, w, v, r, d, g, e in self.rijen:
            doel = "" if d is None else f"≤ {d:g}×"
            tabel.append((m, w, v, "" if r is None else f"{r:.1f}×", doel, g, e))
        breedtes = [max(len(str(r[i])) for r in tabel) for i in range(7)]
        for i, rij in enumerate(tabel):
            print("  ".join(str(c).ljust(b) for c, b in zip(rij, breedtes, strict=True)).rstrip())
            if i == 0:
                print("  ".join("-" * b for b in breedtes))


def meet_paginas(uitslag, provincie, vloer, n):
    from django.urls import reverse

    client = prt_client(provincie)
    dash = opvrager(
        client,
        reverse("rapportage:dashboard", args=[provincie.code]) + f"?cyclus=1&peildatum={PEILDATUM}",
    )
    json = opvrager(
        client,
        reverse("rapportage:verslag_json", args=[provincie.code, 1]) + f"?peildatum={PEILDATUM}",
    )
    naam = provincie.naam
    wijzig = Wijziger(provincie)
    for label, get, koud, warm in (("dashboard", dash, 10, 2), ("verslag.json", json, 5, 1.5)):
        get()
        q = queries_van(lambda get=get, wijzig=wijzig: (wijzig(), get())) - queries_van(wijzig)
        uitslag.voeg_toe(
            f"{naam} {label} koud na wijziging",
            ms(get, n, wijzig),
            None,
            koud,
            extra=f"{q} queries",
        )
        q = queries_van(lambda get=get: (leeg_cache(), get()))
        uitslag.voeg_toe(
            f"{naam} {label} lege cache (informatie)",
            ms(get, n, leeg_cache),
            None,
            None,
            extra=f"{q} queries",
        )
        get()
        qw = queries_van(get)
        uitslag.voeg_toe(f"{naam} {label} warm", ms(get, n), None, warm, extra=f"{qw} queries")
    xlsx = opvrager(
        client,
        reverse("rapportage:gemeenten_xlsx", args=[provincie.code])
        + f"?cyclus=1&peildatum={PEILDATUM}",
    )
    inhoud = xlsx().content
    uitslag.voeg_toe(
        f"{naam} XLSX (warm rapport)",
        ms(xlsx, n),
        xlsx_vloer(inhoud, n),
        2.5,
        extra="vloer: openpyxl write-only",
    )


def xlsx_vloer(inhoud, n):
    """Return the median ms of writing the same sheets and values with openpyxl write-only."""
    from openpyxl import Workbook, load_workbook

    boek = load_workbook(io.BytesIO(inhoud), read_only=True)
    bladen = [(b.title, [list(r) for r in b.iter_rows(values_only=True)]) for b in boek.worksheets]

    def schrijf():
        uit = Workbook(write_only=True)
        for titel, rijen in bladen:
            blad = uit.create_sheet(titel)
            for rij in rijen:
                blad.append(rij)
        uit.save(io.BytesIO())

    return ms(schrijf, n)


def groeiprovincie(aantal, cyclus):
    """Create a province with 20 gemeenten and aantal locations (bulk, with history)."""
    import random

    from gemeenten.models import Gemeente, Provincie
    from kern.audit import bulk_create_met_historie
    from opvang.models import Locatie, Opgave

    rng = random.Random(aantal)  # noqa: S311 (bench data)
    provincie = Provincie.objects.create(code="PV98", naam=f"Bench-groei {aantal}")
    gemeenten = []
    for i in range(20):
        g = Gemeente(
            code=f"GM98{i:02d}",
            naam=f"Bench-groei {i}",
            provincie=provincie,
            inwoners=1000,
            inwoners_peildatum=date(2024, 1, 1),
        )
        g.save()
        gemeenten.append(g)
        Opgave(
            gemeente=g,
            cyclus=cyclus,
            grondslag="indicatief",
            plekken=500,
            amv_plekken=40,
            bron="Bench",
            datum=date(2024, 2, 1),
            is_demo=True,
        ).save()
    locaties = [
        Locatie(gemeente=gemeenten[n % 20], **locatie_velden(n, rng)) for n in range(aantal)
    ]
    bulk_create_met_historie(locaties, Locatie, user=None, reden="Bench-groei")
    return provincie


def lrt_client():
    from django.test import Client

    from gemeenten.constants import Rol
    from gemeenten.models import User

    user, _ = User.objects.get_or_create(
        username="bench-lrt", defaults={"rol": Rol.LRT, "last_name": "Bench"}
    )
    client = Client()
    client.force_login(user)
    return client


def meet_landelijk(uitslag, n):
    """The national page and feed (issue 15): every province's report, cold and warm."""
    from django.urls import reverse

    client = lrt_client()
    pagina = opvrager(client, reverse("landelijk:overzicht") + f"?cyclus=1&peildatum={PEILDATUM}")
    feed = opvrager(client, reverse("landelijk:json", args=[1]) + f"?peildatum={PEILDATUM}")
    for label, get in (("landelijk beeld", pagina), ("landelijk.json", feed)):
        q = queries_van(lambda get=get: (leeg_cache(), get()))
        uitslag.voeg_toe(
            f"{label} koud (12 provincies)", ms(get, n, leeg_cache), None, None,
            extra=f"{q} queries",
        )  # fmt: skip
        get()
        qw = queries_van(get)
        uitslag.voeg_toe(f"{label} warm", ms(get, n), None, None, extra=f"{qw} queries")


def meet_groei(uitslag, vloer, cyclus):
    from django.urls import reverse

    doelen = {1000: None, 3000: None, 10000: 10, 30000: 20}
    for aantal, doel in doelen.items():
        with teruggedraaid():
            provincie = groeiprovincie(aantal, cyclus)
            get = opvrager(
                prt_client(provincie), reverse("rapportage:dashboard", args=["PV98"]) + "?cyclus=1"
            )
            wijzig = Wijziger(provincie)
            get()
            q = queries_van(lambda get=get, wijzig=wijzig: (wijzig(), get())) - queries_van(wijzig)
            uitslag.voeg_toe(
                f"groei {aantal:>5} locaties, dashboard koud na wijziging",
                ms(get, 3, wijzig),
                None,
                doel,
                extra=f"{q} queries",
            )
            q = queries_van(lambda get=get: (leeg_cache(), get()))
            uitslag.voeg_toe(
                f"groei {aantal:>5} locaties, dashboard lege cache (informatie)",
                ms(get, 3, leeg_cache),
                None,
                None,
                extra=f"{q} queries",
            )
        leeg_cache()


def meet_import(uitslag, provincie):
    import random

    from openpyxl import load_workbook

    from gemeenten.models import User
    from opvang.excel.writer import locatie_rij, sjabloon_maken
    from opvang.models import Locatie
    from opvang.services_import import uitvraagimport_verwerken, uitvraagimport_voorbereiden

    rng = random.Random(5000)  # noqa: S311 (bench data)
    gemeenten = list(provincie.gemeenten.order_by("code"))
    rijen = []
    for n in range(5000):
        velden = locatie_velden(n, rng)
        velden["naam"] = f"Bench-import {n:05d}"
        g = gemeenten[n % len(gemeenten)]
        rijen.append(locatie_rij(g, Locatie(gemeente=g, **velden)))
    bestand = sjabloon_maken(locatie_rijen=rijen)

    def lees():
        boek = load_workbook(io.BytesIO(bestand), read_only=True, data_only=True)
        for blad in boek.worksheets:
            for _ in blad.iter_rows(values_only=True):
                pass

    vloer = ms(lees, 3)
    user = User.objects.get(username=f"bench-prt-{provincie.code}")
    tijden, queries = [], 0
    for _ in range(2):
        with teruggedraaid():
            begin = time.perf_counter()

            def importeer():
                record = uitvraagimport_voorbereiden(
                    bestand=bestand, bestandsnaam="bench.xlsx", user=user, provincie=provincie
                )
                uitvraagimport_verwerken(record=record, user=user)

            queries = queries_van(importeer)
            tijden.append((time.perf_counter() - begin) * 1000)
    waarde = statistics.median(tijden)
    uitslag.voeg_toe(
        "import 5.000 nieuwe rijen",
        waarde,
        vloer,
        10,
        extra=f"{queries} queries ({queries / 5000:.3f} per rij); vloer: openpyxl read-only",
    )


def meet_pdf(uitslag, provincie, doel):
    """The concept verslag as the task makes it, in a forked child: its own peak memory."""
    from django.db import connections
    from pdf import meet

    from opvang.models import Cyclus
    from rapportage import services
    from rapportage.models import DocumentOpdracht

    opdracht = DocumentOpdracht(
        provincie=provincie,
        cyclus=Cyclus.objects.get(nummer=1),
        document="verslag",
        soort="concept",
        peildatum=date(2024, 10, 15),
        bron="actueel",
    )
    connections.close_all()  # parent and child each open their own connection
    seconden, piek, grootte = meet(lambda: services.concept_pdf(opdracht), 1)
    uitslag.voeg_toe(
        f"verslag-PDF {provincie.naam} (taak, buiten het verzoek)",
        seconden,
        1.0,
        doel,
        eenheid="s",
        extra=f"{grootte / 1024:.0f} KiB, piek {piek:.0f} MiB (doel ≤ 400); doel ≤ {doel} s",
    )


def belasting(uitslag, provincie, vloer, args):
    """Run gunicorn (2 sync workers) and send the dashboard at a fixed rate; p50/p95."""
    from django.conf import settings
    from django.urls import reverse

    client = prt_client(provincie)
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    env = {**os.environ, "SECURE_SSL_REDIRECT": "0", "GUNICORN_WORKERS": "2"}
    proces = subprocess.Popen(  # noqa: S603 (our own gunicorn, loopback only)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "2",
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{args.poort}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    url = (
        f"http://127.0.0.1:{args.poort}"
        + reverse("rapportage:dashboard", args=[provincie.code])
        + f"?cyclus=1&peildatum={PEILDATUM}"
    )
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={sessie}", "X-Forwarded-Proto": "https"}

    def verzoek():
        req = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback)
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
            r.read()
            return r.status

    try:
        for _ in range(100):  # wait until it answers, then warm both workers
            try:
                verzoek()
                break
            except OSError:
                time.sleep(0.2)
        for _ in range(6):
            verzoek()
        latenties, fouten = [], []
        slot = threading.Lock()
        t0 = time.perf_counter() + 0.2
        aantal = int(args.tempo * args.duur)

        def een(i):
            gepland = t0 + i / args.tempo
            time.sleep(max(0, gepland - time.perf_counter()))
            try:
                status = verzoek()
                ok = status == 200
            except Exception as exc:  # noqa: BLE001 (every failure counts as an error)
                ok, status = False, repr(exc)
            with slot:
                latenties.append((time.perf_counter() - gepland) * 1000)
                if not ok:
                    fouten.append(status)

        draden = [threading.Thread(target=een, args=(i,)) for i in range(aantal)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
    finally:
        proces.terminate()
        proces.wait(10)
    latenties.sort()
    p50 = latenties[len(latenties) // 2]
    p95 = latenties[int(len(latenties) * 0.95) - 1]
    uitslag.voeg_toe(
        f"gunicorn 2 sync, dashboard {args.tempo:g}/s × {args.duur:g} s, p95",
        p95,
        vloer,
        None,
        extra=f"p50 {p50:.1f} ms, {len(fouten)} fouten van {aantal}; doel p95 < 100 ms, 0 fouten: "
        + ("ja" if p95 < 100 and not fouten else "NEE"),
    )


def main():
    args = parse_args()
    setup()
    logging.disable(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from gemeenten.models import Provincie
    from opvang.models import Cyclus, Locatie

    call_command("migrate", verbosity=0)
    grootste = (
        Provincie.objects.annotate(n=Count("gemeenten__locaties")).order_by("-n", "code").first()
    )
    utrecht = Provincie.objects.get(code="PV26")
    login = opvrager(Client(), reverse("login"))
    login()
    vloer = ms(login, 31)
    uitslag = Uitslag(login)
    uitslag.voeg_toe("vloer: inlogpagina", vloer, vloer, None)
    meet_paginas(uitslag, grootste, vloer, args.herhalingen)
    meet_landelijk(uitslag, args.herhalingen)
    meet_groei(uitslag, vloer, Cyclus.objects.get(nummer=1))
    meet_import(uitslag, grootste)
    belasting(uitslag, grootste, vloer, args)
    if not args.zonder_pdf:
        meet_pdf(uitslag, utrecht, 6)
        meet_pdf(uitslag, grootste, 15)
    vloer_eind = ms(login, 31)
    uitslag.voeg_toe("vloer: inlogpagina (einde)", vloer_eind, vloer, None)
    uitslag.druk(
        f"Database {connection.vendor}, {Locatie.objects.count()} locaties; grootste provincie "
        f"{grootste.naam} ({grootste.n} locaties); DEBUG={settings.DEBUG}; "
        f"mediaan van {args.herhalingen}; vloer per rij ernaast gemeten; "
        f"{vloer:.2f} ms (begin), {vloer_eind:.2f} ms (einde)."
    )


if __name__ == "__main__":
    main()
