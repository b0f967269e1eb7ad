"""What the regional map and the locator draw alike: countries as filled shapes with their
borders, small states as dots, and disputed areas neutral and hatched.

A country's pieces are filled without a stroke, then its real borders are stroked on
their own (`projection.borders`), so the cuts made by the page edge or the antimeridian
never show as lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reportlab.graphics.shapes import FILL_EVEN_ODD, Circle, Group, Path

from briefgen import geo
from briefgen.charts.projection import Point, Projection, borders
from briefgen.design.spacing import ChartLines

Box = tuple[float, float, float, float]
DOT_BELOW = 3.0  # points: a country drawn smaller than this gets a dot so it can be seen
THIN = 0.6  # points: vertices closer than this to the previous one are not drawn
HATCH_NOTE = "Hatched: disputed areas, drawn neutral (Natural Earth); no position is implied."


@dataclass
class Drawn:
    """A country (or disputed area) on the page: rings grouped per polygon, its real borders."""

    polygons: list[list[list[Point]]]
    lines: list[list[Point]]
    bbox: Box
    country: geo.Country | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def size(self) -> float:
        return max(self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1])

    @property
    def largest(self) -> float:
        """The extent of its largest part on the page."""
        return max(
            max(max(x for x, _ in r[0]) - min(x for x, _ in r[0]), max(y for _, y in r[0]) - min(y for _, y in r[0]))
            for r in self.polygons
        )

    @property
    def middle(self) -> Point:
        return (self.bbox[0] + self.bbox[2]) / 2, (self.bbox[1] + self.bbox[3]) / 2

    def contains(self, point: Point) -> bool:
        x, y = point
        if not (self.bbox[0] <= x <= self.bbox[2] and self.bbox[1] <= y <= self.bbox[3]):
            return False
        return any(
            b[0] <= x <= b[2] and b[1] <= y <= b[3] and _even_odd(rings, point)
            for rings, b in zip(self.polygons, self.boxes, strict=True)
        )

    @cached_property
    def boxes(self) -> list[Box]:
        """Each part's box: label placement asks `contains` thousands of times."""
        out = []
        for rings in self.polygons:
            xs, ys = [x for x, _ in rings[0]], [y for _, y in rings[0]]
            out.append((min(xs), min(ys), max(xs), max(ys)))
        return out


def place(polygons: tuple[geo.Polygon, ...], proj: Projection) -> Drawn | None:
    """Project and clip an outline; None when none of it is on the page."""
    out: list[list[list[Point]]] = []
    lines: list[list[Point]] = []
    for polygon in polygons:
        outer = proj.rings(polygon[0])
        holes = [piece for ring in polygon[1:] for piece in proj.rings(ring)]
        for ring in outer + holes:
            lines += [_thin(line) for line in borders(ring)]
        plain = [[_thin([(x, y) for x, y, _f in ring])] for ring in outer + holes]
        if not holes:
            # Pieces of one outline cut apart (at the page's seam) stay separate shapes: filled
            # as one even-odd path, the pixels of their common edge would cancel out in a raster.
            out += plain
        elif outer:
            out.append([ring for piece in plain for ring in piece])
    if not out:
        return None
    xs = [x for poly in out for ring in poly for x, _ in ring]
    ys = [y for poly in out for ring in poly for _, y in ring]
    return Drawn(out, lines, (min(xs), min(ys), max(xs), max(ys)))


def country(c: geo.Country, proj: Projection) -> Drawn | None:
    if not proj.shows(c.bbox):
        return None
    drawn = place(c.polygons, proj) or _speck(c, proj)
    if drawn is not None:
        drawn.country = c
    return drawn


def _speck(c: geo.Country, proj: Projection) -> Drawn | None:
    """A state whose outline vanishes at this scale (Monaco, Tuvalu, the Vatican): a point
    at its label, so that `dots` still marks it."""
    x, y = proj(c.label)
    if not (0 <= x <= proj.width and 0 <= y <= proj.height):
        return None
    r = 0.05
    ring = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    return Drawn([[ring]], [], (x - r, y - r, x + r, y + r))


def fill(drawn: Drawn, color: object) -> Group:
    """One even-odd path per part (an outline and its holes), without a stroke."""
    g = Group()
    for rings in drawn.polygons:
        path = Path(fillColor=color, strokeColor=None, fillMode=FILL_EVEN_ODD)
        for ring in rings:
            path.moveTo(*ring[0])
            for point in ring[1:]:
                path.lineTo(*point)
            path.closePath()
        g.add(path)
    return g


