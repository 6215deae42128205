from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from opvang.models import UitvraagImport

pytestmark = pytest.mark.django_db


def preview(user, gemeente, dagen_geleden):
    record = UitvraagImport(
        bestandsnaam="uitvraag.xlsx",
        sha256="a" * 64,
        bestand=b"PK...",
        geupload_door=user,
        gemeente=gemeente,
        provincie=gemeente.provincie,
    )
    record.save()
    record.geupload_op = timezone.now() - timedelta(days=dagen_geleden)
    record.save()
    return record


def test_old_unconfirmed_uploads_lose_their_file_but_keep_their_trace(gemeente_user, gemeente):
    oud = preview(gemeente_user, gemeente, 31)
    recent = preview(gemeente_user, gemeente, 2)
    uit = StringIO()
    call_command("imports_opschonen", dagen=30, stdout=uit)
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert (oud.status, bytes(oud.bestand), oud.sha256) == ("afgewezen", b"", "a" * 64)
    assert oud.history.first().history_change_reason == "Opgeschoond: nooit bevestigd"
    assert (recent.status, bytes(recent.bestand)) == ("preview", b"PK...")
    assert "1 onbevestigde import(s) opgeschoond." in uit.getvalue()
