"""manage.py herinneringen: reminders and overdue notices; for cron or a systemd timer.

Idempotent: run it every hour. Each notice is made once per uitvraag, user and reminder
day, however often (or however many times at once) this runs; queued mails whose task
was lost are queued again.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kern.dates import DATUM_BUITEN_BEREIK, is_plausible
from meldingen.herinneringen import herinneringen_versturen

DATUM_ONLEESBAAR = "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24."


class Command(BaseCommand):
    help = "Verstuur de herinneringen en meldingen ‘deadline verstreken’ van vandaag."

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum",
            help="Doe alsof het deze dag is (JJJJ-MM-DD), om te testen; standaard vandaag.",
        )

    def handle(self, *args, **options):
        uitkomst = herinneringen_versturen(vandaag=self.datum(options["datum"]))
        self.stdout.write(
            f"{len(uitkomst.uitvragen)} open uitvragen: {uitkomst.herinneringen} herinneringen, "
            f"{uitkomst.te_laat} meldingen ‘deadline verstreken’, "
            f"{uitkomst.opnieuw_ingepland} mails opnieuw in de wachtrij, "
            f"{uitkomst.onderbroken} onderbroken."
        )

    def datum(self, tekst):
        if tekst is None:
            return None
        try:
            dag = date.fromisoformat(tekst)
        except ValueError:
            raise CommandError(DATUM_ONLEESBAAR) from None
        if not is_plausible(dag):
            raise CommandError(DATUM_BUITEN_BEREIK)
        return dag