def stroke(lines: list[list[Point]], color: object, width: float) -> Path:
    """Open polylines (no closePath: a border run is not a ring)."""
    path = Path(fillColor=None, strokeColor=color, strokeWidth=width, strokeLineJoin=1, strokeLineCap=1)
    for line in lines:
        path.moveTo(*line[0])
        for point in line[1:]:
            path.lineTo(*point)
    return path


def dots(drawn: Drawn, color: object, radius: float) -> list[Circle]:
    """Dots over a country too small to see at this scale (Singapore, Malta): one on each of
    its parts, so an archipelago of specks (Tonga, Kiribati) shows where its islands are."""
    if drawn.largest >= DOT_BELOW:
        return []
    out = []
    for rings in drawn.polygons:
        xs, ys = [x for x, _ in rings[0]], [y for _, y in rings[0]]
        out.append(Circle((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, radius, fillColor=color, strokeColor=None))
    return out


def disputed(
    g: Group,
    proj: Projection,
    fill_color: object,
    line: object,
    spacing: float,
    border: object,
    clear: tuple[geo.Country, ...] = (),
) -> bool:
    """Draw every disputed area on the page, neutral and hatched; whether any was drawn.

    An area that is most of a country in `clear` (the map's subject: Western Sahara,
    Somaliland, Northern Cyprus) is left to that country's own colour, or the subject of
    the map would never show as highlighted.
    """
    any_drawn = False
    for area in geo.world().disputed:
        if not proj.shows(area.bbox) or any(_covers(area.bbox, c.bbox) for c in clear):
            continue
        drawn = place(area.shape.polygons, proj)
        if drawn is None or drawn.size < 1.0:
            continue
        g.add(fill(drawn, fill_color))
        g.add(hatch(drawn, line, spacing))
        g.add(stroke(drawn.lines, border, 0.3))
        any_drawn = True
    return any_drawn


def hatch(drawn: Drawn, color: object, spacing: float) -> Path:
    """Diagonal lines (45°) inside the area, found by crossing each line with the rings."""
    path = Path(fillColor=None, strokeColor=color, strokeWidth=ChartLines.hatch, strokeLineCap=0)
    x0, y0, x1, y1 = drawn.bbox
    edges = [
        (a, b) for rings in drawn.polygons for ring in rings for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
    ]
    # Lines x - y = c, for c across the box; each crossing pairs up even-odd.
    c = math.floor((x0 - y1) / spacing) * spacing
    while c <= x1 - y0:
        hits = []
        for (ax, ay), (bx, by) in edges:
            fa, fb = ax - ay - c, bx - by - c
            if (fa > 0) != (fb > 0):
                t = fa / (fa - fb)
                hits.append(ax + t * (bx - ax))
        hits.sort()
        for xa, xb in zip(hits[::2], hits[1::2], strict=False):
            path.moveTo(xa, xa - c)
            path.lineTo(xb, xb - c)
        c += spacing
    return path


def _even_odd(rings: list[list[Point]], point: Point) -> bool:
    x, y = point
    hit = False
    for ring in rings:
        for (xa, ya), (xb, yb) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
                hit = not hit
    return hit


def _covers(area: Sequence[float], country: Sequence[float]) -> bool:
    """Whether a (west, south, east, north) box covers half or more of a country's box."""
    w, e = max(area[0], country[0]), min(area[2], country[2])
    s, n = max(area[1], country[1]), min(area[3], country[3])
    whole = (country[2] - country[0]) * (country[3] - country[1])
    return w < e and s < n and whole > 0 and (e - w) * (n - s) >= 0.5 * whole


def _thin(points: list[Point]) -> list[Point]:
    """Drop vertices closer than `THIN` to the last one kept (the ends always stay): far
    below what print or a 300 dpi picture shows, and most of a small map's drawing time."""
    if len(points) <= 3:
        return points
    kept = [points[0]]
    lx, ly = points[0]
    for x, y in points[1:-1]:
        if abs(x - lx) + abs(y - ly) >= THIN:
            kept.append((x, y))
            lx, ly = x, y
    kept.append(points[-1])
    return kept if len(kept) >= 3 else points
