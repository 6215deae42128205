"""A gemeente's own template comes back in: also with names stored before the clean-up."""

import io

import openpyxl
import pytest
from django.urls import reverse

from opvang.models import Locatie
from tests.opvang.test_excel_import import importeer
from tests.opvang.test_migration_opschonen import oud_opgeslagen

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "teken",
    [
        pytest.param("\u202e", id="right-to-left-override"),
        pytest.param("\u200b", id="zero-width-space"),
        pytest.param("\ufeff", id="byte-order-mark"),
        pytest.param("\u00ad", id="soft-hyphen"),
        pytest.param("\u00a0", id="no-break-space"),
    ],
)
def test_a_template_with_a_name_stored_before_the_clean_up_imports_without_error(
    client, gemeente, gemeente_user, teken
):
    pk = oud_opgeslagen(gemeente, f"AZC{teken} Noord", toelichting=f"Oud{teken} record")
    client.force_login(gemeente_user)
    sjabloon = client.get(reverse("opvang:excel_sjabloon_gemeente", args=[gemeente.code]))
    # Opened and saved again, as LibreOffice or Excel does.
    boek = openpyxl.load_workbook(io.BytesIO(sjabloon.content))
    uit = io.BytesIO()
    boek.save(uit)

    record = importeer(uit.getvalue(), gemeente_user)

    assert record.status == "verwerkt"
    locatie = Locatie.objects.get()
    assert (locatie.pk, locatie.naam, locatie.toelichting) == (pk, "AZC Noord", "Oud record")
