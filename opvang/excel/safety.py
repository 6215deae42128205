"""The upload's safety checks (kern.xlsx_safety), refused as the import refuses a file."""

from __future__ import annotations

from kern.xlsx_safety import (  # noqa: F401 (the messages, as this import's tests name them)
    ACTIVEX,
    GEEN_XLSX,
    INGESLOTEN_OBJECT,
    MACRO,
    TE_GROOT,
    TE_GROOT_UITGEPAKT,
    TE_VEEL_ONDERDELEN,
    OnveiligBestand,
    check_xlsx,
    read_limited,
)

from .format import refuse


def check_file(inhoud, bestandsnaam):
    """Raise BestandGeweigerd unless the bytes look like a harmless .xlsx workbook."""
    try:
        check_xlsx(inhoud, bestandsnaam)
    except OnveiligBestand as exc:
        refuse(exc.melding, exc.reden)
