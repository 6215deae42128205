"""A map of gemeenten as inline SVG, coloured by any per-gemeente band.

Each task draws the same map with its own bands: minimale dekking (rapportage.kaart),
the statushouders rating (huisvesting), the GOO shortfall (ontheemden). So it lives
here, below them all, and knows no figure: it is given a value per gemeente (band
and a label), the bands (colour and pattern), and which gemeenten to link where.

Colour is never the only carrier: every band has its own pattern (hatching, dots) on
its colour, the legend names the bands, every linked gemeente's accessible name says
its value ("Utrecht: 70,2% dekking") and a table beside the map gives them all.
Colours and patterns are SVG presentation attributes, so the PDF (WeasyPrint, which
does not read app.css) draws the same map; no inline style (CSP).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kern.kaart import Schaal, samen, svg_pad

from .grenzen import Grenzen, grenzen

BRONVERMELDING = "Bron kaart: CBS, Kadaster (PDOK), CC BY 4.0"
BREEDTE = 1000  # viewBox units across; the height follows from the area drawn
MARGE = 0.02  # of the larger side, around a province
BUUR_KLEUR = "#d9d9d9"
SLEUTEL = re.compile(r"[a-z0-9_-]+")  # a band's key and a map's id prefix
KLEUR = re.compile(r"#[0-9a-f]{6}")
PATRONEN = {"vol", "kruis", "schuin", "tegen", "stip", "liggend"}


@dataclass(frozen=True)
class Band:
    """One class of the legend: its colour and the pattern drawn over it.

    patroon: "kruis" (cross-hatched), "schuin" (diagonal lines), "tegen" (the other
    diagonal), "stip" (dots), "liggend" (horizontal lines) or "vol" (plain colour).
    """

    sleutel: str
    label: str
    kleur: str
    patroon: str = "vol"
    lijn: str = "#ffffff"  # colour of the pattern's lines or dots

    def __post_init__(self):
        # What a band puts in the SVG's markup (ids, colours) is checked here, so the
        # markup built from it is safe by construction; only the label is text, and it
        # is escaped by the template.
        if not (
            SLEUTEL.fullmatch(self.sleutel)
            and KLEUR.fullmatch(self.kleur)
            and KLEUR.fullmatch(self.lijn)
            and self.patroon in PATRONEN
        ):
            raise ValueError(f"Ongeldige kaartband: {self!r}")


BUREN = Band("buur", "andere provincie (niet in deze kaart gekleurd)", BUUR_KLEUR)


@dataclass(frozen=True)
class KaartWaarde:
    """A gemeente's place on the map: its band, what it says, and where it links."""

    naam: str
    band: str  # Band.sleutel
    label: str  # "70,2% dekking"; the accessible name is "naam: label"
    href: str = ""  # "" draws the gemeente without a link

    @property
    def naam_en_label(self):
        return f"{self.naam}: {self.label}"


@dataclass(frozen=True)
class KaartRij:
    code: str
    naam: str
    label: str
    band_label: str
    href: str


@dataclass(frozen=True)
class Kaart:
    """A drawn map with what the template places beside it: legend, table, credit."""

    titel: str
    svg: SafeString
    banden: tuple[Band, ...]
    rijen: tuple[KaartRij, ...]
    met_buren: bool
    waarde_kop: str = "Waarde"  # the table's header of KaartWaarde.label
    bron: str = BRONVERMELDING
    # The id prefix of the legend's patterns: another one for a second map on a page.
    staal_prefix: str = "kaart-staal"

    @property
    def legenda(self):
        """Return (band, swatch SVG) pairs: each swatch carries its own pattern."""
        banden = (*self.banden, BUREN) if self.met_buren else self.banden
        return [(band, stalen(band, self.staal_prefix)) for band in banden]


# Every value placed in the markup below goes through format_html (escaped); a Band's
# key, colours and pattern are also checked when it is made.
_PATRONEN = {
    "kruis": '<path d="M0 0L8 8M8 0L0 8" stroke="{0}" stroke-width="1.6"/>',
    "schuin": '<path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" stroke="{0}" stroke-width="1.6"/>',
    "tegen": '<path d="M-2 6L2 10M0 0L8 8M6 -2L10 2" stroke="{0}" stroke-width="1.6"/>',
    "stip": '<circle cx="2" cy="2" r="1.3" fill="{0}"/><circle cx="6" cy="6" r="1.3" fill="{0}"/>',
    "liggend": '<path d="M0 2H8M0 6H8" stroke="{0}" stroke-width="1.6"/>',
}


