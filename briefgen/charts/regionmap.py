"""The regional map: the focus country and its neighbours by tier, drawn from the world map.

Colour carries the argument: the focus country in the brand's primary colour, each tier
1–9 in its own fill (`design/tiers.py`: the first tier, countries that border it, an
accent tint, the second a muted tint, the others picked from the brand's tints to stay
apart), and every other country light grey for orientation; disputed areas are neutral
and hatched. Colour is not the only cue: each tier country's name carries its tier's mark
(a superscript "¹" to "⁹"), and the legend keys the tiers by the same marks, in order;
the focus is named in the legend itself. Names on a fill are white or the text colour,
whichever reads better.
The projection is centred on the countries named (`projection.py`); a very large country
(Russia, China) is framed only by its part near the others. Labels are placed by a small
search: inside the country when the name fits, otherwise just outside with a leader line,
never over another label and preferably not over another player's territory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.shapes import Circle, Group, Line, Rect
from reportlab.lib.colors import Color

from briefgen import geo
from briefgen.charts import mapdraw
from briefgen.charts.draw import Body
from briefgen.charts.look import WHITE, Look, tint
from briefgen.charts.projection import Point, Projection, centre, fit
from briefgen.charts.segments import Box, Segment, crosses, segments_cross
from briefgen.charts.spec import ChartSpec, Place

PAD = 0.05  # margin around the countries shown, as a share of their span
BIG = 400.0  # square degrees: a country this large is framed by its part near the others only
NEAR = 12.0  # degrees: the least reach of that part
NAME_SIZE = 8.0
NOTE_SIZE = 7.5
CONTEXT_SIZE = 7.0
# The tiers' non-colour cue, on names and legend: superscript 1–9.
MARKS = {f"tier{n}": mark for n, mark in enumerate("\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", start=1)}
GRID = 10  # the search for a label point inside a country's visible part: a 9 × 9 grid
R = math.pi / 180


@dataclass
class Shape:
    """A country as drawn, with its colour and role ("focus", "tier1" … "tier9" or "other")."""

    drawn: mapdraw.Drawn
    fill: Color
    role: str

    @property
    def country(self) -> geo.Country:
        assert self.drawn.country is not None
        return self.drawn.country

    @property
    def polygons(self) -> list[list[list[Point]]]:
        return self.drawn.polygons

    @property
    def bbox(self) -> Box:
        return self.drawn.bbox

    def contains(self, point: Point) -> bool:
        return self.drawn.contains(point)


def _degrees(a: Point, b: Point) -> float:
    """Great-circle distance in degrees."""
    c = math.sin(a[1] * R) * math.sin(b[1] * R) + math.cos(a[1] * R) * math.cos(b[1] * R) * math.cos((a[0] - b[0]) * R)
    return math.acos(max(-1.0, min(1.0, c))) / R


def _is_big(points: list[Point]) -> bool:
    lons = [p[0] for p in points]
    spread = max(lons) - min(lons)
    if spread > 180:  # across the antimeridian
        spread = 360 - spread
    return spread * (max(p[1] for p in points) - min(p[1] for p in points)) > BIG


def _projection(spec: ChartSpec, width: float) -> Projection:
    """Centred on the countries named; big ones count only by their part near the rest."""
    from briefgen.charts.locator import main_points

    world = geo.world()
    codes = list(
        dict.fromkeys([*([spec.focus] if spec.focus else []), *(p.iso3 for p in spec.rows if isinstance(p, Place))])
    )
    groups = {code: main_points(world.by_iso3(code)) for code in codes}
    small = [g for g in groups.values() if not _is_big(g)] or list(groups.values())
    middle = centre(centre(g) for g in small)
    reach = max(NEAR, max(_degrees(middle, p) for g in small for p in g))
    points = [p for g in small for p in g]
    for g in groups.values():
        if any(g is s for s in small):
            continue
        distances = [_degrees(middle, p) for p in g]
        limit = max(reach, min(distances) + NEAR / 2)
        points += [p for p, d in zip(g, distances, strict=True) if d <= limit]
    return fit(middle, points, width, aspect=(1.0, 1.5), pad=PAD)


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    # Laid out once at a width rounded to 0.1 pt and scaled to the exact one, so the PDF
    # (481.89 pt of text width) and the DOCX picture (481.9) share the layout, whichever
    # is drawn first; a fresh group each time, since the caller moves it into place.
    base = round(width, 1)
    children, height, legend, notes = _content(spec, look, base)
    inner = Group(*children)
    if base != width:
        inner.scale(width / base, width / base)
    return Body(Group(inner), height * width / base, legend=list(legend), notes=list(notes))


@lru_cache(maxsize=16)
def _content(
    spec: ChartSpec, look: Look, width: float
) -> tuple[tuple[object, ...], float, tuple[tuple[str, Color], ...], tuple[str, ...]]:
    world = geo.world()
    proj = _projection(spec, width)
    height = proj.height
    places = {p.iso3: p for p in spec.rows if isinstance(p, Place)}
    colors = {"focus": look.primary, "other": look.other}
    colors.update((f"tier{n}", fill) for n, fill in enumerate(look.tiers, start=1))
    shapes: list[Shape] = []
    for country in world.countries:
        drawn = mapdraw.country(country, proj)
        if drawn is None:
            continue
        if country.iso3 == spec.focus:
            role = "focus"
        elif country.iso3 in places:
            role = f"tier{places[country.iso3].tier}"
        else:
            role = "other"
        shapes.append(Shape(drawn, colors[role], role))

    g = Group()
    g.add(Rect(0, 0, width, height, fillColor=WHITE, strokeColor=None))
    # Context countries first, players on top.
    for shape in sorted(shapes, key=lambda s: s.role != "other"):
        g.add(mapdraw.fill(shape.drawn, shape.fill))
    players = tuple(s.drawn.country for s in shapes if s.role != "other" and s.drawn.country is not None)
    disputed = mapdraw.disputed(g, proj, colors["other"], tint(look.muted, 0.4), 2.2, WHITE, clear=players)
    g.add(mapdraw.stroke([line for s in shapes for line in s.drawn.lines], WHITE, 0.6))
    for shape in (s for s in shapes if s.role != "other"):
        for small in mapdraw.dots(shape.drawn, shape.fill, 1.4):
            g.add(small)
    _labels(g, shapes, places, proj, look, width, height)
    g.add(Rect(0, 0, width, height, fillColor=None, strokeColor=look.axis, strokeWidth=look.lines.map_frame))
    legend = []
    if spec.focus:
        focus_name = world.by_iso3(spec.focus).name
        legend.append((focus_name, colors["focus"]))
    tiers = {p.tier for p in places.values() if p.iso3 != spec.focus}
    for n in sorted(tiers):  # the project's wording (profiles: tiers), else neutral
        name = spec.tiers[n - 1] if n <= len(spec.tiers) else f"Tier {n}"
        legend.append((f"{MARKS[f'tier{n}']} {name}", colors[f"tier{n}"]))
    notes = ["Borders: Natural Earth 1:110m; no position is implied on disputed boundaries."]
    if disputed:
        notes.append(mapdraw.HATCH_NOTE)
    return tuple(g.contents), height, tuple(legend), tuple(notes)


@dataclass
class _Label:
    shape: Shape
    lines: list[tuple[str, float, bool]]  # text, size, bold
    width: float
    height: float
    anchor: tuple[float, float]


def _labels(
    g: Group,
    shapes: list[Shape],
    places: dict[str, Place],
    proj: Projection,
    look: Look,
    width: float,
    height: float,
) -> None:
    players = [s for s in shapes if s.role != "other"]
    todo = []
    for s in players:
        lines = [(s.country.name + _mark_gap(s.role), NAME_SIZE, True)]
        place = places.get(s.country.iso3)
        if place and place.label:
            lines.append((place.label, NOTE_SIZE, False))
        w = max(look.width(t, size, bold) for t, size, bold in lines)
        h = sum(size * 1.15 for _t, size, _b in lines)
        todo.append(_Label(s, lines, w, h, _anchor(s, proj, width, height)))
    # The focus first, then the smallest countries: they have the fewest good spots.
    todo.sort(
        key=lambda lb: (
            lb.shape.role != "focus",
            (lb.shape.bbox[2] - lb.shape.bbox[0]) * (lb.shape.bbox[3] - lb.shape.bbox[1]),
        )
    )
    placed: list[Box] = []
    leaders: list[Segment] = []
    anchors = [lb.anchor for lb in todo]
    for lb in todo:
        box, inside = _best(lb, players, placed, leaders, anchors, width, height)
        placed.append(box)
        if not inside:
            leaders.append(_leader(lb.anchor, box))
        _draw_label(g, lb, box, inside, look)
    # Context names, small and muted, only where they fit inside their own country untouched.
    near = {code for s in players for code in s.country.neighbours}
    for s in shapes:
        if s.role != "other" or s.country.iso3 not in near:
            continue
        w, h = look.width(s.country.name, CONTEXT_SIZE), CONTEXT_SIZE * 1.15
        ax, ay = _anchor(s, proj, width, height)
        box = (ax - w / 2, ay - h / 2, ax + w / 2, ay + h / 2)
        free = not any(_overlap(box, p, 3) for p in placed) and not any(crosses(seg, box) for seg in leaders)
        if _inside_frame(box, width, height) and _fits_in(s, box) and free:
            placed.append(box)
            g.add(
                look.string(
                    ax,
                    box[1] + CONTEXT_SIZE * 0.25,
                    s.country.name,
                    size=CONTEXT_SIZE,
                    color=look.muted,
                    anchor="middle",
                )
            )


def _anchor(s: Shape, proj: Projection, width: float, height: float) -> tuple[float, float]:
    """The country's label point if it is on the map, else the point of its largest visible
    part deepest inside it (the middle of a crescent may lie in another country)."""
    x, y = proj(s.country.label)
    if 0 <= x <= width and 0 <= y <= height and s.contains((x, y)):
        return x, y
    rings = max(s.polygons, key=lambda rings: abs(_area(rings[0])))
    xs, ys = [p[0] for p in rings[0]], [p[1] for p in rings[0]]
    best, best_d = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2), -1.0
    for i in range(1, GRID):
        for j in range(1, GRID):
            p = (min(xs) + (max(xs) - min(xs)) * i / GRID, min(ys) + (max(ys) - min(ys)) * j / GRID)
            if not s.contains(p):
                continue
            d = min(_edge_distance(p, ring) for ring in rings)
            if d > best_d:
                best, best_d = p, d
    return best


def _edge_distance(p: tuple[float, float], ring: list[tuple[float, float]]) -> float:
    px, py = p
    best = math.inf
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def _area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _overlap(a: Box, b: Box, pad: float = 2.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _inside_frame(box: Box, width: float, height: float) -> bool:
    return box[0] >= 3 and box[1] >= 3 and box[2] <= width - 3 and box[3] <= height - 3


def _samples(box: Box) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = box
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    return [(x0, y0), (xm, y0), (x1, y0), (x0, ym), (xm, ym), (x1, ym), (x0, y1), (xm, y1), (x1, y1)]


def _fits_in(s: Shape, box: Box) -> bool:
    return all(s.contains(p) for p in _samples(box))


def _best(
    lb: _Label,
    players: list[Shape],
    placed: list[Box],
    leaders: list[Segment],
    anchors: list[tuple[float, float]],
    width: float,
    height: float,
) -> tuple[Box, bool]:
    """The cheapest free spot for a label, and whether it sits inside its own country."""
    ax, ay = lb.anchor
    w, h = lb.width, lb.height
    candidates: list[tuple[float, Box, bool]] = []
    # Inside: the anchor, then small nudges around it.
    for fx in (-0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4):
        for fy in (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5):
            dx, dy = fx * w, fy * h
            box = (ax + dx - w / 2, ay + dy - h / 2, ax + dx + w / 2, ay + dy + h / 2)
            if _fits_in(lb.shape, box):
                candidates.append((math.hypot(dx, dy) * 0.1, box, True))
    # Outside: around the country, with a leader line back to the anchor.
    sx0, sy0, sx1, sy1 = lb.shape.bbox
    reach = max(sx1 - sx0, sy1 - sy0) / 2
    for r in (reach * 0.6 + 8, reach * 0.6 + 20, reach * 0.6 + 34):
        for k in range(12):
            angle = math.pi * 2 * k / 12
            cx, cy = ax + r * math.cos(angle), ay + r * math.sin(angle)
            # Put the box beside the point, on the side away from the anchor.
            bx = cx if math.cos(angle) > 0.3 else cx - w if math.cos(angle) < -0.3 else cx - w / 2
            by = cy if math.sin(angle) > 0.3 else cy - h if math.sin(angle) < -0.3 else cy - h / 2
            candidates.append((30 + r * 0.5, (bx, by, bx + w, by + h), False))
    best: tuple[float, Box, bool] | None = None
    for cost, box, inside in candidates:
        if not _inside_frame(box, width, height) or any(_overlap(box, p) for p in placed):
            continue
        if any(crosses(seg, box) for seg in leaders):
            continue  # would sit on another label's leader line
        if not inside:
            mine = _leader(lb.anchor, box)
            if any(crosses(mine, p) for p in placed) or any(segments_cross(mine, seg) for seg in leaders):
                continue  # its leader would cut through a label or another leader
        if any(box[0] - 3 < x < box[2] + 3 and box[1] - 3 < y < box[3] + 3 for x, y in anchors if (x, y) != lb.anchor):
            continue  # would hide where another country's label belongs
        if not inside:
            for s in players:
                if s is lb.shape or not _overlap(box, s.bbox, 0):
                    continue
                hits = sum(s.contains(p) for p in _samples(box))
                cost += hits * (12 if s.role == "focus" else 3)
        if best is None or cost < best[0]:
            best = (cost, box, inside)
    if best is None:  # nowhere free: centre on the anchor, the least surprising place
        return (ax - w / 2, ay - h / 2, ax + w / 2, ay + h / 2), True
    return best[1], best[2]


def _leader(anchor: tuple[float, float], box: Box) -> Segment:
    """From the anchor to the nearest point of the box, stopping 2 pt short of the letters."""
    ax, ay = anchor
    gap = 2.0
    return (ax, ay, min(max(ax, box[0] - gap), box[2] + gap), min(max(ay, box[1] - gap), box[3] + gap))


def _draw_label(g: Group, lb: _Label, box: Box, inside: bool, look: Look) -> None:
    ax, ay = lb.anchor
    if not inside:
        _x, _y, nx, ny = _leader(lb.anchor, box)
        g.add(Line(ax, ay, nx, ny, strokeColor=look.text, strokeWidth=look.lines.leader))
        g.add(Circle(ax, ay, 1.4, fillColor=look.text, strokeColor=None))
    color = look.readable(lb.shape.fill) if inside else look.text
    xm = (box[0] + box[2]) / 2
    y = box[3]
    for i, (text, size, bold) in enumerate(lb.lines):
        y -= size * 1.15
        mark = MARKS.get(lb.shape.role, "") if i == 0 else ""
        if not mark:
            g.add(look.string(xm, y + size * 0.25, text, size=size, bold=bold, color=color, anchor="middle"))
            continue
        # The name and its tier mark as separate strings, so the name stays one word of text.
        name = text[: -len(_mark_gap(lb.shape.role))]
        x = xm - look.width(text, size, bold) / 2
        g.add(look.string(x, y + size * 0.25, name, size=size, bold=bold, color=color))
        x = xm + look.width(text, size, bold) / 2
        g.add(look.string(x, y + size * 0.25, mark, size=size, bold=bold, color=color, anchor="end"))


def _mark_gap(role: str) -> str:
    """What follows a player's name on the map: a thin space and its tier's mark, if any."""
    return "\u2009" + MARKS[role] if role in MARKS else ""
