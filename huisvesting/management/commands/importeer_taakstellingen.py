"""Load the taakstelling table (beheer): sheet Taakstelling of an .xlsx, all or nothing."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gemeenten.constants import Rol
from gemeenten.models import User
from huisvesting.excel import taakstelling
from huisvesting.excel.veiligheid import BestandGeweigerd


class Command(BaseCommand):
    help = (
        "Importeer taakstellingen per gemeente en halfjaar (tabblad Taakstelling: "
        "Gemeentecode, Halfjaar, Personen en eventueel Startsaldo). Elke rij wordt een "
        "nieuwe versie; één fout en er verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het .xlsx-bestand")
        parser.add_argument("--bron", required=True, help="bron van de cijfers")
        parser.add_argument(
            "--datum", required=True, type=date.fromisoformat, help="datum van de bron (JJJJ-MM-DD)"
        )
        parser.add_argument("--gebruiker", required=True, help="gebruikersnaam (rol beheer)")

    def handle(self, *args, pad, bron, datum, gebruiker, **options):
        user = User.objects.filter(username=gebruiker, rol=Rol.BEHEER, is_active=True).first()
        if user is None:
            raise CommandError(f"Geen actieve beheerder ‘{gebruiker}’.")
        pad = Path(pad)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        inhoud = pad.read_bytes()[: settings.EXCEL_UPLOAD_MAX_BYTES + 1]
        try:
            aantal, fouten = taakstelling.importeer(
                inhoud, pad.name, bron=bron, datum=datum, user=user
            )
        except BestandGeweigerd as exc:
            raise CommandError(str(exc)) from None
        if fouten:
            for fout in fouten:
                self.stderr.write(f"rij {fout.rij}: {fout.bericht}")
            raise CommandError("Niets geïmporteerd.")
        self.stdout.write(f"{aantal} taakstellingen vastgelegd.")
