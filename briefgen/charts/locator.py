"""The locator inset of a country fact box: where the profiled country lies, seen from Afghanistan.

A small map, about 46 mm wide, that answers one question at a glance. The region is light
grey for orientation, the context country (Afghanistan, the briefing's subject) is tinted
and outlined in the brand's primary colour, and the focus country is filled in the accent
colour. The frame is chosen per country: the two countries' boxes together, padded, set to
one aspect ratio (so every fact box looks the same) and kept inside the extract. A focus
country too small to find at this size (Qatar) gets an accent ring around it. There is no
text: the fact box's title already names the country, and labels would crowd a 46 mm map.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import FILL_EVEN_ODD, Circle, Group, Path, Rect

from . import geo
from .draw import Body
from .look import WHITE, Look, tint
from .spec import ChartSpec

WIDTH_MM = 46.0
WIDTH_PT = WIDTH_MM * 72 / 25.4
ASPECT = 4 / 3  # width : height of every locator, whatever the countries
PAD_SHARE = 0.12  # margin around the two countries, as a share of their span
MIN_PAD = 3.0  # degrees
SMALL = 3.0  # degrees: a focus country smaller than this gets room around it for its ring
RING_BELOW = 10.0  # points: a focus country smaller than this gets a ring
Box = tuple[float, float, float, float]


def frame(focus: geo.Country, context: geo.Country, bounds: Box, aspect: float = ASPECT) -> Box:
    """The lon/lat view: both countries, padded, grown to `aspect` (projected), kept inside `bounds`."""

    def inside(b: Box) -> Box:
        return (max(b[0], bounds[0]), max(b[1], bounds[1]), min(b[2], bounds[2]), min(b[3], bounds[3]))

    a, b = inside(focus.bbox), inside(context.bbox)
    if max(a[2] - a[0], a[3] - a[1]) < SMALL:  # room for the ring around a small country
        a = (a[0] - SMALL, a[1] - SMALL, a[2] + SMALL, a[3] + SMALL)
    lon0, lat0, lon1, lat1 = min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])
    pad_lon = max(MIN_PAD, (lon1 - lon0) * PAD_SHARE)
    pad_lat = max(MIN_PAD, (lat1 - lat0) * PAD_SHARE)
    lon0, lon1, lat0, lat1 = lon0 - pad_lon, lon1 + pad_lon, lat0 - pad_lat, lat1 + pad_lat
    for _ in range(3):  # the projection's cos(latitude) moves a little as the frame grows
        k = math.cos(math.radians((lat0 + lat1) / 2))
        w, h = (lon1 - lon0) * k, lat1 - lat0
        if w / h < aspect:
            grow = (h * aspect / k - (lon1 - lon0)) / 2
            lon0, lon1 = lon0 - grow, lon1 + grow
        else:
            grow = (w / aspect - h) / 2
            lat0, lat1 = lat0 - grow, lat1 + grow
    lon0, lon1 = _shift_into(lon0, lon1, bounds[0], bounds[2])
    lat0, lat1 = _shift_into(lat0, lat1, bounds[1], bounds[3])
    return (lon0, lat0, lon1, lat1)


def _shift_into(lo: float, hi: float, floor: float, ceiling: float) -> tuple[float, float]:
    """Slide [lo, hi] inside [floor, ceiling] when it fits, else clip it."""
    if hi - lo >= ceiling - floor:
        return floor, ceiling
    if lo < floor:
        return floor, hi + floor - lo
    if hi > ceiling:
        return lo - (hi - ceiling), ceiling
    return lo, hi


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    reg = geo.region()
    focus, context = reg.by_iso3(spec.focus), reg.by_iso3(spec.context)
    view = frame(focus, context, reg.bbox)
    proj = geo.Projection(view, width)
    height = width / ASPECT
    page = (0.0, 0.0, width, height)
    land, tinted, outline = tint(look.muted, 0.8), tint(look.primary, 0.62), look.primary

    g = Group()
    g.add(Rect(0, 0, width, height, fillColor=WHITE, strokeColor=None))
    order = sorted(reg.countries, key=lambda c: (c.iso3 == spec.focus, c.iso3 == spec.context))
    focus_path: Path | None = None
    context_path: Path | None = None
    for country in order:
        b = country.bbox
        if b[2] < view[0] or b[0] > view[2] or b[3] < view[1] or b[1] > view[3]:
            continue
        if country.iso3 == spec.focus:
            fill, stroke, stroke_width = look.accent, WHITE, 0.4
        elif country.iso3 == spec.context:
            fill, stroke, stroke_width = tinted, WHITE, 0.4
        else:
            fill, stroke, stroke_width = land, WHITE, 0.4
        path = _path(country, proj, page, fill=fill, stroke=stroke, width=stroke_width)
        if path is None:
            continue
        g.add(path)
        if country.iso3 == spec.focus:
            focus_path = path
        if country.iso3 == spec.context:
            context_path = path
    if context_path is not None and spec.context != spec.focus:
        # Afghanistan's outline on top, unbroken, so it reads even where it meets the focus.
        line = _path(context, proj, page, fill=None, stroke=outline, width=0.7)
        if line is not None:
            g.add(line)
    if focus_path is not None:
        x0, y0, x1, y1 = focus_path.getBounds()
        if max(x1 - x0, y1 - y0) < RING_BELOW:
            radius = max(x1 - x0, y1 - y0) / 2 + 3.5
            g.add(
                Circle((x0 + x1) / 2, (y0 + y1) / 2, radius, fillColor=None, strokeColor=look.accent, strokeWidth=0.9)
            )
    g.add(Rect(0, 0, width, height, fillColor=None, strokeColor=look.axis, strokeWidth=0.4))
    return Body(g, height)


def _path(
    country: geo.Country,
    proj: geo.Projection,
    page: Box,
    *,
    fill: object,
    stroke: object,
    width: float,
) -> Path | None:
    """The country's rings projected and clipped to the frame; None when nothing is left."""
    path = Path(fillColor=fill, strokeColor=stroke, strokeWidth=width, fillMode=FILL_EVEN_ODD, strokeLineJoin=1)
    # `proj` inlined: its properties recompute cos(latitude) on every call, and a locator
    # projects some 1,500 points.
    lon0, lat0 = proj.view[0], proj.view[1]
    sx, sy = proj.k * proj.scale, proj.scale
    drawn = False
    for polygon in country.polygons:
        for ring in polygon:
            points = geo.clip(tuple(((x - lon0) * sx, (y - lat0) * sy) for x, y in ring), page)
            if len(points) < 3:
                continue
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            path.closePath()
            drawn = True
    return path if drawn else None
