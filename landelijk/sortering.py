"""Sorting the national table: `?sort=<kolom>` or `?sort=-<kolom>`; unknown is by name.

A province without figures sorts after the others whichever way: a gap is not a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class Kop:
    naam: str
    kop: str
    num: bool
    href: str
    aria_sort: str  # "", "ascending" or "descending"


def _telling(attr):
    return lambda r: None if r.telling is None else getattr(r.telling, attr)


# (name in the URL, header, value to sort on, numeric)
KOLOMMEN = [
    ("naam", "Provincie", lambda r: r.naam, False),
    ("opgave", "Opgave", lambda r: r.opgave_plekken, True),
    ("hard", "Harde opvang\u00adcapaciteit", _telling("hard"), True),
    ("hard_plan", "Harde plan\u00adcapaciteit", _telling("hard_plan"), True),
    ("dekking", "Minimale dekking", _telling("minimale_dekking"), True),
    ("percentage", "Dekking", lambda r: r.dekking_percentage, True),
    ("planvoorraad", "Plan\u00advoorraad", _telling("planvoorraad_max"), True),
    ("perspectief", "Perspectief", _telling("perspectief_max"), True),
    ("ingediend", "Ingediend / akkoord", lambda r: r.ingediend if r.in_register else None, True),
    ("verslag", "Verslag vastgesteld", lambda r: r.verslag.datum if r.verslag else None, False),
]
PER_NAAM = {k[0]: k for k in KOLOMMEN}


def lees(sort):
    """Return (column name, descending) of a ?sort= value; unknown: by name, ascending."""
    sort = (sort or "").strip()
    naam, aflopend = (sort[1:], True) if sort.startswith("-") else (sort, False)
    return (naam, aflopend) if naam in PER_NAAM else ("naam", False)


def gesorteerd(rijen, sort):
    """Return the rows in the order of ?sort=, with unknown values last."""
    naam, aflopend = lees(sort)
    sleutel = PER_NAAM[naam][2]
    bekend = [r for r in rijen if sleutel(r) is not None]
    onbekend = [r for r in rijen if sleutel(r) is None]
    bekend.sort(key=lambda r: (sleutel(r), r.naam), reverse=aflopend)
    return [*bekend, *sorted(onbekend, key=lambda r: r.naam)]


class _Sorteerbaar:
    def koppen(self, query, sort):
        """Return the headers: each a link that sorts on it (again: the other way)."""
        naam, aflopend = lees(sort)
        result = []
        for kolom, kop, _, num in KOLOMMEN:
            is_gesorteerd = kolom == naam
            nieuw = query.copy()
            nieuw["sort"] = f"-{kolom}" if is_gesorteerd and not aflopend else kolom
            aria = ("descending" if aflopend else "ascending") if is_gesorteerd else ""
            result.append(Kop(kolom, kop, num, "?" + urlencode(nieuw, doseq=True), aria))
        return result


SORTEERBAAR = _Sorteerbaar()
