"""Print the provinciaal verslag's figures: `manage.py verslag --provincie PV26 --cyclus 1 --json`.

Each output format is one method over the same report object (see UITVOER); a new
format (such as a PDF) is one more option and one more method.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from gemeenten.models import Provincie
from opvang.models import Cyclus
from rapportage.selectors import (
    BRON_ACTUEEL,
    BRONNEN,
    OngeldigeParameter,
    lees_peildatum,
    rapport_als_json,
    verslag_rapport,
)

GEEN_UITVOER = "Kies een uitvoer: geef --json op om het verslag als JSON af te drukken."


class Command(BaseCommand):
    help = "Drukt de cijfers van het provinciaal verslag af (als JSON met --json)."

    # option destination -> method writing that output
    UITVOER = {"json": "schrijf_json"}

    def add_arguments(self, parser):
        parser.add_argument("--provincie", required=True, help="CBS-code, bijvoorbeeld PV26.")
        parser.add_argument("--cyclus", required=True, type=int, help="Nummer van de cyclus.")
        parser.add_argument(
            "--peildatum", help="Datum voor de huidige capaciteit (JJJJ-MM-DD); standaard vandaag."
        )
        parser.add_argument(
            "--bron",
            default=BRON_ACTUEEL,
            help=f"Welke gegevens tellen: {' of '.join(BRONNEN)} (standaard {BRON_ACTUEEL}).",
        )
        parser.add_argument("--json", action="store_true", help="Druk het verslag af als JSON.")

    def handle(self, *args, **options):
        uitvoer = [methode for optie, methode in self.UITVOER.items() if options[optie]]
        if not uitvoer:
            raise CommandError(GEEN_UITVOER)
        rapport = self.rapport(options)
        for methode in uitvoer:
            getattr(self, methode)(rapport, options)

    def rapport(self, options):
        provincie = Provincie.objects.filter(code=options["provincie"]).first()
        if provincie is None:
            raise CommandError(f"Onbekende provincie: {options['provincie']}.")
        cyclus = Cyclus.objects.filter(nummer=options["cyclus"]).first()
        if cyclus is None:
            raise CommandError(f"Onbekende cyclus: {options['cyclus']}.")
        try:
            peildatum = options["peildatum"]
            return verslag_rapport(
                provincie=provincie,
                cyclus=cyclus,
                peildatum=lees_peildatum(peildatum) if peildatum is not None else None,
                bron=options["bron"],
            )
        except OngeldigeParameter as fout:
            raise CommandError(str(fout)) from None

    def schrijf_json(self, rapport, options):
        self.stdout.write(json.dumps(rapport_als_json(rapport), indent=2, ensure_ascii=False))
