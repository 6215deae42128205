"""Load the gemeenten's populations from a CBS StatLine CSV export, all or nothing.

The format (docs/inwoners.md, and `manage.py inwoners_laden --help`):

- text in UTF-8, with or without a byte order mark; fields separated by ``;`` (as
  StatLine writes them; ``,`` is accepted too), quoted with ``"`` or not;
- lines before the header row (StatLine's table title) and lines of one field after the
  table (``"Bron: CBS"``) are skipped, as are empty lines;
- the header row names a column "Bevolking op 1 januari" (StatLine writes
  "Bevolking op 1 januari (aantal)"), one or more regio columns ("Regio's",
  "Regio's (code)", "RegioS", "Regiocode" or "Code"), and a column "Perioden" with the
  year ("2025", "2025JJ00", "2025*" for a provisional figure) unless a peildatum is given;
- in each row one regio column holds the CBS code (GM0014; padded with spaces as in
  CBS Open Data is fine). Rows of other regions (NL01 Nederland, LD landsdelen,
  PV provincies, CR COROP) are skipped; every GM row must name a gemeente of the register
  once, with a whole number of at least 1.

The population is "Bevolking op 1 januari": the peildatum is 1 January of the period.
One bad row and nothing is stored; the errors name every bad row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from kern.audit import attribute_to
from kern.numbers import parse_whole_number

from .models import Gemeente
from .scope import scope_filter

MAX_BYTES = 10 * 1024 * 1024
BEVOLKING = "bevolking op 1 januari"
REGIO_KOPPEN = ("regio", "code")
REGIOCODE_RE = re.compile(r"[A-Z]{2}[0-9]{2,8}")
GEMEENTECODE_RE = re.compile(r"GM[0-9]{4}")
PERIODE_RE = re.compile(r"((?:19|20)[0-9]{2})(?:JJ00)?\s*\**")
BRON_MAX = 200

GEEN_TEKST = "Het bestand is geen tekst in UTF-8; sla de export op als CSV (UTF-8)."
TE_GROOT = "Het bestand is groter dan 10 MB; exporteer alleen de gemeenten."
GEEN_KOPRIJ = (
    "Geen kolom ‘Bevolking op 1 januari’ met een kolom ‘Regio's’ gevonden; exporteer de "
    "tabel als CSV met de regio's als rijen."
)
GEEN_PERIODE = "Geen kolom ‘Perioden’: geef de peildatum op (--peildatum JJJJ-MM-DD)."
GEEN_GEMEENTEN = "Het bestand bevat geen enkele gemeente (regiocode GMxxxx)."


class InwonersGeweigerd(Exception):
    """The file cannot be loaded; fouten lists every reason, with its row."""

    def __init__(self, fouten):
        super().__init__("; ".join(str(f) for f in fouten))
        self.fouten = list(fouten)


@dataclass(frozen=True)
class Fout:
    rij: int | None
    melding: str

    def __str__(self):
        return f"rij {self.rij}: {self.melding}" if self.rij else self.melding


@dataclass(frozen=True)
class Inwonertal:
    rij: int
    code: str
    inwoners: int
    peildatum: date


@dataclass(frozen=True)
class Kolommen:
    regio: tuple[int, ...]
    bevolking: int
    periode: int | None


def lees_bestand(inhoud: bytes, peildatum: date | None = None) -> list[Inwonertal]:
    """Return the gemeenten's populations of a StatLine CSV export, or raise InwonersGeweigerd.

    Checks the rows only against themselves (the format, numbers, duplicates); the
    register is checked by inwoners_laden.
    """
    kolommen, rijen = _tabel(_tekst(inhoud))
    if kolommen.periode is None and peildatum is None:
        raise InwonersGeweigerd([Fout(None, GEEN_PERIODE)])
    tallen, fouten, gezien = [], [], {}
    for nummer, rij in rijen:
        try:
            tal = _inwonertal(nummer, rij, kolommen, peildatum)
        except ValueError as exc:
            fouten.append(Fout(nummer, str(exc)))
            continue
        if tal is None:
            continue
        if tal.code in gezien:
            fouten.append(Fout(nummer, f"{tal.code} staat er al in (rij {gezien[tal.code]})."))
        gezien.setdefault(tal.code, nummer)
        tallen.append(tal)
    if not fouten and not tallen:
        fouten.append(Fout(None, GEEN_GEMEENTEN))
    if fouten:
        raise InwonersGeweigerd(fouten)
    return tallen


def _tekst(inhoud):
    if len(inhoud) > MAX_BYTES:
        raise InwonersGeweigerd([Fout(None, TE_GROOT)])
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InwonersGeweigerd([Fout(None, GEEN_TEKST)]) from None


def _tabel(tekst):
    """Return the columns of the header row and (line number, fields) of the rows below it.

    The separator is the one (; first, then ,) under which a header row is found.
    """
    for scheiding in (";", ","):
        rijen = _rijen(tekst, scheiding)
        for i, (_, rij) in enumerate(rijen):
            if kolommen := _kolommen(rij):
                return kolommen, rijen[i + 1 :]
    raise InwonersGeweigerd([Fout(None, GEEN_KOPRIJ)])


def _rijen(tekst, scheiding):
    """Return (line number, fields) of every row with more than one field filled in."""
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    rijen = []
    try:
        for rij in lezer:
            if sum(1 for veld in rij if veld.strip()) > 1:
                rijen.append((lezer.line_num, [veld.strip() for veld in rij]))
    except csv.Error as exc:
        raise InwonersGeweigerd([Fout(lezer.line_num, f"Onleesbare regel ({exc}).")]) from None
    return rijen


def _kolommen(kop):
    """Return the columns of a header row, or None when the row is no header."""
    namen = [naam.lower() for naam in kop]
    bevolking = next((i for i, naam in enumerate(namen) if BEVOLKING in naam), None)
    regio = tuple(i for i, naam in enumerate(namen) if naam.startswith(REGIO_KOPPEN))
    if bevolking is None or not regio:
        return None
    periode = next((i for i, naam in enumerate(namen) if naam.startswith("perioden")), None)
    return Kolommen(regio=regio, bevolking=bevolking, periode=periode)


def _inwonertal(nummer, rij, kolommen, peildatum):
    """Return the row's Inwonertal, None for a row of another region, or raise ValueError."""
    if len(rij) <= max(kolommen.bevolking, *kolommen.regio):
        raise ValueError("Te weinig kolommen.")
    code = next((rij[i] for i in kolommen.regio if REGIOCODE_RE.fullmatch(rij[i])), None)
    if code is None:
        regio = " / ".join(rij[i] for i in kolommen.regio)
        raise ValueError(f"Geen CBS-regiocode (zoals GM0344) in ‘{regio}’.")
    if not GEMEENTECODE_RE.fullmatch(code):
        return None
    waarde = rij[kolommen.bevolking]
    try:
        inwoners = parse_whole_number(waarde)
    except ValueError:
        inwoners = 0
    if inwoners < 1:
        raise ValueError(f"{code}: ‘{waarde}’ is geen aantal inwoners (een geheel getal, ≥ 1).")
    return Inwonertal(nummer, code, inwoners, _peildatum(code, rij, kolommen, peildatum))


