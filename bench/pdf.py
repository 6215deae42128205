"""Print the median time and peak memory of rendering the verslag as PDF.

For the province with the most locations and for Utrecht, next to a one-page PDF
rendered in the same run by the same render_pdf() (so the difference is the document,
not WeasyPrint's start-up). The print stylesheet and fonts are parsed once per process,
before the first measurement. Each document is rendered in a forked child process, so
that its peak resident memory (which includes Django and the report, as in a web worker)
is its own.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/pdf.py
"""

import argparse
import json
import os
import resource
import statistics
import time

from _django import setup

EEN_PAGINA = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Eén pagina</title></head><body><h1>Eén pagina</h1><p>Ter vergelijking.</p></body></html>"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=3, help="metingen per document (3)")
    return parser.parse_args()


def meet(render, herhalingen):
    """Return (median s, peak resident MiB, bytes) of render(), in a child process."""
    lezen, schrijven = os.pipe()
    if os.fork() == 0:  # the child renders and reports
        os.close(lezen)
        tijden = []
        for _ in range(herhalingen):
            begin = time.perf_counter()
            pdf = render()
            tijden.append(time.perf_counter() - begin)
        piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with os.fdopen(schrijven, "w") as uit:
            json.dump([statistics.median(tijden), piek, len(pdf)], uit)
        os._exit(0)
    os.close(schrijven)
    with os.fdopen(lezen) as uit:
        resultaat = json.load(uit)
    os.wait()
    return resultaat


def main():
    args = parse_args()
    setup()
    from datetime import date

    from django.db.models import Count
    from django.utils import timezone

    from gemeenten.models import Provincie
    from opvang.models import Cyclus
    from rapportage.documenten import CONCEPT, Kop, document_context, document_pdf
    from rapportage.pdf import print_css, render_pdf
    from rapportage.selectors import verslag_rapport

    print_css()  # once per process, as in the application
    cyclus = Cyclus.objects.get(nummer=1)
    grootste = (
        Provincie.objects.annotate(n=Count("gemeenten__locaties")).order_by("-n", "code").first()
    )
    rijen = [("-", "één pagina (vergelijking)", lambda: render_pdf(EEN_PAGINA))]
    for label, provincie in [
        (f"{grootste.naam} (grootste)", grootste),
        ("Utrecht", Provincie.objects.get(code="PV26")),
    ]:
        rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=date(2024, 10, 15))
        locaties = sum(len(r.locaties) for r in rapport.gemeenten)
        kop = Kop(kenmerk="", datum=timezone.localdate(), status=CONCEPT)
        context = document_context(document="verslag", rapport=rapport, kop=kop)
        rijen.append(
            (
                f"{label}: {len(rapport.gemeenten)} gem., {locaties} loc.",
                "provinciaal verslag",
                lambda context=context: document_pdf(context),
            )
        )
    print(
        f"{'provincie':<44}  {'document':<26}  {'mediaan s':>9}  {'piek RSS MiB':>12}  {'bytes':>8}"
    )
    print(f"{'-' * 44}  {'-' * 26}  {'-' * 9}  {'-' * 12}  {'-' * 8}")
    for label, document, render in rijen:
        seconden, piek, grootte = meet(render, args.herhalingen)
        print(f"{label:<44}  {document:<26}  {seconden:>9.2f}  {piek:>12.0f}  {grootte:>8}")


if __name__ == "__main__":
    main()
