"""Refuse hostile or broken .xlsx files before anything is parsed in full.

Every app's workbook import (opvang, huisvesting, ontheemden) calls check_xlsx() and
turns OnveiligBestand into its own refusal with the same Dutch message. Only the zip's
central directory is read here (names and declared sizes); Python's
zipfile never returns more bytes for a member than its declared size, so the limits on
declared sizes also bound what openpyxl can unpack later.
"""

from __future__ import annotations

import io
import re
import zipfile

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

# Parts that hold or point to code or foreign objects. Printer settings are the one
# binary part Excel writes into ordinary workbooks; vbaProject.bin is a macro (above).
PRINTERINSTELLINGEN_RE = re.compile(r"xl/printersettings/printersettings\d+\.bin")
UITVOERBAAR = (
    ".exe", ".dll", ".com", ".scr", ".pif", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js",
    ".jse", ".wsf", ".hta", ".cpl", ".msi", ".jar", ".lnk", ".ocx", ".sys",
)  # fmt: skip
OLE_TYPES = (b"oleobject", b"x-msdownload", b"x-msdos-program", b"x-ole-storage")
OLE_RELATIES = (b"relationships/oleobject", b"relationships/package")
ACTIVEX_RELATIES = (b"relationships/control", b"relationships/activexcontrolbinary")

MAX_ONDERDELEN = 500
# Small members cannot expand to much, whatever their ratio.
RATIO_VANAF_BYTES = 1024 * 1024


class OnveiligBestand(Exception):
    """The file is refused as a whole: `melding` for the user, `reden` for the security log."""

    def __init__(self, melding, reden):
        super().__init__(melding)
        self.melding = melding
        self.reden = reden


def refuse(melding, reden):
    raise OnveiligBestand(melding, reden)


def _mb(n):
    return f"{n / (1024 * 1024):g}"


def read_limited(bestand):
    """Return the bytes of an open file, at most one byte more than the size cap.

    An oversized file is then refused by check_xlsx() without being read in full.
    """
    return bestand.read(settings.EXCEL_UPLOAD_MAX_BYTES + 1)


def check_xlsx(inhoud, bestandsnaam):
    """Raise OnveiligBestand unless the bytes look like a harmless .xlsx workbook."""
    if len(inhoud) > settings.EXCEL_UPLOAD_MAX_BYTES:
        refuse(TE_GROOT.format(mb=_mb(settings.EXCEL_UPLOAD_MAX_BYTES)), "size")
    if bestandsnaam.lower().endswith((".xlsm", ".xltm", ".xlam")):
        refuse(MACRO, "macro")
    archief, onderdelen = _open_zip(inhoud)
    _check_parts(onderdelen)
    namen = {o.filename for o in onderdelen}
    _check_workbook(archief, namen)
    _check_objects(archief, namen)


def _open_zip(inhoud):
    """Return the archive and its members, or refuse bytes that are no readable zip."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        return archief, archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        refuse(GEEN_XLSX, "not a zip")


def _check_workbook(archief, namen):
    """Refuse a zip that is no workbook, or a workbook with macros."""
    if "[Content_Types].xml" not in namen or "xl/workbook.xml" not in namen:
        refuse(GEEN_XLSX, "not a workbook")
    if any(_is_macro(n) for n in namen):
        refuse(MACRO, "macro")
    if b"macroenabled" in archief.read("[Content_Types].xml").lower():
        refuse(MACRO, "macro")


def _is_macro(naam):
    naam = naam.lower()
    return naam.endswith("vbaproject.bin") or "macrosheets/" in naam


def _is_object(naam):
    naam = naam.lower()
    if naam.startswith("xl/embeddings/") or naam.endswith(UITVOERBAAR):
        return True
    return naam.endswith(".bin") and not PRINTERINSTELLINGEN_RE.fullmatch(naam)


def _check_objects(archief, namen):
    """Refuse embedded OLE objects, ActiveX controls and executables, or links to them.

    Found by part name, by the content type a part is declared with, and by the
    relationships that point to such parts (also outside the file).
    """
    if any(n.lower().startswith("xl/activex/") for n in namen):
        refuse(ACTIVEX, "activex")
    if any(_is_object(n) for n in namen):
        refuse(INGESLOTEN_OBJECT, "embedded object")
    _check_references(archief, namen)


def _check_references(archief, namen):
    """Refuse content types and relationships that declare or point to such objects."""
    types = archief.read("[Content_Types].xml").lower()
    relaties = b" ".join(archief.read(n).lower() for n in namen if n.lower().endswith(".rels"))
    if b"activex" in types or _contains_any(relaties, ACTIVEX_RELATIES):
        refuse(ACTIVEX, "activex")
    if _contains_any(types, OLE_TYPES) or _contains_any(relaties, OLE_RELATIES):
        refuse(INGESLOTEN_OBJECT, "embedded object")


def _contains_any(tekst, stukken):
    """Return whether any of the byte strings occurs in tekst."""
    return any(s in tekst for s in stukken)


def _check_parts(onderdelen):
    if len(onderdelen) > MAX_ONDERDELEN:
        refuse(TE_VEEL_ONDERDELEN, "zip members")
    if any(o.flag_bits & 0x1 for o in onderdelen):
        refuse(GEEN_XLSX, "encrypted zip")
    if _unpacks_too_large(onderdelen):
        refuse(TE_GROOT_UITGEPAKT.format(mb=_mb(settings.EXCEL_UNPACKED_MAX_BYTES)), "zip ratio")


def _unpacks_too_large(onderdelen):
    """Return whether the members unpack beyond the limit, or one or all too strongly."""
    ratio = settings.EXCEL_MAX_COMPRESSION_RATIO
    totaal = sum(o.file_size for o in onderdelen)
    gepakt = sum(o.compress_size for o in onderdelen)
    if totaal > settings.EXCEL_UNPACKED_MAX_BYTES or any(
        _compressed_too_strongly(o.file_size, max(o.compress_size, 1), ratio) for o in onderdelen
    ):
        return True
    return _compressed_too_strongly(totaal, gepakt, ratio)


def _compressed_too_strongly(uitgepakt, gepakt, ratio):
    """Return whether more than RATIO_VANAF_BYTES expand more than ratio times."""
    return uitgepakt > RATIO_VANAF_BYTES and uitgepakt > ratio * gepakt
