"""TopoJSON boundaries to SVG path data, in the plane's own coordinates (no projection).

The boundary files are TopoJSON (https://github.com/topojson/topojson-specification):
a list of arcs, each a line of points, shared by the polygons on either side of it. A
quantized topology stores an arc's first point and then the differences to the point
before, in integer steps that the transform's scale and translate turn into
coordinates. A polygon names its rings as lists of arc indices; an index ~i (that is
-i - 1) is arc i walked backwards. Consecutive arcs of a ring share their end point.

The coordinates here are RD (EPSG:28992): metres, x east and y north, already a flat
projection of the Netherlands. Drawing them is scaling into a viewBox and flipping y
(SVG's y runs down). Pure functions over plain values: no Django, no app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Punt = tuple[float, float]
Ring = tuple[Punt, ...]


class OngeldigeTopologie(ValueError):
    """The topology does not follow the TopoJSON specification where we rely on it."""


@dataclass(frozen=True)
class Kader:
    """A rectangle in the plane's coordinates (a bounding box)."""

    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @property
    def breedte(self) -> float:
        return self.max_x - self.min_x

    @property
    def hoogte(self) -> float:
        return self.max_y - self.min_y

    def snijdt(self, ander: Kader) -> bool:
        """Return whether the two rectangles overlap (touching counts)."""
        return not (
            ander.min_x > self.max_x
            or ander.max_x < self.min_x
            or ander.min_y > self.max_y
            or ander.max_y < self.min_y
        )

    def ruimer(self, fractie: float) -> Kader:
        """Return the rectangle with a margin of fractie of its larger side all round."""
        marge = max(self.breedte, self.hoogte) * fractie
        return Kader(self.min_x - marge, self.min_y - marge, self.max_x + marge, self.max_y + marge)


def kader_van(ringen: Iterable[Ring]) -> Kader | None:
    """Return the bounding box of the rings' points, or None when there are none."""
    xs, ys = [], []
    for ring in ringen:
        for x, y in ring:
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return Kader(min(xs), min(ys), max(xs), max(ys))


def samen(kaders: Iterable[Kader | None]) -> Kader | None:
    """Return the bounding box around all the given boxes (None ones skipped)."""
    echte = [k for k in kaders if k is not None]
    if not echte:
        return None
    return Kader(
        min(k.min_x for k in echte),
        min(k.min_y for k in echte),
        max(k.max_x for k in echte),
        max(k.max_y for k in echte),
    )


def arcs_decoderen(topologie: dict) -> list[list[Punt]]:
    """Return the topology's arcs as lists of absolute points.

    With a transform the arcs are quantized: each point after the first is the
    difference to the one before, and scale and translate give the coordinates.
    """
    transform = topologie.get("transform")
    if transform is None:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in topologie["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topologie["arcs"]:
        x = y = 0
        punten = []
        for p in arc:
            x += p[0]
            y += p[1]
            punten.append((x * sx + tx, y * sy + ty))
        arcs.append(punten)
    return arcs


def ring(indices: Sequence[int], arcs: Sequence[Sequence[Punt]]) -> Ring:
    """Return the ring that the arc indices walk; ~i is arc i backwards."""
    punten: list[Punt] = []
    for index in indices:
        try:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        except IndexError:
            raise OngeldigeTopologie(f"arc {index} bestaat niet") from None
        # Each arc after the first starts where the one before ended.
        punten.extend(arc[1:] if punten else arc)
    return tuple(punten)


def ringen(geometrie: dict, arcs: Sequence[Sequence[Punt]]) -> tuple[Ring, ...]:
    """Return every ring of a Polygon or MultiPolygon (outer rings and holes alike).

    Drawn with fill-rule evenodd, a hole is a ring inside its outer ring: the polygons
    need not be told apart.
    """
    soort = geometrie.get("type")
    if soort == "Polygon":
        polygonen = [geometrie["arcs"]]
    elif soort == "MultiPolygon":
        polygonen = geometrie["arcs"]
    elif soort is None:  # a null geometry: nothing to draw
        return ()
    else:
        raise OngeldigeTopologie(f"geometrie van het type {soort!r} is geen vlak")
    return tuple(ring(r, arcs) for polygoon in polygonen for r in polygoon)


@dataclass(frozen=True)
class Schaal:
    """Maps the plane within a Kader onto a viewBox of the given width, y flipped.

    The viewBox is "0 0 breedte hoogte"; its height follows from the box's proportions.
    """

    kader: Kader
    breedte: int

    @property
    def factor(self) -> float:
        return self.breedte / self.kader.breedte if self.kader.breedte else 1.0

    @property
    def hoogte(self) -> int:
        return round(self.kader.hoogte * self.factor)

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.breedte} {self.hoogte}"

    def punt(self, punt: Punt) -> tuple[int, int]:
        """Return the point in whole viewBox units, y running down."""
        x, y = punt
        return (
            round((x - self.kader.min_x) * self.factor),
            round((self.kader.max_y - y) * self.factor),
        )


def svg_pad(rings: Iterable[Ring], schaal: Schaal) -> str:
    """Return SVG path data of the rings: one moveto per ring, relative linetos, closed.

    Points are rounded to whole viewBox units first and the steps taken between the
    rounded points, so rounding never accumulates; a step of nothing is left out and
    a ring that shrinks to fewer than three points is left out altogether.
    """
    delen = []
    for r in rings:
        punten = [schaal.punt(p) for p in r]
        stappen = []
        vorige = punten[0] if punten else None
        for x, y in punten[1:]:
            dx, dy = x - vorige[0], y - vorige[1]
            if dx or dy:
                stappen.append(f"{dx} {dy}")
                vorige = (x, y)
        if len(stappen) >= 2:
            delen.append(f"M{punten[0][0]} {punten[0][1]}l{' '.join(stappen)}z")
    return "".join(delen)
