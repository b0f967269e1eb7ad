"""Timelines: a dated horizontal axis, a dot per event, and labels staggered so none overlap.

Events crowd (15, 30 and 31 August 2021 sit a few points apart), so each label is
placed by a small search: above or below the axis, at the lowest free level, its text
running right of its leader line or, near a neighbour, left of it. No label may overlap
another, and no leader line may cross another event's label.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Group, Line

from briefgen.charts import values as fmt
from briefgen.charts.draw import Body
from briefgen.charts.look import WHITE, Look
from briefgen.charts.spec import ChartSpec, Event

LEVELS = 4  # label rows on each side of the axis, at first
BEAM = 48  # partial placements kept at each step of the search
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Option = tuple[int, int, int]  # side (+1 above, -1 below), level (0 nearest), align (+1 text right of leader)


@dataclass
class Label:
    event: Event
    x: float  # the event's position on the axis
    lines: list[str]  # first line is the date
    width: float
    height: float


def _axis(first: dt.date, last: dt.date, room: int) -> tuple[dt.date, dt.date, list[dt.date], str]:
    """The axis range, padded to whole months (or years), and at most `room` ticks."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 36:
        start, end = dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
        years = end.year - start.year
        step = next((n for n in (1, 2, 5, 10, 20, 50) if years / n <= room), 100)
        first_tick = start.year + (-start.year) % step  # round years: 2005, 2010…
        return start, end, [dt.date(y, 1, 1) for y in range(first_tick, end.year + 1, step)], "year"
    start = dt.date(first.year, first.month, 1)
    end = _add_months(dt.date(last.year, last.month, 1), 1)
    step = next((n for n in (1, 2, 3, 6, 12) if (months + 1) / n <= room), 12)
    ticks, d = [], start
    while d <= end:
        ticks.append(d)
        d = _add_months(d, step)
    return start, end, ticks, "month"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _overlaps(a: Box, b: Box, pad: float = 3.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    events = sorted((r for r in spec.rows if isinstance(r, Event)), key=lambda e: e.date)
    size, small, lead = look.label_size, look.small_size, look.leading()
    one_year = events[0].date.year == events[-1].date.year
    # A tick label ("Sep 2021", "2021") needs about 40 pt to stand clear of its neighbours.
    start, end, ticks, unit = _axis(events[0].date, events[-1].date, max(2, int(width // 40)))
    margin = 4.0
    span = (end - start).days or 1

    def x_of(d: dt.date) -> float:
        return margin + (width - 2 * margin) * (d - start).days / span

    text_w = min(130.0, max(width / 3.6, 80.0))
    labels = []
    for e in events:
        date_text = fmt.day(e.date, year=not one_year)
        lines = [date_text, *look.wrap(e.label, text_w)]
        w = max(look.width(date_text, bold=True), *(look.width(t) for t in lines[1:]))
        labels.append(Label(e, x_of(e.date), lines, w, len(lines) * lead))
    pitch = max(lb.height for lb in labels) + 6
    choice = _place(labels, width, pitch)

    above = max((lvl for side, lvl, _a in choice if side > 0), default=-1) + 1
    below = max((lvl for side, lvl, _a in choice if side < 0), default=-1) + 1
    tick_h = small + 8
    top_extent = 12 + above * pitch - 4 if above else 8.0
    bottom_extent = max(tick_h, 20 + below * pitch - 4 if below else 0.0)
    total = top_extent + bottom_extent
    axis_y = bottom_extent
    leaders = [lb.x for lb, (side, _l, _a) in zip(labels, choice, strict=True) if side < 0]
    g = Group()
    g.add(Line(0, axis_y, width, axis_y, strokeColor=look.axis, strokeWidth=look.lines.timeline_axis))
    previous_year = None
    for t in ticks:
        x = x_of(t)
        g.add(Line(x, axis_y - 3, x, axis_y, strokeColor=look.axis, strokeWidth=look.lines.timeline_tick))
        if unit == "year":
            text = str(t.year)
        else:
            text = fmt.MONTHS[t.month - 1][:3] + (f" {t.year}" if t.year != previous_year else "")
        anchor = "start" if x < 20 else "end" if x > width - 20 else "middle"
        w = look.width(text, small)
        x_left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        if any(x_left - 2 <= lx <= x_left + w + 2 for lx in leaders):
            continue  # a leader line runs down through here: the gridless axis reads without it
        previous_year = t.year
        g.add(look.string(x, axis_y - 4 - small, text, size=small, color=look.muted, anchor=anchor))
    for lb, (side, level, align) in zip(labels, choice, strict=True):
        box = _box(lb, side, level, align, pitch, width)
        tip = axis_y + (box[1] if side > 0 else box[3])
        g.add(Line(lb.x, axis_y, lb.x, tip, strokeColor=look.muted, strokeWidth=look.lines.timeline_stem))
        g.add(
            Circle(
                lb.x, axis_y, 3.0, fillColor=look.accent, strokeColor=WHITE, strokeWidth=look.lines.timeline_dot_edge
            )
        )
        tx = box[0] if align > 0 else box[2]
        anchor = "start" if align > 0 else "end"
        for i, line in enumerate(lb.lines):
            y = axis_y + box[3] - size * 0.95 - i * lead
            g.add(look.string(tx, y, line, bold=i == 0, color=look.primary if i == 0 else look.text, anchor=anchor))
    return Body(g, total)


def _box(lb: Label, side: int, level: int, align: int, pitch: float, width: float) -> Box:
    """A label's box relative to the axis (y = 0): `side` ±1, `level` 0.., `align` +1 = text right of leader."""
    x0 = lb.x + 3 if align > 0 else lb.x - 3 - lb.width
    x0 = min(max(x0, 0.0), width - lb.width - 2)  # 2 pt spare: raster fonts run a hair wider
    y_near = 12 + level * pitch
    if side > 0:
        return (x0, y_near, x0 + lb.width, y_near + lb.height)
    return (x0, -y_near - lb.height - 8, x0 + lb.width, -y_near - 8)


def _place(labels: list[Label], width: float, pitch: float) -> list[Option]:
    """Choose (side, level, align) per label: no overlaps, no leader through a label, few levels.

    A beam search over the events in date order: greedy placement fails on clusters such
    as 15/30/31 August, where the first label must run left so that later leaders pass.
    """
    boxes: dict[tuple[int, Option], tuple[Box, Box]] = {}

    def box_of(i: int, o: Option) -> tuple[Box, Box]:
        if (i, o) not in boxes:
            box = _box(labels[i], *o, pitch, width)
            boxes[i, o] = (box, _stem(labels[i].x, box))
        return boxes[i, o]

    def fits(i: int, o: Option, chosen: list[Option]) -> bool:
        box, stem = box_of(i, o)
        for j, other in enumerate(chosen):
            obox, ostem = box_of(j, other)
            if _overlaps(box, obox) or _overlaps(stem, obox, 1.0) or _overlaps(ostem, box, 1.0):
                return False
        return True

    for levels in (LEVELS, 2 * LEVELS, len(labels) + 1):
        options = sorted(((s, lv, a) for lv in range(levels) for s in (1, -1) for a in (1, -1)), key=_cost)
        beam: list[tuple[float, list[Option]]] = [(0.0, [])]
        for i in range(len(labels)):
            grown = [(spent + _cost(o), [*chosen, o]) for spent, chosen in beam for o in options if fits(i, o, chosen)]
            beam = sorted(grown, key=lambda t: t[0])[:BEAM]
            if not beam:
                break
        if beam:
            return beam[0][1]
    # Nothing fits even one label per level: stack them, alternating sides (may touch).
    return [(1 if i % 2 == 0 else -1, i // 2, 1) for i in range(len(labels))]


def _cost(o: Option) -> float:
    """Low levels first; then text running right of its leader; then above the axis."""
    side, level, align = o
    return level * 10 + (1 if align < 0 else 0) + (0.5 if side < 0 else 0)


def _stem(x: float, box: Box) -> Box:
    """The leader line from the axis to a label box, as a thin box."""
    if box[1] > 0:
        return (x, 0.0, x, box[1])
    return (x, box[3], x, 0.0)
