"""What every PDF must pass: A4, tagged, only the vendored fonts, nothing past the margins.

Text positions come from poppler's `pdftotext -bbox` (apt package poppler-utils), one
box per word: a table that runs past the margin has words past it. The margins are the
@page margins of static/rapportage/pdf.css.
"""

import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)  # points
MARGE_LINKS, MARGE_RECHTS = 22 * MM, 20 * MM
TOLERANTIE = 0.5  # points: rounding of the glyph boxes
VENDORED_FONTS = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Italic", "Noto-Serif-Bold"}
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<')


def buiten_marge(pad):
    """Return 'page N: word (xMin–xMax)' for every word outside the left or right margin."""
    opdracht = [shutil.which("pdftotext"), "-bbox", str(pad), "-"]
    html = subprocess.run(  # noqa: S603 (poppler on our own file)
        opdracht, capture_output=True, text=True, check=True
    ).stdout
    fouten = []
    for nummer, (breedte, _hoogte, inhoud) in enumerate(_PAGE.findall(html), start=1):
        links, rechts = MARGE_LINKS - TOLERANTIE, float(breedte) - MARGE_RECHTS + TOLERANTIE
        for x_min, x_max, woord in _WORD.findall(inhoud):
            if float(x_min) < links or float(x_max) > rechts:
                fouten.append(f"pagina {nummer}: {woord!r} ({x_min}–{x_max} pt)")
    return fouten


def lettertypen(pad):
    """Return the embedded fonts' names without their subset prefix, as pdffonts lists them."""
    uitvoer = subprocess.run(  # noqa: S603
        [shutil.which("pdffonts"), str(pad)], capture_output=True, text=True, check=True
    ).stdout
    return {regel.split()[0].split("+")[-1] for regel in uitvoer.splitlines()[2:] if regel}


def check_pdf(pad, problemen):
    """Check one PDF; add what fails to `problemen`."""
    naam = Path(pad).name
    pdf = PdfReader(pad)
    for nummer, pagina in enumerate(pdf.pages, start=1):
        maat = tuple(float(x) for x in pagina.mediabox.upper_right)
        if any(abs(a - b) > 1 for a, b in zip(maat, A4, strict=True)):
            problemen.append(f"{naam} pagina {nummer} is geen A4: {maat}")
    if "/StructTreeRoot" not in pdf.trailer["/Root"]:
        problemen.append(f"{naam} is niet getagd")
    if vreemd := lettertypen(pad) - VENDORED_FONTS:
        problemen.append(f"{naam} bevat andere lettertypen: {sorted(vreemd)}")
    problemen += [f"{naam} {fout}" for fout in buiten_marge(pad)]
    return pdf
