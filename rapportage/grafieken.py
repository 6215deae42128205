"""Chart data for the dashboard and the PDF: pure functions over the report object.

The report holds the figures (the capacity history is Rapport.capaciteit); this module
only turns them into coordinates. The templates in templates/rapportage/grafieken/ draw
these values as inline SVG; a template only places what it is given. Coordinates are
in the SVG's own units (the viewBox); CSS scales the chart to its container.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import localize
from django.utils.html import format_html, format_html_join

from kern.formatting import short_month

from .selectors import Rapport

# Dekking per gemeente: names on the left, bars to the right, the percentage after a bar.
BREEDTE = 720
NAAM_BREEDTE = 190
LABEL_RUIMTE = 90
BALK_HOOGTE = 16
RIJ_HOOGTE = 24
BOVEN = 28
ONDER = 28
# A bar longer than this many percent is cut off (with a mark); its label says the truth.
SCHAAL_MAX = 200


@dataclass(frozen=True)
class Balk:
    code: str
    naam: str
    percentage: Decimal | None
    gehaald: bool
    afgekapt: bool
    y: float
    breedte: float
    opgave_nul: bool = False  # an opgave of 0 (e.g. after a verdeelbesluit) is not "none"

    @property
    def zonder_percentage(self):
        """Why the bar has no percentage, in words."""
        return "opgave 0" if self.opgave_nul else "geen opgave"

    @property
    def label_x(self):
        return round(NAAM_BREEDTE + (self.breedte if self.percentage is not None else 0) + 4, 1)


@dataclass(frozen=True)
class DekkingGrafiek:
    titel: str
    balken: tuple[Balk, ...]
    hoogte: float
    x0: float
    x100: float
    x_eind: float
    as_y: float
    schaal: tuple[tuple[float, int], ...]  # (x, percentage) of the grid lines

    breedte: float = BREEDTE
    naam_x: float = NAAM_BREEDTE - 6

    @property
    def as_label_y(self):
        return self.as_y + 16

    # The loops over every gemeente are written here, not in the template: the same
    # markup, placed once per bar instead of a template lookup per attribute. Names
    # and every other value go through format_html, which escapes them.
    @property
    def balken_svg(self):
        return format_html_join("", "{}", ((_balk_svg(self, b),) for b in self.balken))

    @property
    def tabel_rijen(self):
        return format_html_join("", "{}", ((_balk_rij(b),) for b in self.balken))


def _procent_tekst(balk):
    return f"{localize(balk.percentage, use_l10n=True)}%"


def _balk_svg(grafiek, b):
    naam = format_html(
        '<text class="grafiek__naam" x="{}" y="{}" dy="12" text-anchor="end" '
        'fill="#001a40">{}</text>',
        grafiek.naam_x, b.y, b.naam,
    )  # fmt: skip
    if b.percentage is None:
        return naam + format_html(
            '<text class="grafiek__waarde grafiek__waarde--leeg" x="{}" y="{}" dy="12" '
            'fill="#3d5374">{}</text>',
            b.label_x, b.y, b.zonder_percentage,
        )  # fmt: skip
    tekst = _procent_tekst(b) + (" gehaald" if b.gehaald else "") + (" »" if b.afgekapt else "")
    if b.gehaald:
        balk = '<rect class="grafiek__balk grafiek__balk--gehaald" x="{}" y="{}" width="{}" '
        balk += 'height="16" fill="url(#dekking-gehaald)" stroke="#275d0a" stroke-width="1"/>'
    else:
        balk = '<rect class="grafiek__balk" x="{}" y="{}" width="{}" height="16" fill="#154273"/>'
    return naam + format_html(
        balk + '<text class="grafiek__waarde" x="{}" y="{}" dy="12" fill="#001a40">{}</text>',
        grafiek.x0, b.y, b.breedte, b.label_x, b.y, tekst,
    )  # fmt: skip


def _balk_rij(b):
    if b.percentage is None:
        waarde, gehaald = b.zonder_percentage, "—"
    else:
        waarde, gehaald = _procent_tekst(b), "ja" if b.gehaald else "nee"
    return format_html(
        '<tr class="utrecht-table__row">'
        '<th class="utrecht-table__header-cell" scope="row">{}</th>'
        '<td class="utrecht-table__cell num">{}</td>'
        '<td class="utrecht-table__cell">{}</td></tr>',
        b.naam, waarde, gehaald,
    )  # fmt: skip


def _schaal_max(percentages):
    hoogste = max((float(p) for p in percentages), default=0)
    return min(max(125, math.ceil(hoogste / 25) * 25), SCHAAL_MAX)


def _hoogste_dekking_eerst(rij):
    pct = rij.dekking_percentage
    return (pct is None, -(pct or 0), rij.naam)


def dekking_grafiek(rapport: Rapport) -> DekkingGrafiek:
    """Return a bar per gemeente of its dekking against 100%, highest first."""
    schaal_max = _schaal_max(
        r.dekking_percentage for r in rapport.gemeenten if r.dekking_percentage is not None
    )
    x0, x_eind = NAAM_BREEDTE, BREEDTE - LABEL_RUIMTE
    per_procent = (x_eind - x0) / schaal_max
    balken = []
    for i, rij in enumerate(sorted(rapport.gemeenten, key=_hoogste_dekking_eerst)):
        pct = rij.dekking_percentage
        balken.append(
            Balk(
                code=rij.code,
                naam=rij.naam,
                percentage=pct,
                gehaald=pct is not None and pct >= 100,
                afgekapt=pct is not None and pct > schaal_max,
                y=BOVEN + i * RIJ_HOOGTE + (RIJ_HOOGTE - BALK_HOOGTE) / 2,
                breedte=round(min(float(pct or 0), schaal_max) * per_procent, 1),
                opgave_nul=rij.opgave_plekken == 0,
            )
        )
    as_y = BOVEN + len(balken) * RIJ_HOOGTE
    return DekkingGrafiek(
        titel=f"Minimale dekking per gemeente in {rapport.provincie_naam}, "
        f"cyclus {rapport.cyclus_nummer}, als percentage van de opgave",
        balken=tuple(balken),
        hoogte=as_y + ONDER,
        x0=x0,
        x100=round(x0 + 100 * per_procent, 1),
        x_eind=x_eind,
        as_y=as_y,
        schaal=tuple((round(x0 + p * per_procent, 1), p) for p in range(0, schaal_max + 1, 25)),
    )


# Capacity history: a line of the places in use on the first day of every month.
VERLOOP_HOOGTE = 320
LINKS = 64
RECHTS = 24
VERLOOP_BOVEN = 20
VERLOOP_ONDER = 40
STAPPEN = (1, 2, 2.5, 5)
MAAND_STAPPEN = (1, 3, 6, 12, 24, 36, 60, 120)
MAX_LABELS = 10
# The capacity chart shows the years before the peildatum, not every month since the
# oldest location opened (a flat line from 2004 said nothing): from 1 January this many
# years before the peildatum's year, or from the first month with places if that is later.
VERLOOP_JAREN = 5


@dataclass(frozen=True)
class Punt:
    datum: date
    plekken: int
    x: float
    y: float

    @property
    def label(self):
        return maand_label(self.datum)


@dataclass(frozen=True)
class CapaciteitGrafiek:
    titel: str
    punten: tuple[Punt, ...]
    lijn: str  # the points attribute of the polyline
    opgave: int | None
    opgave_y: float | None
    opgave_x: float  # where the opgave line starts: the counting window's first day
    peildatum: date
    peildatum_x: float | None
    x_labels: tuple[tuple[float, str], ...]
    y_labels: tuple[tuple[float, int], ...]
    x0: float
    x_eind: float
    as_y: float
    boven: float = VERLOOP_BOVEN
    breedte: float = BREEDTE
    hoogte: float = VERLOOP_HOOGTE

    # Where the labels go: beside, under or above what they name.
    @property
    def y_label_x(self):
        return self.x0 - 6

    @property
    def x_label_y(self):
        return self.as_y + 18

    @property
    def streep_y(self):
        return self.as_y + 4

    @property
    def opgave_label_y(self):
        return self.opgave_y - 6

    @property
    def opgave_label_x(self):
        """The opgave's label sits at the start of its line, clear of the peildatum's."""
        return min(self.opgave_x + 4, self.x_eind - 90)

    @property
    def peildatum_label_rechts(self):
        """Whether the peildatum's label fits on the right of its line."""
        return self.peildatum_x < self.x_eind - 150

    @property
    def tabel_rijen(self):
        """The table's row of every month, written here (see DekkingGrafiek.balken_svg)."""
        return format_html_join(
            "",
            '<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" '
            'scope="row">{}</th><td class="utrecht-table__cell num">{}</td></tr>',
            ((p.label, localize(p.plekken, use_l10n=True)) for p in self.punten),
        )

    @property
    def peildatum_label_x(self):
        return self.peildatum_x + (4 if self.peildatum_label_rechts else -4)

    @property
    def peildatum_label_y(self):
        return self.boven + 12


