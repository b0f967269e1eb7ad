"""Geometry helpers for extract.py: areas, label points, wrapped boxes, land borders, thinning.

Rings are lists of (lon, lat) in degrees. Natural Earth cuts every polygon at the
antimeridian, so no single polygon crosses ±180°; a country's polygons may lie on both sides.
"""

from __future__ import annotations

import math

Ring = list[tuple[float, float]]
KM_PER_DEGREE = 111.2


def area(ring: Ring) -> float:
    """Absolute shoelace area in square degrees."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2)


def km2(ring: Ring) -> float:
    """Approximate area in km², scaling longitude by the cosine of the ring's mean latitude."""
    lat = sum(y for _x, y in ring) / len(ring)
    return area(ring) * KM_PER_DEGREE**2 * math.cos(math.radians(lat))


def centre(ring: Ring) -> tuple[float, float]:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, a)), tuple(map(math.radians, b)))
    c = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon1 - lon2)
    return math.acos(max(-1.0, min(1.0, c))) * 6371.0


def main_polygons(polygons: list[list[Ring]]) -> list[int]:
    """Indexes of the polygons a map frames a country by: its largest part, parts at least a
    quarter that size, and parts over a twentieth that size lying within the largest part's
    own width of it (Svalbard for Norway, Alaska for the United States; not French Guiana)."""
    sizes = [km2(p[0]) for p in polygons]
    big = max(range(len(polygons)), key=lambda i: sizes[i])
    xs, ys = [x for x, _ in polygons[big][0]], [y for _, y in polygons[big][0]]
    mid = centre(polygons[big][0])
    reach = km_between((min(xs), min(ys)), (max(xs), max(ys))) + 200
    out = []
    for i, poly in enumerate(polygons):
        share = sizes[i] / sizes[big]
        if i == big or share >= 0.25 or (share >= 0.05 and km_between(centre(poly[0]), mid) <= reach):
            out.append(i)
    return out


def wrapped_bbox(polygons: list[list[Ring]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the shortest longitude span covering every polygon;
    east may exceed 180 when the span crosses the antimeridian (Fiji: 177 … 182)."""
    spans = sorted((min(x for x, _ in p[0]), max(x for x, _ in p[0])) for p in polygons)
    merged: list[list[float]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    # The widest gap between covered spans, the one across ±180 included, is left out.
    gaps = [(merged[0][0] + 360 - merged[-1][1], len(merged) - 1)]
    gaps += [(merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)]
    _gap, i = max(gaps)
    west = merged[(i + 1) % len(merged)][0]
    east = merged[i][1]
    if east < west:
        east += 360
    south = min(y for p in polygons for _x, y in p[0])
    north = max(y for p in polygons for _x, y in p[0])
    return west, south, east, north


def label_point(polygon: list[Ring]) -> tuple[float, float]:
    """The point deepest inside a polygon (a grid search for its pole of inaccessibility).

    Centroids fall outside crescent-shaped countries; the deepest point is where a label
    sits best. Distances are in cos(lat)-scaled degrees.
    """
    outer = polygon[0]
    k = math.cos(math.radians(sum(y for _x, y in outer) / len(outer)))
    xs, ys = [x for x, _ in outer], [y for _, y in outer]
    best, best_d = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    cx, cy, span = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, max(max(xs) - min(xs), max(ys) - min(ys))
    for _ in range(4):  # coarse grid, then finer grids around the best point so far
        step = span / 24
        for i in range(-12, 13):
            for j in range(-12, 13):
                p = (cx + i * step, cy + j * step)
                if not all(inside(p, r) != (n > 0) for n, r in enumerate(polygon)):
                    continue
                d = min(edge_distance(p, r, k) for r in polygon)
                if d > best_d:
                    best, best_d = p, d
        cx, cy, span = best[0], best[1], span / 4
    return best


def inside(p: tuple[float, float], ring: Ring) -> bool:
    x, y = p
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def edge_distance(p: tuple[float, float], ring: Ring, k: float) -> float:
    px, py = p[0] * k, p[1]
    best = math.inf
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        ax, ay, bx, by = x0 * k, y0, x1 * k, y1
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def neighbours(countries: dict[str, list[list[Ring]]]) -> dict[str, set[str]]:
    """Countries sharing a border vertex: Natural Earth's borders are topologically shared."""
    vertices = {
        code: {(round(x, 4), round(y, 4)) for poly in polys for ring in poly for x, y in ring}
        for code, polys in countries.items()
    }
    boxes = {
        code: (min(x for x, _ in v), min(y for _, y in v), max(x for x, _ in v), max(y for _, y in v))
        for code, v in vertices.items()
    }
    out: dict[str, set[str]] = {code: set() for code in countries}
    codes = sorted(countries)
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            ba, bb = boxes[a], boxes[b]
            if ba[0] > bb[2] or bb[0] > ba[2] or ba[1] > bb[3] or bb[1] > ba[3]:
                continue
            if vertices[a] & vertices[b]:
                out[a].add(b)
                out[b].add(a)
    return out


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker thinning of a closed ring (the first point and the farthest from it stay)."""
    if len(ring) < 8:
        return ring
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    return _dp(ring[: far + 1], tolerance)[:-1] + _dp([*ring[far:], ring[0]], tolerance)[:-1]


def _dp(points: Ring, tolerance: float) -> Ring:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1.0
        best, at = 0.0, -1
        for i in range(a + 1, b):
            d = abs((points[i][0] - ax) * dy - (points[i][1] - ay) * dx) / norm
            if d > best:
                best, at = d, i
        if best > tolerance:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]
