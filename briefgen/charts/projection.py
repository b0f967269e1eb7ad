"""How a map turns longitude and latitude into points on the page.

Every map is a Lambert azimuthal equal-area projection centred on what it shows, so
shapes stay true around the centre at any latitude (Norway, Svalbard, Greenland) and
nothing is cut at ±180° (Fiji, Chukotka). Rings are taken through four steps:

1. longitudes made relative to the centre and unwrapped, so a ring never jumps by 360°;
2. clipped to the window of longitude and latitude the page can show (copies shifted by
   ±360° where the window reaches past the seam behind the centre);
3. long edges split (a projected parallel is a curve) and projected;
4. clipped to the page.

Each vertex carries flags for the cut lines it lies on (the window, the page and Natural
Earth's own cut at ±180°): an edge between two vertices on one cut line is no border, so
it is filled but never stroked, and a country cut in two reads as one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

Point = tuple[float, float]
Vertex = tuple[float, float, int]  # x, y, cut-line flags
Box = tuple[float, float, float, float]
ANTIMERIDIAN = 1
WINDOW = (2, 4, 8, 16)  # west, east, south, north edges of the lon/lat window
PAGE = (32, 64, 128, 256)  # left, right, bottom, top edges of the page
STEP = 1.0  # degrees: longer edges are split before projecting (more, on a small-scale map)
TINY = 0.25  # points: closer projected vertices are merged
SLIVER = 1e-4  # square points: a ring this small after clipping is dropped
R = math.pi / 180


@dataclass(frozen=True)
class Projection:
    """Lambert azimuthal equal-area about (lon0, lat0); the unit-sphere plane box `box` fills
    a `width` × `height` page with its origin at the bottom left, as reportlab draws."""

    lon0: float
    lat0: float
    box: Box
    width: float

    @property
    def scale(self) -> float:
        return self.width / (self.box[2] - self.box[0])

    @property
    def height(self) -> float:
        return (self.box[3] - self.box[1]) * self.scale

    def plane(self, lon: float, lat: float) -> Point:
        """The unit-sphere projection (no page scaling); the antipode maps to the rim."""
        lam, phi, phi0 = (lon - self.lon0) * R, lat * R, self.lat0 * R
        cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
        k = math.sqrt(2 / max(1e-12, 1 + cos_c))
        return (
            k * math.cos(phi) * math.sin(lam),
            k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam)),
        )

    def __call__(self, point: Point) -> Point:
        x, y = self.plane(*point)
        return (x - self.box[0]) * self.scale, (y - self.box[1]) * self.scale

    def inverse(self, x: float, y: float) -> Point:
        """Page point → (lon, lat), lon within 180° of the centre."""
        px, py = x / self.scale + self.box[0], y / self.scale + self.box[1]
        rho = math.hypot(px, py)
        if rho < 1e-12:
            return self.lon0, self.lat0
        c = 2 * math.asin(min(1.0, rho / 2))
        phi0 = self.lat0 * R
        lat = math.asin(max(-1.0, min(1.0, math.cos(c) * math.sin(phi0) + py * math.sin(c) * math.cos(phi0) / rho)))
        lon = math.atan2(px * math.sin(c), rho * math.cos(phi0) * math.cos(c) - py * math.sin(phi0) * math.sin(c))
        return self.lon0 + lon / R, lat / R

    @cached_property
    def window(self) -> Box:
        """The (lon − lon0, lat) box that holds everything the page shows, with a margin."""
        w, h, n = self.width, self.height, 24
        edge = [(w * i / n, 0.0) for i in range(n)] + [(w, h * i / n) for i in range(n)]
        edge += [(w - w * i / n, h) for i in range(n)] + [(0.0, h - h * i / n) for i in range(n)]
        points = [self.inverse(x, y) for x, y in edge]
        lons = [_wrap(lon - self.lon0) for lon, _ in points]
        lats = [lat for _, lat in points]
        lat0, lat1 = min(lats) - 2, max(lats) + 2
        lon0, lon1 = min(lons) - 2, max(lons) + 2
        for pole in (90.0, -90.0):
            x, y = self((self.lon0, pole))
            if 0 <= x <= w and 0 <= y <= h:  # a pole on the page: every longitude is
                lon0, lon1 = -180.0, 180.0
                lat0, lat1 = min(lat0, pole), max(lat1, pole)
        wraps = any(abs(a - b) > 180 for a, b in zip(lons, lons[1:] + lons[:1], strict=True))
        if wraps or lon1 - lon0 >= 360:
            lon0, lon1 = -180.0, 180.0
        return (max(-180.0, lon0), max(-90.0, lat0), min(180.0, lon1), min(90.0, lat1))

    def shows(self, bbox: Sequence[float]) -> bool:
        """Whether a (west, south, east, north) box may reach the page."""
        lon0, lat0, lon1, lat1 = self.window
        if bbox[3] < lat0 or bbox[1] > lat1:
            return False
        west = _wrap(bbox[0] - self.lon0)
        east = west + (bbox[2] - bbox[0])
        return any(west + s <= lon1 and east + s >= lon0 for s in (-360.0, 0.0, 360.0))

    def rings(self, ring: Sequence[Point]) -> list[list[Vertex]]:
        """One lon/lat ring → its pieces on the page (each a ring of flagged vertices)."""
        window = self.window
        unwrapped = _unwrap(ring, self.lon0)
        xs = [v[0] for v in unwrapped]
        ys = [v[1] for v in unwrapped]
        low, high = min(xs), max(xs)
        if min(ys) > window[3] or max(ys) < window[1]:
            return []
        page_box = (0.0, 0.0, self.width, self.height)
        out = []
        for shift in (-360.0, 0.0, 360.0):
            if low + shift > window[2] or high + shift < window[0]:
                continue
            piece = [(x + shift, y, f) for x, y, f in unwrapped] if shift else unwrapped
            if not _within(low + shift, min(ys), high + shift, max(ys), window):
                piece = clip(piece, window, WINDOW)
                if len(piece) < 3:
                    continue
            page = self._page_points(_densify(piece, self._step))
            if not _within(*_extent(page), page_box):
                page = clip(page, page_box, PAGE)
            # A ring wholly off the page clips to a sliver along its edge: nothing to draw.
            if len(page) >= 3 and abs(_area(page)) > SLIVER:
                out.append(page)
        return out

    @cached_property
    def _step(self) -> float:
        """Degrees between added points: about 3 pt on the page, and never under STEP."""
        return max(STEP, 3.0 / (self.scale * R))

    @cached_property
    def _trig(self) -> tuple[float, float]:
        return math.sin(self.lat0 * R), math.cos(self.lat0 * R)

    def _page_points(self, piece: list[Vertex]) -> list[Vertex]:
        """`plane` and the page scaling inlined: a map projects thousands of points. A point
        within `TINY` of the last one kept is dropped (unless it lies on a cut line)."""
        sin0, cos0 = self._trig
        scale, bx, by = self.scale, self.box[0], self.box[1]
        sin, cos, sqrt = math.sin, math.cos, math.sqrt
        out: list[Vertex] = []
        lx = ly = math.inf
        for x, lat, flag in piece:
            lam, phi = x * R, lat * R
            sp, cp, cl = sin(phi), cos(phi), cos(lam)
            cos_c = sin0 * sp + cos0 * cp * cl
            k = sqrt(2 / (1 + cos_c)) if cos_c > -0.999999 else 1414.0
            px, py = (k * cp * sin(lam) - bx) * scale, (k * (cos0 * sp - sin0 * cp * cl) - by) * scale
            if flag or not (-TINY < px - lx < TINY and -TINY < py - ly < TINY):
                out.append((px, py, flag))
                lx, ly = px, py
        return out


def _area(ring: list[Vertex]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _within(x0: float, y0: float, x1: float, y1: float, box: Box) -> bool:
    return x0 >= box[0] and y0 >= box[1] and x1 <= box[2] and y1 <= box[3]


def _extent(ring: list[Vertex]) -> Box:
    xs = [v[0] for v in ring]
    ys = [v[1] for v in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def _unwrap(ring: Sequence[Point], lon0: float) -> list[Vertex]:
    """Longitudes relative to `lon0`, each within 180° of the one before, with flags for
    Natural Earth's own cut at ±180°. A ring around a pole (Antarctica) is closed over it."""
    out: list[Vertex] = []
    prev = (ring[0][0] - lon0 + 180.0) % 360.0 - 180.0
    for lon, lat in ring:
        x = prev + (lon - lon0 - prev + 180.0) % 360.0 - 180.0
        out.append((x, lat, ANTIMERIDIAN if lon in (180.0, -180.0) else 0))
        prev = x
    drift = out[-1][0] - out[0][0]
    if abs(drift) > 180:  # it went once round the world: close it over the nearer pole
        pole = 90.0 if sum(v[1] for v in out) > 0 else -90.0
        # Natural Earth's own corners at the pole would leave a zero-width spike along 180°.
        out = [v for v in out if abs(v[1]) < 90.0] or out
        # The closing edge runs on to the first point one turn later, then over the pole back.
        first = out[0]
        end = first[0] + (360.0 if drift > 0 else -360.0)
        out += [(end, first[1], first[2]), (end, pole, ANTIMERIDIAN), (first[0], pole, ANTIMERIDIAN)]
    return out


