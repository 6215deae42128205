"""The dashboard's gemeente table over the report's rows (GemeenteRij), with totals.

A plain class, not django-tables2: that package resolves every cell through accessors
and `inspect.signature` (46% of the dashboard's time for 616 cells). Here each column
is one sort key and one render function; the table sorts the rows once and builds
every cell as a string, and `templates/rapportage/_gemeente_tabel.html` only loops.
Sorting works as before: `?sort=<kolom>` or `?sort=-<kolom>`, an unknown column
keeps the default order by name; headers are links with aria-sort.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html, format_html_join

from kern.formatting import LEEG, number_range, percentage, whole_number

SORT = "sort"


def procent(waarde):
    """Return a percentage the Dutch way (49,9%); '—' when there is none."""
    return percentage(waarde)


def bereik(laag, hoog):
    """Return a range the Dutch way (3.378–3.983)."""
    return number_range(laag, hoog)


def _getal(waarde):
    return LEEG if waarde is None else whole_number(waarde)


def _pad(pad):
    """Return a function reading a dotted attribute path ('telling.hard')."""
    delen = pad.split(".")

    def lees(obj):
        for deel in delen:
            obj = getattr(obj, deel)
        return obj

    return lees


@dataclass(frozen=True)
class Kolom:
    naam: str
    kop: str
    sleutel: Callable  # row -> value to sort on
    cel: Callable  # (table, row) -> html
    voet: Callable  # totaal -> html
    num: bool = True


def _getalkolom(naam, kop, pad, opmaak=_getal):
    lees = _pad(pad)
    return Kolom(naam, kop, lees, lambda t, r: opmaak(lees(r)), lambda tot: opmaak(lees(tot)))


def _naam_cel(table, rij):
    url = reverse("opvang:gemeente_detail", args=[rij.code])
    return format_html(
        '<a class="utrecht-link" href="{}?{}">{}</a>', url, table.gemeente_query, rij.naam
    )


def _indiening_cel(table, rij):
    if rij.indiening_status is None:
        return "geen uitvraag"
    return format_html(
        '<span class="badge badge--{}">{}</span>', rij.indiening_status, rij.indiening_status_label
    )


def _planvoorraad(obj):
    return bereik(obj.telling.planvoorraad_min, obj.telling.planvoorraad_max)


KOLOMMEN = (
    Kolom(
        "naam",
        "Gemeente",
        lambda r: r.naam,
        _naam_cel,
        lambda tot: f"Totaal ({tot.aantal} gemeenten)",
        num=False,
    ),
    Kolom(
        "regio",
        "Regio",
        lambda r: r.regio,
        lambda t, r: escape(r.regio or LEEG),
        lambda tot: "",
        num=False,
    ),
    _getalkolom("opgave", "Opgave", "opgave_plekken"),
    _getalkolom("hard", "Hard", "telling.hard"),
    _getalkolom("hard_plan", "Hard plan", "telling.hard_plan"),
    _getalkolom("dekking_plekken", "Min. dekking", "telling.minimale_dekking"),
    _getalkolom("dekking", "Dekking", "dekking_percentage", opmaak=procent),
    _getalkolom("tekort", "Tekort", "tekort"),
    Kolom(
        "planvoorraad",
        "Planvoorraad",
        lambda r: (r.telling.planvoorraad_min, r.telling.planvoorraad_max),
        lambda t, r: _planvoorraad(r),
        _planvoorraad,
    ),
    _getalkolom("huidig", "In gebruik", "telling.huidig"),
    Kolom(
        "indiening",
        "Indiening",
        lambda r: r.indiening_status or "",
        _indiening_cel,
        lambda tot: "",
        num=False,
    ),
)
PER_NAAM = {k.naam: k for k in KOLOMMEN}


def _sorteer_sleutel(kolom):
    """Sort None first (as django-tables2 did), then the values themselves."""

    def sleutel(rij):
        waarde = kolom.sleutel(rij)
        return (waarde is not None, waarde if waarde is not None else 0)

    return sleutel


@dataclass(frozen=True)
class Rij:
    record: object
    cellen: tuple  # ((is numeric, html), ...)

    @property
    def html(self):
        """The row's <tr>: each cell escaped as the template's {{ cel }} would."""
        cellen = format_html_join(
            "",
            '<td class="utrecht-table__cell{}">{}</td>',
            ((" num" if num else "", cel) for num, cel in self.cellen),
        )
        return format_html('<tr class="utrecht-table__row">{}</tr>', cellen)


@dataclass(frozen=True)
class Kop:
    kop: str
    num: bool
    href: str
    aria_sort: str  # "", "ascending" or "descending"


def lees_sortering(waarde):
    """Return (column name, descending) of a ?sort= value; unknown: by name, ascending."""
    waarde = (waarde or "").split(",")[0].strip()
    naam, aflopend = (waarde[1:], True) if waarde.startswith("-") else (waarde, False)
    if naam not in PER_NAAM:
        return "naam", False
    return naam, aflopend


class GemeenteRijTable:
    """One row per gemeente of the report; sortable on every column, totals in the footer.

    The footer is the sum of the rows shown (rapportage.selectors.totaal), so with a
    filter it adds up the filtered rows. query: the request's GET (for sort links).
    """

    empty_text = "Geen gemeenten bij dit filter."

    def __init__(self, data, *, cyclus_nummer, totaal, peildatum=None, query=None):
        self.cyclus_nummer = cyclus_nummer
        self.totaal = totaal
        self.peildatum = peildatum
        self.query = dict(query.lists()) if query is not None else {}
        self.gemeente_query = f"cyclus={cyclus_nummer}" + (
            f"&peildatum={peildatum:%Y-%m-%d}" if peildatum else ""
        )
        self.sortering = lees_sortering((self.query.get(SORT) or [""])[-1])
        naam, aflopend = self.sortering
        rijen = sorted(data, key=lambda r: r.naam)  # ties keep the order by name
        self.records = sorted(rijen, key=_sorteer_sleutel(PER_NAAM[naam]), reverse=aflopend)
        with translation.override(settings.LANGUAGE_CODE):
            self.rows = [
                Rij(r, tuple((k.num, k.cel(self, r)) for k in KOLOMMEN)) for r in self.records
            ]
            self.voet = tuple((k.num, k.voet(totaal)) for k in KOLOMMEN)
        self.koppen = tuple(self._kop(k) for k in KOLOMMEN)

    def _kop(self, kolom):
        naam, aflopend = self.sortering
        is_gesorteerd = naam == kolom.naam
        volgende = f"-{kolom.naam}" if is_gesorteerd and not aflopend else kolom.naam
        query = {**self.query, SORT: [volgende]}
        query.pop("page", None)
        aria = ("descending" if aflopend else "ascending") if is_gesorteerd else ""
        return Kop(kolom.kop, kolom.num, "?" + urlencode(query, doseq=True), aria)
