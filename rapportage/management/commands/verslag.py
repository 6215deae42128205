"""Print the provinciaal verslag's figures: `manage.py verslag --provincie PV26 --cyclus 1 --json`.

Each output format is one method over the same report object (see UITVOER); a new
format (such as a PDF) is one more option and one more method.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gemeenten.models import Provincie
from rapportage.constants import Document
from rapportage.documenten import (
    CONCEPT,
    Kop,
    delen_als_json,
    delen_cijfers,
    document_context,
    document_pdf,
)
from rapportage.selectors import BRON_ACTUEEL, BRONNEN
from rapportage.serializers import rapport_als_json
from rapportage.vraag import RapportVraagForm

GEEN_UITVOER = (
    "Kies een uitvoer: geef --json op om het verslag als JSON af te drukken, of --pdf PAD "
    "om het conceptverslag als PDF te schrijven."
)


class Command(BaseCommand):
    help = (
        "Drukt de cijfers van het provinciaal verslag af (als JSON met --json) of schrijft "
        "het conceptverslag als PDF (--pdf PAD)."
    )

    # option destination -> method writing that output
    UITVOER = {"json": "write_json", "pdf": "write_pdf"}

    def add_arguments(self, parser):
        parser.add_argument("--provincie", required=True, help="CBS-code, bijvoorbeeld PV26.")
        parser.add_argument("--cyclus", required=True, type=int, help="Nummer van de cyclus.")
        parser.add_argument(
            "--peildatum", help="Datum voor de huidige capaciteit (JJJJ-MM-DD); standaard vandaag."
        )
        parser.add_argument(
            "--bron",
            help=f"Welke gegevens tellen: {' of '.join(BRONNEN)} (standaard {BRON_ACTUEEL}).",
        )
        parser.add_argument("--json", action="store_true", help="Druk het verslag af als JSON.")
        parser.add_argument("--pdf", metavar="PAD", help="Schrijf het conceptverslag als PDF.")

    def handle(self, *args, **options):
        uitvoer = [methode for optie, methode in self.UITVOER.items() if options[optie]]
        if not uitvoer:
            raise CommandError(GEEN_UITVOER)
        rapport = self.rapport(options)
        for methode in uitvoer:
            getattr(self, methode)(rapport, options)

    def rapport(self, options):
        """Read the flags with the web's parser (RapportVraagForm) and count the report."""
        provincie = Provincie.objects.filter(code=options["provincie"]).first()
        if provincie is None:
            raise CommandError(f"Onbekende provincie: {options['provincie']}.")
        flags = {k: options[k] for k in ("cyclus", "peildatum", "bron") if options[k] is not None}
        keuze = RapportVraagForm(flags, provincie=provincie)
        if not keuze.is_valid():
            raise CommandError(keuze.foutmelding())
        return keuze.vraag().rapport()

    def write_json(self, rapport, options):
        # The same sections as the web export: the report and the plan parts' figures.
        data = {**rapport_als_json(rapport), **delen_als_json(delen_cijfers(rapport))}
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))

    def write_pdf(self, rapport, options):
        kop = Kop(kenmerk="", datum=timezone.localdate(), status=CONCEPT)
        pdf = document_pdf(document_context(document=Document.VERSLAG, rapport=rapport, kop=kop))
        try:
            Path(options["pdf"]).write_bytes(pdf)
        except OSError:
            raise CommandError(
                f"Kan {options['pdf']} niet schrijven: bestaat de map en mag u erin schrijven?"
            ) from None
        self.stderr.write(f"Conceptverslag geschreven naar {options['pdf']} ({len(pdf)} bytes).")