def _densify(ring: list[Vertex], step: float) -> list[Vertex]:
    out: list[Vertex] = []
    prev = ring[-1]
    for cur in ring:
        dx, dy = cur[0] - prev[0], cur[1] - prev[1]
        if -step < dx < step and -step < dy < step:
            out.append(cur)
            prev = cur
            continue
        n = int(max(abs(dx), abs(dy)) / step)
        if n:
            shared = prev[2] & cur[2]
            for k in range(1, n + 1):
                t = k / (n + 1)
                out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]), shared))
        out.append(cur)
        prev = cur
    return out


def clip(ring: list[Vertex], box: Box, flags: tuple[int, int, int, int]) -> list[Vertex]:
    """Sutherland–Hodgman clipping to a rectangle; new vertices carry the flag of their cut line."""
    out = ring
    for (axis, limit, above), flag in zip(
        ((0, box[0], True), (0, box[2], False), (1, box[1], True), (1, box[3], False)), flags, strict=True
    ):
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        prev_in = prev[axis] >= limit if above else prev[axis] <= limit
        for cur in src:
            cur_in = cur[axis] >= limit if above else cur[axis] <= limit
            if cur_in != prev_in:
                t = (limit - prev[axis]) / (cur[axis] - prev[axis])
                other = prev[1 - axis] + t * (cur[1 - axis] - prev[1 - axis])
                cut = (limit, other) if axis == 0 else (other, limit)
                out.append((cut[0], cut[1], (prev[2] & cur[2]) | flag))
            if cur_in:
                out.append(cur)
            prev, prev_in = cur, cur_in
    return out


