"""Load the gemeenten's populations from a CBS StatLine CSV export (beheer), all or nothing."""

from argparse import RawDescriptionHelpFormatter
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gemeenten.inwoners import (
    MAX_BYTES,
    InwonersGeweigerd,
    bron_tekst,
    inwoners_laden,
    lees_bestand,
)
from gemeenten.management.beheerder import beheerder

FORMAAT = """\
Invoer: een CSV-export van CBS StatLine, bijvoorbeeld tabel 03759ned "Bevolking op
1 januari en gemiddeld; geslacht, leeftijd en regio", met de regio's als rijen:

  "Regio's (code)";"Regio's";"Perioden";"Bevolking op 1 januari (aantal)"
  "GM0014";"Groningen (gemeente)";"2025";"243768"

- UTF-8, met of zonder BOM; scheidingsteken ; (of ,); velden met of zonder "".
- Regels vóór de kopregel (de titel) en regels van één veld (zoals "Bron: CBS")
  worden overgeslagen.
- De kopregel heeft een kolom "Bevolking op 1 januari", een of meer regiokolommen
  (Regio's, Regio's (code), RegioS, Regiocode of Code) en "Perioden".
- Eén regiokolom bevat de CBS-code (GM0014). Rijen van andere regio's (NL01, PV26, ...)
  worden overgeslagen; elke gemeente staat er één keer in, met een geheel getal ≥ 1.
- Perioden is het jaar (2025, 2025JJ00 of 2025*): de peildatum is 1 januari van dat
  jaar. Zonder kolom Perioden is --peildatum verplicht.

Eén foute rij en er verandert niets; de fouten noemen elke foute rij. Per gemeente
worden inwoners, peildatum en bron opgeslagen, in de wijzigingshistorie op naam van
--gebruiker. Zie ook docs/inwoners.md."""


class Command(BaseCommand):
    help = "Laad de inwonertallen van gemeenten uit een CBS StatLine-export (CSV)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = FORMAAT
        return parser

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het CSV-bestand")
        parser.add_argument("--gebruiker", required=True, help="gebruikersnaam (rol beheer)")
        parser.add_argument(
            "--bron",
            default="CBS StatLine",
            help="bron van de cijfers, bijvoorbeeld ‘CBS StatLine 03759ned’ (standaard "
            "‘CBS StatLine’); de bestandsnaam wordt erachter gezet",
        )
        parser.add_argument(
            "--peildatum",
            type=date.fromisoformat,
            help="peildatum (JJJJ-MM-DD) als het bestand geen kolom Perioden heeft",
        )

    def handle(self, *args, pad, gebruiker, bron, peildatum, **options):
        user = beheerder(gebruiker)
        pad = Path(pad)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        with pad.open("rb") as f:
            inhoud = f.read(MAX_BYTES + 1)
        try:
            tallen = lees_bestand(inhoud, peildatum)
            gewijzigd, ongewijzigd = inwoners_laden(
                tallen=tallen, bron=bron_tekst(bron, pad.name), user=user
            )
        except InwonersGeweigerd as exc:
            for fout in exc.fouten:
                self.stderr.write(str(fout))
            raise CommandError(
                f"{pad.name} is niet geladen: {len(exc.fouten)} fout(en); er is niets veranderd."
            ) from None
        self.stdout.write(
            f"{pad.name}: inwoners van {gewijzigd} gemeente(n) vastgelegd, "
            f"{ongewijzigd} ongewijzigd."
        )
