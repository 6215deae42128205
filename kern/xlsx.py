"""Workbook primitives: safe text cells, a header row, the bytes of a workbook.

Every text cell is written as a string, with Excel's quote prefix, so that a value
starting with =, +, - or @ (a location named `=HYPERLINK(...)`) stays text and never
becomes a formula; characters a workbook cannot hold become U+FFFD.
"""

import io
import re

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="154273")
# Control characters that a workbook's XML cannot hold.
INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_text(cell, value):
    """Write value as a string cell that Excel shows, and keeps, as text."""
    cell.value = INVALID_CHARACTERS.sub("\ufffd", value)
    cell.data_type = "s"
    if value[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True


def write_cell(cell, value, number_format=None):
    """Write value (text through write_text), with an optional number format."""
    if isinstance(value, str):
        write_text(cell, value)
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format


def write_header(sheet, headers, widths):
    """Write the header row: bold on blue, frozen, filtered, columns widened."""
    for i, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=i)
        write_text(cell, header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"


def workbook_bytes(workbook):
    """Return the workbook saved as .xlsx bytes."""
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