def _peildatum(code, rij, kolommen, peildatum):
    if kolommen.periode is None:
        return peildatum
    waarde = rij[kolommen.periode] if len(rij) > kolommen.periode else ""
    match = PERIODE_RE.fullmatch(waarde)
    if match is None:
        raise ValueError(f"{code}: ‘{waarde}’ is geen jaar (zoals 2025) in Perioden.")
    uit_bestand = date(int(match[1]), 1, 1)
    if peildatum is not None and peildatum != uit_bestand:
        raise ValueError(
            f"{code}: de periode {match[1]} past niet bij de opgegeven peildatum "
            f"{peildatum.isoformat()}."
        )
    return uit_bestand


def bron_tekst(bron, bestandsnaam):
    """Return the source stored with each population: the given source and the file."""
    tekst = f"{bron.strip()}, bestand {bestandsnaam}" if bestandsnaam else bron.strip()
    return tekst[:BRON_MAX]


def inwoners_laden(*, tallen, bron, user):
    """Store the populations of tallen in their gemeenten; return (changed, unchanged).

    All or nothing: a code the register does not hold, or that the user (beheer bound
    to a province) may not manage, refuses the whole file. The gemeenten are locked
    while they are checked and written, so two loads at once are one after the other.
    Each changed gemeente is saved with its history record, attributed to user.
    """
    with transaction.atomic():
        codes = [t.code for t in tallen]
        gemeenten = {
            g.code: g
            for g in Gemeente.objects.select_for_update().filter(code__in=codes).order_by("pk")
        }
        toegestaan = set(
            scope_filter(Gemeente.objects.filter(code__in=codes), user, path="").values_list(
                "code", flat=True
            )
        )
        _controleer(tallen, gemeenten, toegestaan)
        gewijzigd = 0
        for tal in tallen:
            gewijzigd += _vastleggen(gemeenten[tal.code], tal, bron, user)
    return gewijzigd, len(tallen) - gewijzigd


def _controleer(tallen, gemeenten, toegestaan):
    fouten = []
    for tal in tallen:
        if tal.code not in gemeenten:
            fouten.append(Fout(tal.rij, f"Gemeente {tal.code} staat niet in het register."))
        elif tal.code not in toegestaan:
            gemeente = gemeenten[tal.code]
            fouten.append(
                Fout(
                    tal.rij,
                    f"{tal.code} {gemeente.naam} hoort bij een provincie die u niet beheert.",
                )
            )
    if fouten:
        raise InwonersGeweigerd(fouten)


def _vastleggen(gemeente, tal, bron, user):
    """Save the population of one gemeente if it differs; return whether it did."""
    nieuw = {"inwoners": tal.inwoners, "inwoners_peildatum": tal.peildatum, "inwoners_bron": bron}
    if all(getattr(gemeente, veld) == waarde for veld, waarde in nieuw.items()):
        return False
    for veld, waarde in nieuw.items():
        setattr(gemeente, veld, waarde)
    attribute_to(gemeente, user, "Inwoners geladen uit een CBS StatLine-export")
    gemeente.save()
    return True
