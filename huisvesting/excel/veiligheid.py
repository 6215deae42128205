"""Refuse hostile or broken workbooks before openpyxl parses them.

The checks are every workbook import's (kern.xlsx_safety): the size cap, a readable zip
that is a workbook, no encryption, bounded parts, unpacked size and compression ratio,
and no macros, embedded objects or ActiveX. openpyxl then reads the file read-only,
values only, with defusedxml parsing its XML.
"""

from __future__ import annotations

from kern.xlsx_safety import GEEN_XLSX, OnveiligBestand, check_xlsx  # noqa: F401

MACRO_OF_OBJECT = (
    "Het bestand bevat macro’s, ingesloten objecten of ActiveX-elementen. Sla het op als "
    "‘Excel-werkmap (*.xlsx)’ zonder die onderdelen."
)
# kern.xlsx_safety's reasons that this import names with one message.
CODE_REDENEN = {"macro", "activex", "embedded object"}


class BestandGeweigerd(Exception):
    """The file is refused as a whole; the message says why, in Dutch."""


def controleer(inhoud, bestandsnaam):
    """Raise BestandGeweigerd unless the bytes look like a harmless .xlsx workbook.

    The checks are every import's (kern.xlsx_safety); macros, embedded objects and
    ActiveX get this import's one message for all three.
    """
    try:
        check_xlsx(inhoud, bestandsnaam)
    except OnveiligBestand as exc:
        melding = MACRO_OF_OBJECT if exc.reden in CODE_REDENEN else exc.melding
        raise BestandGeweigerd(melding) from None