def _patroon_inhoud(band: Band) -> SafeString:
    return format_html(_PATRONEN.get(band.patroon, ""), band.lijn)


def patroon(band: Band, prefix: str) -> SafeString:
    """Return the SVG pattern of a band: its colour with its lines or dots over it."""
    return format_html(
        '<pattern id="{}-{}" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<rect width="8" height="8" fill="{}"/>{}</pattern>',
        prefix, band.sleutel, band.kleur, _patroon_inhoud(band),
    )  # fmt: skip


def vulling(band: Band, prefix: str) -> str:
    return f"url(#{prefix}-{band.sleutel})" if band.patroon != "vol" else band.kleur


def stalen(band: Band, prefix: str = "kaart-staal") -> SafeString:
    """Return a legend swatch of the band: a small SVG with its own pattern."""
    if not SLEUTEL.fullmatch(prefix):
        raise ValueError(f"Ongeldig kaartvoorvoegsel: {prefix!r}")
    return format_html(
        '<svg class="kaart__staal" viewBox="0 0 24 16" width="24" height="16" '
        'aria-hidden="true" focusable="false"><defs>{}</defs>'
        '<rect x="0.5" y="0.5" width="23" height="15" fill="{}" stroke="#4d4d4d"/></svg>',
        patroon(band, prefix), vulling(band, prefix),
    )  # fmt: skip


# An area's path at a scale is the same on every map of its boundary file: drawn once
# per process and area (the figures only colour and label it). Keyed on the rings
# object itself (kept in the value, so its id is never reused) and the scale.
_PADEN: dict[tuple[int, Schaal], tuple[object, str]] = {}
MAX_PADEN = 20_000


def _pad(gebied, schaal) -> str:
    sleutel = (id(gebied.ringen), schaal)
    bewaard = _PADEN.get(sleutel)
    if bewaard is not None and bewaard[0] is gebied.ringen:
        return bewaard[1]
    if len(_PADEN) >= MAX_PADEN:
        _PADEN.clear()
    d = svg_pad(gebied.ringen, schaal)
    _PADEN[sleutel] = (gebied.ringen, d)
    return d


def _gemeente(gebied, waarde, bandindex, schaal, prefix, interactief):
    band = bandindex[waarde.band]
    d = _pad(gebied, schaal)
    naam = escape(waarde.naam_en_label)
    pad = (
        f'<path class="kaart__gemeente kaart__gemeente--{band.sleutel}" d="{d}" '
        f'fill="{vulling(band, prefix)}" fill-rule="evenodd">'
    )
    if interactief and waarde.href:
        return (
            f'<a class="kaart__link" href="{escape(waarde.href)}" aria-label="{naam}">'
            f"<title>{naam}</title>{pad}</path></a>"
        )
    return f"{pad}<title>{naam}</title></path>"


@dataclass(frozen=True)
class _Beeld:
    """What is drawn: the area (a viewBox), the gemeenten in it and the borders."""

    schaal: Schaal
    eigen: list
    buren: list
    provincies: list


def _kader(grens: Grenzen, provincie_code):
    """Return the area drawn: the province with a margin, or the whole country."""
    provincie = grens.provincie(provincie_code) if provincie_code else None
    if provincie is not None and provincie.kader is not None:
        return provincie.kader.ruimer(MARGE)
    return samen(g.kader for g in grens.gemeenten).ruimer(MARGE / 2)


def _in_kader(gebieden, kader):
    return [g for g in gebieden if g.kader is not None and g.kader.snijdt(kader)]


def _beeld(waarden, grens: Grenzen, provincie_code):
    kader = _kader(grens, provincie_code)
    eigen, buren = [], []
    for gebied in _in_kader(grens.gemeenten, kader):
        waarde = waarden.get(gebied.code)
        (eigen if waarde else buren).append((gebied, waarde))
    provincies = _in_kader(grens.provincies, kader)
    return _Beeld(Schaal(kader, BREEDTE), eigen, buren, provincies)