def borders(ring: list[Vertex]) -> list[list[Point]]:
    """The runs of a page ring that are real borders (not along a cut line), as polylines."""
    n = len(ring)
    real = [ring[i][2] & ring[(i + 1) % n][2] == 0 for i in range(n)]
    if all(real):
        return [[(x, y) for x, y, _f in ring] + [ring[0][:2]]]
    start = real.index(False) + 1  # begin just after a cut, so no run wraps round
    runs: list[list[Point]] = []
    current: list[Point] = []
    for k in range(n):
        i = (start + k) % n
        if real[i]:
            if not current:
                current = [ring[i][:2]]
            current.append(ring[(i + 1) % n][:2])
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def centre(points: Iterable[Point]) -> Point:
    """The mean direction of `points` on the sphere: right across ±180° and near the poles."""
    sx = sy = sz = 0.0
    for lon, lat in points:
        cl = math.cos(lat * R)
        sx, sy, sz = sx + cl * math.cos(lon * R), sy + cl * math.sin(lon * R), sz + math.sin(lat * R)
    if abs(sx) + abs(sy) < 1e-9:
        return 0.0, 90.0 if sz >= 0 else -90.0
    return math.atan2(sy, sx) / R, math.atan2(sz, math.hypot(sx, sy)) / R


def fit(
    centre_point: Point,
    points: Sequence[Point],
    width: float,
    *,
    aspect: tuple[float, float],
    pad: float = 0.1,
) -> Projection:
    """A projection about `centre_point` whose page holds all `points` with a `pad` margin
    (a share of the span), its width : height kept within `aspect` (low, high)."""
    probe = Projection(centre_point[0], centre_point[1], (0.0, 0.0, 1.0, 1.0), 1.0)
    xy = [probe.plane(lon, lat) for lon, lat in points]
    x0, x1 = min(x for x, _ in xy), max(x for x, _ in xy)
    y0, y1 = min(y for _, y in xy), max(y for _, y in xy)
    span = max(x1 - x0, y1 - y0, 0.02)
    x0, x1, y0, y1 = x0 - span * pad, x1 + span * pad, y0 - span * pad, y1 + span * pad
    w, h = x1 - x0, y1 - y0
    if w / h < aspect[0]:
        grow = (h * aspect[0] - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    elif w / h > aspect[1]:
        grow = (w / aspect[1] - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    return Projection(centre_point[0], centre_point[1], (x0, y0, x1, y1), width)
