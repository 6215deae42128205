"""Remove the files of uploads that were previewed but never confirmed.

An uploaded workbook stays on the server between preview and confirmation. One that is
never confirmed should not be kept for ever (data minimisation): after --dagen days it
is marked afgewezen and its bytes are removed; its name, SHA-256, uploader and time stay,
and the change is in the audit trail. Run it daily, e.g. from cron:

    python manage.py imports_opschonen --dagen 30
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from kern.audit import attribute_to
from opvang.models import UitvraagImport

MELDING = "Niet bevestigd binnen {dagen} dagen; het bestand is verwijderd."


class Command(BaseCommand):
    help = "Verwijdert de bestanden van imports die na het voorbeeld nooit zijn bevestigd."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dagen", type=int, default=30, help="ouder dan dit aantal dagen (standaard 30)"
        )

    def handle(self, *args, dagen, **options):
        grens = timezone.now() - timedelta(days=dagen)
        oud = UitvraagImport.objects.filter(
            status=UitvraagImport.Status.PREVIEW, geupload_op__lt=grens
        ).values_list("pk", flat=True)
        aantal = sum(self._opschonen(pk, dagen) for pk in list(oud))
        self.stdout.write(f"{aantal} onbevestigde import(s) opgeschoond.")

    def _opschonen(self, pk, dagen):
        """Clean one upload, unless it was confirmed meanwhile; return 1 if cleaned.

        The row is locked and re-read, as import_verwerken does, so a confirmation at the
        same moment is either finished first (and the upload left alone) or refused.
        """
        with transaction.atomic():
            record = (
                UitvraagImport.objects.select_for_update()
                .filter(pk=pk, status=UitvraagImport.Status.PREVIEW)
                .defer("bestand", "voorbeeld")
                .first()
            )
            if record is None:
                return 0
            record.status = UitvraagImport.Status.AFGEWEZEN
            record.melding = MELDING.format(dagen=dagen)
            record.bestand = b""
            record.voorbeeld = {}
            attribute_to(record, None, "Opgeschoond: nooit bevestigd")
            record.save()
        return 1