def _svg_open(schaal, titel, uitleg, prefix, interactief):
    rol = "group" if interactief else "img"
    return (
        f'<svg class="kaart__svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{schaal.viewbox}" role="{rol}" '
        f'aria-labelledby="{prefix}-titel {prefix}-uitleg">'
        f'<title id="{prefix}-titel">{escape(titel)}</title>'
        f'<desc id="{prefix}-uitleg">{escape(uitleg)}</desc>'
    )


def kaart_svg(
    waarden: Mapping[str, KaartWaarde],
    banden: tuple[Band, ...],
    *,
    titel: str,
    uitleg: str,
    provincie_code: str | None = None,
    interactief: bool = True,
    prefix: str = "kaart",
) -> SafeString:
    """Return the map as inline SVG: waarden is {gemeentecode: KaartWaarde}.

    provincie_code: draw that province's area, None: the whole country. A gemeente of
    the boundary file missing from waarden is drawn grey, as a neighbour, without a
    link. Province borders are drawn over the gemeenten. interactief=False (the PDF): no links, the
    SVG is one image whose title and description are its alternative text.
    """
    if not SLEUTEL.fullmatch(prefix):
        raise ValueError(f"Ongeldig kaartvoorvoegsel: {prefix!r}")
    beeld = _beeld(waarden, grenzen(), provincie_code)
    bandindex = {b.sleutel: b for b in banden}
    gebruikt = {w.band for _, w in beeld.eigen}
    delen = [
        _svg_open(beeld.schaal, titel, uitleg, prefix, interactief),
        "<defs>",
        *(patroon(b, prefix) for b in banden if b.sleutel in gebruikt and b.patroon != "vol"),
        "</defs>",
        f'<g class="kaart__buren" aria-hidden="true" fill="{BUUR_KLEUR}" stroke="#ffffff" '
        'stroke-width="1.2">',
        *(f'<path d="{_pad(g, beeld.schaal)}"/>' for g, _ in beeld.buren),
        '</g><g class="kaart__gemeenten" stroke="#4d4d4d" stroke-width="0.8" '
        'stroke-linejoin="round">',
        *(
            _gemeente(g, w, bandindex, beeld.schaal, prefix, interactief)
            for g, w in sorted(beeld.eigen, key=lambda gw: gw[1].naam)
        ),
        '</g><g class="kaart__provincies" aria-hidden="true" fill="none" stroke="#1a1a1a" '
        'stroke-width="2.4" stroke-linejoin="round" pointer-events="none">',
        *(f'<path d="{_pad(p, beeld.schaal)}"/>' for p in beeld.provincies),
        "</g></svg>",
    ]
    # Every name, label, link and title is escaped where it is placed (_gemeente,
    # _svg_open); bands and the prefix are checked; the paths are numbers (kern.kaart).
    return mark_safe("".join(delen))  # noqa: S308


def kaart(
    waarden: Mapping[str, KaartWaarde],
    banden: tuple[Band, ...],
    *,
    titel: str,
    waarde_kop: str = "Waarde",
    ontbrekend: tuple[str, str] | None = None,
    **opties,
) -> Kaart:
    """Return the map with its legend and its table (every gemeente of waarden, by name).

    ontbrekend (band, label): the value of every gemeente of the boundary file that
    waarden lacks (the national map: "geen gegevens in het register"); without it such
    a gemeente is grey, a neighbour, and not in the table. opties: those of kaart_svg.
    """
    if ontbrekend is not None:
        alle = {g.code: KaartWaarde(g.naam, *ontbrekend) for g in grenzen().gemeenten}
        waarden = {**alle, **waarden}
    uitleg = opties.pop(
        "uitleg",
        "Per gemeente een kleur met een eigen arcering; de legenda noemt de klassen en "
        "de tabel bij de kaart geeft de cijfers per gemeente.",
    )
    bandindex = {b.sleutel: b for b in banden}
    rijen = tuple(
        KaartRij(code, w.naam, w.label, bandindex[w.band].label, w.href)
        for code, w in sorted(waarden.items(), key=lambda cw: cw[1].naam)
    )
    return Kaart(
        titel=titel,
        svg=kaart_svg(waarden, banden, titel=titel, uitleg=uitleg, **opties),
        banden=banden,
        rijen=rijen,
        met_buren=opties.get("provincie_code") is not None,
        waarde_kop=waarde_kop,
    )