@functools.lru_cache(maxsize=4096)
def maand_label(d: date) -> str:
    """Return a month the Dutch way: 'jan 2024' (always the site's language: kept)."""
    return short_month(d)


def _mooie_stap(grootste, aantal=5):
    """Return a round step (1, 2, 2.5 or 5 times a power of ten) giving about `aantal` lines."""
    ruw = max(grootste, 1) / aantal
    macht = 10 ** math.floor(math.log10(ruw))
    return max(next((s * macht for s in STAPPEN if s * macht >= ruw), 10 * macht), 1)


def _x_labels(dagen, x_van):
    stap = next((s for s in MAAND_STAPPEN if len(dagen) / s <= MAX_LABELS), MAAND_STAPPEN[-1])
    # Steps of a year or more start in January; shorter ones at a multiple of the step.
    return tuple(
        (x_van(i), maand_label(d))
        for i, d in enumerate(dagen)
        if ((d.year * 12 + d.month - 1) % stap == 0)
    )


def _venster(reeks, peildatum):
    """Return the part of the monthly series the chart shows (see VERLOOP_JAREN).

    It starts at the first month with places in the window, and always shows the last
    VERLOOP_JAREN years of the series when the peildatum lies beyond it.
    """
    begin = date(peildatum.year - VERLOOP_JAREN, 1, 1)
    getoond = [(d, p) for d, p in reeks if d >= begin] or reeks[-VERLOOP_JAREN * 12 :]
    eerste_met_plekken = next((i for i, (_, p) in enumerate(getoond) if p), 0)
    return getoond[eerste_met_plekken:]


