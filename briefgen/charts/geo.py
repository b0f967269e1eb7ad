"""The regional map's geometry: `region.json` read once, country look-up, and the projection.

`region.json` sits beside this module so that an installed package finds it; it is cut
from Natural Earth by `data/geo/extract.py` (see `data/geo/README.md`). Nothing here
touches the network or needs the tools that made the file.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGION_FILE = Path(__file__).with_name("region.json")

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the outer ring, then holes


@dataclass(frozen=True)
class Country:
    """One admin-0 feature, clipped to the region. `label` is its deepest inside point."""

    iso3: str
    name: str
    long_name: str
    polygons: tuple[Polygon, ...]
    bbox: tuple[float, float, float, float]
    label: Point
    neighbours: frozenset[str] = frozenset()  # ISO3 codes of countries sharing a land border


@dataclass(frozen=True)
class Region:
    """All countries of the extract, and where they came from."""

    source: str
    bbox: tuple[float, float, float, float]
    countries: tuple[Country, ...]

    def by_iso3(self, iso3: str) -> Country:
        return next(c for c in self.countries if c.iso3 == iso3)


@cache
def region() -> Region:
    """The extract, parsed once per process (about 40 kB, a few milliseconds)."""
    data = json.loads(REGION_FILE.read_text(encoding="utf-8"))
    countries = []
    for feature in data["features"]:
        props = feature["properties"]
        polygons = tuple(
            tuple(tuple((float(x), float(y)) for x, y in ring) for ring in polygon)
            for polygon in feature["geometry"]["coordinates"]
        )
        countries.append(
            Country(
                iso3=props["ISO_A3"],
                name=props["NAME"],
                long_name=props["NAME_LONG"],
                polygons=polygons,
                bbox=tuple(feature["bbox"]),
                label=tuple(props["label"]),
                neighbours=frozenset(props.get("neighbours", ())),
            )
        )
    return Region(data["source"], tuple(data["bbox"]), tuple(countries))


def _key(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, so 'Türkiye'-style typing still matches."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


# Common names that Natural Earth 4.1 spells differently.
ALIASES = {"turkiye": "TUR", "russianfederation": "RUS", "iranislamicrepublicof": "IRN", "uae": "ARE"}


def lookup(name_or_code: str) -> Country | None:
    """A country by ISO 3166 alpha-3 code or by name (short or long); None if not in the region."""
    reg = region()
    code = name_or_code.strip().upper()
    for country in reg.countries:
        if country.iso3 == code:
            return country
    key = _key(name_or_code)
    if key in ALIASES:
        return reg.by_iso3(ALIASES[key])
    for country in reg.countries:
        if key in (_key(country.name), _key(country.long_name)):
            return country
    return None


def names() -> list[str]:
    """Every code and name `lookup` accepts, for did-you-mean hints."""
    return [n for c in region().countries for n in (c.iso3, c.name)]


@dataclass(frozen=True)
class Projection:
    """Equirectangular with cos(lat0) scaling: true shapes near the region's middle latitude.

    Maps (lon, lat) inside `view` onto a `width` × `height` box with its origin at the
    bottom left, as reportlab drawings expect.
    """

    view: tuple[float, float, float, float]
    width: float

    @property
    def k(self) -> float:
        lat0 = (self.view[1] + self.view[3]) / 2
        return math.cos(math.radians(lat0))

    @property
    def scale(self) -> float:
        return self.width / ((self.view[2] - self.view[0]) * self.k)

    @property
    def height(self) -> float:
        return (self.view[3] - self.view[1]) * self.scale

    def __call__(self, point: Point) -> Point:
        lon, lat = point
        return ((lon - self.view[0]) * self.k * self.scale, (lat - self.view[1]) * self.scale)


def clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman clipping of a closed ring to a rectangle (lon/lat or page units)."""
    x0, y0, x1, y1 = box
    out: list[Point] = list(ring)
    for axis, limit, keep_above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        if not out:
            break
        src, out = out, []

        def inside(p: Point, axis: int = axis, limit: float = limit, keep_above: bool = keep_above) -> bool:
            return p[axis] >= limit if keep_above else p[axis] <= limit

        prev = src[-1]
        for cur in src:
            if inside(cur) != inside(prev):
                t = (limit - prev[axis]) / (cur[axis] - prev[axis])
                cut = (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
                out.append(cut)
            if inside(cur):
                out.append(cur)
            prev = cur
    return tuple(out)


def contains(polygon: Polygon, point: Point) -> bool:
    """Even-odd point-in-polygon test over the outer ring and its holes."""
    x, y = point
    hit = False
    for ring in polygon:
        for (xa, ya), (xb, yb) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
                hit = not hit
    return hit
