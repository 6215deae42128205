"""Refuse hostile or broken files before anything is parsed in full.

The same limits and messages as the uitvraag import (opvang.excel.safety), kept here
because a task app never imports another: the size cap, only .xlsx (no macros, no
embedded objects or ActiveX), at most MAX_ONDERDELEN parts, no encryption, and the
unpacked size and compression ratio (zip bombs) from the zip's central directory.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings

TE_GROOT = "Het bestand is groter dan {mb} MB. Splits het bestand in delen."
GEEN_XLSX = (
    "Het bestand is geen Excel-werkmap (.xlsx), of het is beschadigd of met een "
    "wachtwoord beveiligd. Sla het in Excel op als ‘Excel-werkmap (*.xlsx)’."
)
MACRO = (
    "Het bestand bevat macro’s (.xlsm). Sla het in Excel op als ‘Excel-werkmap (*.xlsx)’, "
    "zonder macro’s."
)
TE_GROOT_UITGEPAKT = (
    "Het bestand pakt uit tot meer dan {mb} MB of is ongewoon sterk gecomprimeerd; "
    "het wordt uit voorzorg niet gelezen."
)
TE_VEEL_ONDERDELEN = "Het bestand bestaat uit ongewoon veel onderdelen en wordt niet gelezen."
INGESLOTEN_OBJECT = (
    "Het bestand bevat een ingesloten object of programma (bijvoorbeeld een ingevoegd "
    "document of een koppeling ernaar). Verwijder het en sla het bestand op als "
    "‘Excel-werkmap (*.xlsx)’."
)
ACTIVEX = (
    "Het bestand bevat ActiveX-besturingselementen. Verwijder die en sla het bestand op "
    "als ‘Excel-werkmap (*.xlsx)’."
)
MAX_ONDERDELEN = 500
RATIO_VANAF_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Fout:
    """One problem in an uploaded file: sheet, row, column, value, message."""

    blad: str
    rij: int | None
    kolom: str
    waarde: str
    melding: str


class BestandGeweigerd(Exception):
    """The file is refused as a whole, or a row is wrong: nothing is stored."""

    def __init__(self, fouten, reden="invalid"):
        super().__init__(fouten[0].melding if fouten else "Bestand geweigerd")
        self.fouten = list(fouten)
        self.reden = reden


def refuse(melding, reden):
    raise BestandGeweigerd([Fout("", None, "", "", melding)], reden)


def _mb(n):
    return f"{n / (1024 * 1024):g}"


def read_limited(bestand):
    """Return the bytes of an open file, at most one byte more than the size cap."""
    return bestand.read(settings.EXCEL_UPLOAD_MAX_BYTES + 1)


def check_file(inhoud, bestandsnaam):
    """Raise BestandGeweigerd unless the bytes look like a harmless .xlsx workbook."""
    if len(inhoud) > settings.EXCEL_UPLOAD_MAX_BYTES:
        refuse(TE_GROOT.format(mb=_mb(settings.EXCEL_UPLOAD_MAX_BYTES)), "size")
    if bestandsnaam.lower().endswith((".xlsm", ".xltm", ".xlam")):
        refuse(MACRO, "macro")
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        onderdelen = archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        refuse(GEEN_XLSX, "not a zip")
    _check_parts(onderdelen)
    namen = {o.filename.lower() for o in onderdelen}
    if "[content_types].xml" not in namen or "xl/workbook.xml" not in namen:
        refuse(GEEN_XLSX, "not a workbook")
    _check_contents(archief, namen)


def _check_parts(onderdelen):
    if len(onderdelen) > MAX_ONDERDELEN:
        refuse(TE_VEEL_ONDERDELEN, "zip members")
    if any(o.flag_bits & 0x1 for o in onderdelen):
        refuse(GEEN_XLSX, "encrypted zip")
    ratio = settings.EXCEL_MAX_COMPRESSION_RATIO
    totaal = sum(o.file_size for o in onderdelen)
    gepakt = sum(o.compress_size for o in onderdelen)
    te_sterk = any(
        o.file_size > RATIO_VANAF_BYTES and o.file_size > ratio * max(o.compress_size, 1)
        for o in onderdelen
    ) or (totaal > RATIO_VANAF_BYTES and totaal > ratio * max(gepakt, 1))
    if totaal > settings.EXCEL_UNPACKED_MAX_BYTES or te_sterk:
        refuse(TE_GROOT_UITGEPAKT.format(mb=_mb(settings.EXCEL_UNPACKED_MAX_BYTES)), "zip ratio")


def _check_contents(archief, namen):
    """Refuse macros, ActiveX and embedded objects, by part name and by declared type."""
    if any(n.endswith("vbaproject.bin") or "macrosheets/" in n for n in namen):
        refuse(MACRO, "macro")
    types = archief.read("[Content_Types].xml").lower()
    if b"macroenabled" in types:
        refuse(MACRO, "macro")
    relaties = b" ".join(archief.read(n).lower() for n in archief.namelist() if n.endswith(".rels"))
    if any(n.startswith("xl/activex/") for n in namen) or b"activex" in types + relaties:
        refuse(ACTIVEX, "activex")
    ingesloten = any(
        n.startswith("xl/embeddings/")
        or (n.endswith(".bin") and not n.startswith("xl/printersettings/"))
        for n in namen
    )
    if ingesloten or b"oleobject" in types + relaties or b"relationships/package" in relaties:
        refuse(INGESLOTEN_OBJECT, "embedded object")