def capaciteit_grafiek(rapport: Rapport) -> CapaciteitGrafiek | None:
    """Return the report's capacity history as a line, the opgave as a line from the
    start of the cycle's counting window (the moment it is measured against)."""
    reeks = _venster([(p.datum, p.plekken) for p in rapport.capaciteit], rapport.peildatum)
    if not reeks:
        return None
    x0, x_eind, as_y = LINKS, BREEDTE - RECHTS, VERLOOP_HOOGTE - VERLOOP_ONDER
    stap, y_max = _y_schaal(max([p for _, p in reeks] + [rapport.opgave_plekken or 0]))
    laatste = max(len(reeks) - 1, 1)

    def x_van(index):
        return round(x0 + index * (x_eind - x0) / laatste, 1)

    def y_van(plekken):
        return round(as_y - plekken * (as_y - VERLOOP_BOVEN) / y_max, 1)

    punten = tuple(Punt(d, p, x_van(i), y_van(p)) for i, (d, p) in enumerate(reeks))
    eerste = reeks[0][0]
    peil_index = _maand_index(rapport.peildatum, eerste)
    peil_x = x_van(peil_index) if 0 <= peil_index <= laatste else None
    venster = rapport.telvenster
    opgave_index = _maand_index(venster.van, eerste) if venster.is_bekend else 0
    return CapaciteitGrafiek(
        titel=f"Plekken in gebruik in {rapport.provincie_naam} per maand, "
        f"{maand_label(eerste)} tot en met {maand_label(reeks[-1][0])}, met de opgave",
        punten=punten,
        lijn=_lijn(punten),
        opgave=rapport.opgave_plekken,
        opgave_y=y_van(rapport.opgave_plekken) if rapport.opgave_plekken else None,
        opgave_x=x_van(min(max(opgave_index, 0), laatste)),
        peildatum=rapport.peildatum,
        peildatum_x=peil_x,
        x_labels=_x_labels([d for d, _ in reeks], x_van),
        y_labels=_y_labels(stap, y_max, y_van),
        x0=x0,
        x_eind=x_eind,
        as_y=as_y,
    )


def _y_schaal(hoogste):
    """Return a round step and the top of the y axis, a little above hoogste."""
    stap = _mooie_stap(hoogste)
    return stap, stap * math.ceil(hoogste * 1.05 / stap) or stap


def _maand_index(d, eerste):
    """Return d's position in months after eerste (the first of a month), day included."""
    return (d.year - eerste.year) * 12 + d.month - eerste.month + (d.day - 1) / 31


def _lijn(punten):
    """Return the points as an SVG polyline's points attribute."""
    return " ".join(f"{p.x},{p.y}" for p in punten)


def _y_labels(stap, y_max, y_van):
    return tuple((y_van(v), int(v)) for v in _y_waarden(stap, y_max))


def _y_waarden(stap, y_max):
    n = round(y_max / stap)
    return [stap * i for i in range(n + 1)]
