"""One normalisation of the text users type or import, on every input path.

`normalize()` returns what is stored: Unicode NFC, without invisible format characters
(category Cf: zero-width spaces and joiners, the BOM, the soft hyphen, bidirectional
controls), with each run of whitespace (the no-break space included) as one space and
nothing around it. Multi-line text keeps its line breaks. Control characters that
remain (category Cc: BEL, ESC, NUL …) are refused rather than removed, because they
are no part of a name or a remark; `control_characters()` finds them.

Two names that look the same are then the same text, and `comparable()` adds the case
that users ignore too.
"""

from __future__ import annotations

import re
import unicodedata

STUURTEKENS = (
    "De tekst bevat onzichtbare stuurtekens (zoals BEL of ESC); verwijder die en probeer "
    "het opnieuw."
)
TE_LANG = "Deze tekst is te lang: maximaal {max} tekens (nu {lengte})."

# Free text (toelichting, opmerking, bericht): room for a paragraph or two.
MAX_TOELICHTING = 2000
# The cvdK office's texts in a document (knelpunten, vervolg): a few pages at most.
MAX_DOCUMENTTEKST = 20000

# Separators of category Zs, Zl and Zp (Unicode 14; tests check the list is complete),
# and the ASCII whitespace controls. Python's str.split() also splits on U+001C–U+001F
# and U+0085, which are control characters here and are refused, not collapsed.
_SPATIES = (
    " \t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
SPATIE_RE = re.compile(f"[{_SPATIES}]+")
HORIZONTAAL_RE = re.compile(f"[{_SPATIES.replace(chr(10), '')}]+")
REGELEINDE_RE = re.compile("\r\n|[\r\u2028\u2029]")


def _without_format_characters(text):
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def normalize(text: str, *, multiline: bool = False) -> str:
    """Return text as stored: NFC, no format characters, whitespace collapsed, stripped.

    With multiline, line breaks (CR LF, CR, U+2028, U+2029) become one newline each and
    whitespace is collapsed within each line.
    """
    text = _without_format_characters(unicodedata.normalize("NFC", text))
    if not multiline:
        return SPATIE_RE.sub(" ", text).strip()
    regels = REGELEINDE_RE.sub("\n", text).split("\n")
    return "\n".join(HORIZONTAAL_RE.sub(" ", r).strip() for r in regels).strip("\n")


def control_characters(text: str, *, multiline: bool = False) -> list[str]:
    """Return the control characters (category Cc) in text; newlines allowed if multiline."""
    toegestaan = "\n" if multiline else ""
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in toegestaan]


def without_control_characters(text: str, *, multiline: bool = False) -> str:
    """Return normalised text with its control characters removed (for stored data only).

    Input is refused instead (STUURTEKENS); data already stored cannot be refused.
    """
    text = normalize(text, multiline=multiline)
    verboden = set(control_characters(text, multiline=multiline))
    return normalize("".join(" " if c in verboden else c for c in text), multiline=multiline)


def comparable(text: str) -> str:
    """Return the form in which two names are the same for users: normalised, any case."""
    return normalize(str(text)).casefold()
