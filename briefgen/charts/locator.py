"""The locator inset of a country fact box: where the profiled country lies.

A small map, about 46 mm wide, that answers one question at a glance. Land is light
grey for orientation, the focus country is filled in the accent colour and, when the
project names a context country (`profiles: context:` in briefing.yaml, or `context:` in
the chart), that country is tinted and outlined in the brand's primary colour. The frame
holds both countries' main parts (a projection centred on them: see `projection.py`), at
one aspect ratio so every fact box looks the same. A focus country too small to find at
this size (Qatar, Singapore, Tonga's islands) gets dots and an accent ring. Disputed areas are neutral and hatched.
There is no text: the fact box's title already names the country.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Group, Rect

from briefgen import geo
from briefgen.charts import mapdraw
from briefgen.charts.draw import Body
from briefgen.charts.look import WHITE, Look, tint
from briefgen.charts.projection import Projection, centre, fit
from briefgen.charts.spec import ChartSpec
from briefgen.design.spacing import ChartLines

WIDTH_MM = 46.0
WIDTH_PT = WIDTH_MM * 72 / 25.4
ASPECT = 4 / 3  # width : height of every locator, whatever the countries
PAD = 0.12  # margin around the countries, as a share of their span
MIN_SPAN = 14.0  # degrees: a small country is shown with this much of its surroundings
RING_BELOW = 6.0  # points: a focus country whose largest part is smaller gets a ring
RING_SPREAD = 20.0  # points: an archipelago spread wider is ringed at its largest part only


def main_points(country: geo.Country) -> list[tuple[float, float]]:
    """The outline points of the parts a map frames a country by (not far-off islands)."""
    polygons = country.polygons
    return [p for i in country.main for p in polygons[i][0]]


def frame(focus: geo.Country, context: geo.Country | None, width: float = WIDTH_PT) -> Projection:
    """The projection of a locator: centred between the two countries, holding both."""
    groups = [main_points(focus)] + ([main_points(context)] if context and context is not focus else [])
    middle = centre(centre(g) for g in groups)
    points = [p for g in groups for p in g]
    # A small country alone: widen the frame around it so its neighbours show.
    lon, lat = centre(groups[0])
    half = MIN_SPAN / 2
    points += [(lon - half, lat), (lon + half, lat), (lon, max(-89.0, lat - half)), (lon, min(89.0, lat + half))]
    return fit(middle, points, width, aspect=(ASPECT, ASPECT), pad=PAD)


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    world = geo.world()
    focus = world.by_iso3(spec.focus)
    context = world.by_iso3(spec.context) if spec.context and spec.context != spec.focus else None
    proj = frame(focus, context, width)
    height = width / ASPECT
    land, tinted, outline = tint(look.muted, 0.8), tint(look.primary, 0.62), look.primary

    g = Group()
    g.add(Rect(0, 0, width, height, fillColor=WHITE, strokeColor=None))
    drawn: dict[str, mapdraw.Drawn] = {}
    for country in world.countries:
        shape = mapdraw.country(country, proj)
        if shape is not None:
            drawn[country.iso3] = shape
    for code, shape in drawn.items():
        if code not in (spec.focus, spec.context):
            g.add(mapdraw.fill(shape, land))
    if context is not None and context.iso3 in drawn:
        g.add(mapdraw.fill(drawn[context.iso3], tinted))
    focus_shape = drawn.get(spec.focus)
    if focus_shape is not None:
        g.add(mapdraw.fill(focus_shape, look.accent))
    mapdraw.disputed(g, proj, land, tint(look.muted, 0.45), 1.6, WHITE, clear=(focus,))
    g.add(mapdraw.stroke([line for s in drawn.values() for line in s.lines], WHITE, 0.4))
    if context is not None and context.iso3 in drawn:
        # The context country's outline on top, unbroken, so it reads even where it meets the focus.
        g.add(mapdraw.stroke(drawn[context.iso3].lines, outline, 0.7))
    for code, color in ((spec.focus, look.accent), (spec.context, outline)):
        for small in mapdraw.dots(drawn[code], color, 1.1) if code in drawn else ():
            g.add(small)
    if focus_shape is not None and focus_shape.largest < RING_BELOW:
        g.add(_ring(focus_shape, look.accent))
    g.add(Rect(0, 0, width, height, fillColor=None, strokeColor=look.axis, strokeWidth=look.lines.inset_frame))
    return Body(g, height)


def _ring(shape: mapdraw.Drawn, color: object) -> Circle:
    """A ring around a small country: around all its parts, or its largest if they spread far."""
    x0, y0, x1, y1 = shape.bbox
    if shape.size > RING_SPREAD:
        largest = max(shape.polygons, key=lambda rings: _extent(rings[0]))[0]
        x0, x1 = min(x for x, _ in largest), max(x for x, _ in largest)
        y0, y1 = min(y for _, y in largest), max(y for _, y in largest)
    radius = max(x1 - x0, y1 - y0) / 2 + 3.5
    return Circle((x0 + x1) / 2, (y0 + y1) / 2, radius, fillColor=None, strokeColor=color, strokeWidth=ChartLines.ring)


def _extent(ring: list[tuple[float, float]]) -> float:
    return max(max(x for x, _ in ring) - min(x for x, _ in ring), max(y for _, y in ring) - min(y for _, y in ring))
