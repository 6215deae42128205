"""Refuse hostile or broken workbooks before openpyxl parses them.

A small equivalent of opvang's file checks (huisvesting may not import opvang, and that
module is tied to opvang's error type, so it does not move down to kern unchanged):
the size cap, a readable zip that is a workbook, no encryption, a bounded number of
parts, bounded unpacked size and compression ratio (declared sizes, which zipfile never
exceeds), and no macros, embedded objects or ActiveX. openpyxl then reads the file
read-only, values only, with defusedxml parsing its XML.
"""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

TE_GROOT = "Het bestand is groter dan {mb} MB. Splits het bestand in delen."
GEEN_XLSX = (
    "Het bestand is geen Excel-werkmap (.xlsx), of het is beschadigd of met een "
    "wachtwoord beveiligd. Sla het in Excel op als ‘Excel-werkmap (*.xlsx)’."
)
TE_GROOT_UITGEPAKT = (
    "Het bestand pakt uit tot ongewoon veel gegevens of is ongewoon sterk gecomprimeerd; "
    "het wordt uit voorzorg niet gelezen."
)
MACRO_OF_OBJECT = (
    "Het bestand bevat macro’s, ingesloten objecten of ActiveX-elementen. Sla het op als "
    "‘Excel-werkmap (*.xlsx)’ zonder die onderdelen."
)
MAX_ONDERDELEN = 500
VERDACHT = ("vbaproject.bin", "xl/embeddings/", "xl/activex/", "macrosheets/")


class BestandGeweigerd(Exception):
    """The file is refused as a whole; the message says why, in Dutch."""


def controleer(inhoud, bestandsnaam):
    """Raise BestandGeweigerd unless the bytes look like a harmless .xlsx workbook."""
    if len(inhoud) > settings.EXCEL_UPLOAD_MAX_BYTES:
        mb = f"{settings.EXCEL_UPLOAD_MAX_BYTES / (1024 * 1024):g}"
        raise BestandGeweigerd(TE_GROOT.format(mb=mb))
    if bestandsnaam.lower().endswith((".xlsm", ".xltm", ".xlam")):
        raise BestandGeweigerd(MACRO_OF_OBJECT)
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        onderdelen = archief.infolist()
        types = archief.read("[Content_Types].xml").lower()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError):
        raise BestandGeweigerd(GEEN_XLSX) from None
    namen = [o.filename.lower() for o in onderdelen]
    if "xl/workbook.xml" not in namen or any(o.flag_bits & 0x1 for o in onderdelen):
        raise BestandGeweigerd(GEEN_XLSX)
    if len(onderdelen) > MAX_ONDERDELEN or _te_groot(onderdelen):
        raise BestandGeweigerd(TE_GROOT_UITGEPAKT)
    if any(v in n for n in namen for v in VERDACHT) or b"macroenabled" in types:
        raise BestandGeweigerd(MACRO_OF_OBJECT)
    if b"oleobject" in types or b"activex" in types:
        raise BestandGeweigerd(MACRO_OF_OBJECT)


def _te_groot(onderdelen):
    uitgepakt = sum(o.file_size for o in onderdelen)
    gepakt = max(sum(o.compress_size for o in onderdelen), 1)
    ratio = settings.EXCEL_MAX_COMPRESSION_RATIO
    return uitgepakt > settings.EXCEL_UNPACKED_MAX_BYTES or (
        uitgepakt > 1024 * 1024 and uitgepakt > ratio * gepakt
    )
