"""Import an uitvraag workbook from the command line (beheer), all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gemeenten.management.beheerder import beheerder
from gemeenten.models import Gemeente
from opvang.constants import Grondslag
from opvang.excel.format import BestandGeweigerd
from opvang.excel.preview import samenvatting_tekst
from opvang.excel.safety import read_limited
from opvang.models import Cyclus
from opvang.services_import import (
    ImportVerouderd,
    uitvraagimport_verwerken,
    uitvraagimport_voorbereiden,
)


class Command(BaseCommand):
    help = (
        "Importeer een ingevuld uitvraag-werkboek (.xlsx): tabblad Locaties en, als het "
        "er is, tabblad Opgave. Eén fout en er verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het .xlsx-bestand")
        parser.add_argument("--cyclus", type=int, required=True, help="nummer van de cyclus")
        parser.add_argument("--gebruiker", required=True, help="gebruikersnaam (rol beheer)")
        parser.add_argument("--gemeente", help="alleen rijen van deze gemeente (GMxxxx)")
        parser.add_argument(
            "--grondslag",
            choices=Grondslag.values,
            default=Grondslag.INDICATIEF,
            help="grondslag van de nieuwe opgaveversies (standaard indicatief)",
        )
        parser.add_argument(
            "--bron", default="", help="bron van de opgaven (standaard de bestandsnaam)"
        )

    def handle(self, *args, pad, cyclus, gebruiker, gemeente, grondslag, bron, **options):
        user = beheerder(gebruiker)
        cyclus = self._cyclus(cyclus)
        gemeente = self._gemeente(gemeente)
        pad = self._pad(pad)
        try:
            record = self._importeer(pad, user, gemeente, cyclus, grondslag, bron)
        except BestandGeweigerd as exc:
            self._meld_fouten(exc.fouten)
            raise CommandError(
                f"{pad.name} is niet geïmporteerd: {len(exc.fouten)} fout(en); er is niets "
                "veranderd."
            ) from None
        except ImportVerouderd as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{pad.name} (sha256 {record.sha256}) geïmporteerd.")
        self.stdout.write(samenvatting_tekst(record.voorbeeld))

    def _importeer(self, pad, user, gemeente, cyclus, grondslag, bron):
        """Prepare the import of the file and carry it out; return its record."""
        with pad.open("rb") as f:
            bestand = read_limited(f)
        record = uitvraagimport_voorbereiden(
            bestand=bestand,
            bestandsnaam=pad.name,
            user=user,
            gemeente=gemeente,
            cyclus=cyclus,
            opgave_grondslag=grondslag,
            bron=bron,
        )
        uitvraagimport_verwerken(record=record, user=user)
        return record

    def _meld_fouten(self, fouten):
        for f in fouten:
            plaats = ", ".join(p for p in (f.blad, f"rij {f.rij}" if f.rij else "", f.kolom) if p)
            waarde = f" (waarde ‘{f.waarde}’)" if f.waarde else ""
            self.stderr.write(f"{plaats or 'bestand'}: {f.melding}{waarde}")

    def _cyclus(self, nummer):
        try:
            return Cyclus.objects.get(nummer=nummer)
        except Cyclus.DoesNotExist:
            raise CommandError(f"Cyclus {nummer} bestaat niet.") from None

    def _pad(self, pad):
        pad = Path(pad)
        if not pad.is_file():
            raise CommandError(f"Bestand {pad} niet gevonden.")
        return pad

    def _gemeente(self, code):
        if not code:
            return None
        try:
            return Gemeente.objects.get(code=code.upper())
        except Gemeente.DoesNotExist:
            raise CommandError(f"Gemeente {code} bestaat niet.") from None
