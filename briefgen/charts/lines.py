"""Line charts: one line per series over the rows' labels (years, months), in row order.

Light horizontal gridlines, round tick values, a marker on every point, and the last
value of each line written at its end so that the reader need not read the axis.
Colour is not the only cue: each series has its own dash pattern (solid, dashed,
dotted, dash-dot), shown in the legend too.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Group, Line, PolyLine

from briefgen.charts import values as fmt
from briefgen.charts.draw import Body
from briefgen.charts.look import WHITE, Look
from briefgen.charts.spec import ChartSpec, Datum

# Series 1, 2, 3, 4, ...: solid, dashed, dotted, dash-dot, then again (with round caps, a
# 0.1 dash draws a dot).
DASHES: tuple[list[float] | None, ...] = (None, [5.0, 2.5], [0.1, 3.0], [6.0, 2.5, 0.1, 2.5])


def dash(index: int) -> list[float] | None:
    """The dash pattern of the `index`-th series (None: solid)."""
    return DASHES[index % len(DASHES)]


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    rows = [r for r in spec.rows if isinstance(r, Datum)]
    series = spec.series
    colors = dict(zip(series, look.series_colors(len(series)), strict=True))
    labels = list(dict.fromkeys(r.label for r in rows))
    size, small = look.label_size, look.small_size
    low = min(0.0, *(r.value for r in rows))
    high = max(r.value for r in rows)
    if low == high:
        high = low + 1
    tick_values = fmt.ticks(low, high, 5)
    caption = fmt.axis_caption(spec.unit, series)
    ends = {s: next(r for r in reversed(rows) if r.series == s) for s in series}
    end_texts = {s: fmt.amount(r.value, spec.unit, r.series, r.qualifier) for s, r in ends.items()}
    x0 = max(look.width(fmt.number(v), small) for v in tick_values) + 6
    x1 = width - max(look.width(t) for t in end_texts.values()) - 8
    pitch = (x1 - x0) / max(len(labels) - 1, 1)
    # Thin out category labels that would collide: every n-th label, always the last.
    every = 1
    while every < len(labels) and max(look.width(lb, small) for lb in labels) + 6 > pitch * every:
        every += 1
    caption_h = look.leading(small) + 4 if caption else 0
    label_h = small + 6
    plot_h = min(max(width * 0.4, 130.0), 240.0)
    total = caption_h + plot_h + label_h + 4
    y0, y1 = label_h, label_h + plot_h

    def at(label: str, value: float) -> tuple[float, float]:
        x = x0 + pitch * labels.index(label) if len(labels) > 1 else (x0 + x1) / 2
        return x, y0 + (y1 - y0) * (value - tick_values[0]) / (tick_values[-1] - tick_values[0])

    g, stroke = Group(), look.lines
    if caption:
        g.add(look.string(0, total - small, caption, size=small, color=look.muted))
    for v in tick_values:
        _x, y = at(labels[0], v)
        zero = abs(v) < 1e-12
        g.add(
            Line(
                x0,
                y,
                x1,
                y,
                strokeColor=look.axis if zero else look.grid,
                strokeWidth=stroke.axis if zero else stroke.grid,
            )
        )
        g.add(look.string(x0 - 4, y - small * 0.35, fmt.number(v), size=small, color=look.muted, anchor="end"))
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            x, _y = at(label, tick_values[0])
            g.add(look.string(x, y0 - small - 3, label, size=small, color=look.muted, anchor="middle"))
    placed: list[float] = []
    for i, s in enumerate(series):
        points = [at(r.label, r.value) for r in rows if r.series == s]
        if len(points) > 1:
            flat = [c for p in points for c in p]
            g.add(
                PolyLine(
                    flat,
                    strokeColor=colors[s],
                    strokeWidth=stroke.series,
                    strokeLineJoin=1,
                    strokeLineCap=1,
                    strokeDashArray=dash(i),
                )
            )
        for x, y in points:
            g.add(Circle(x, y, stroke.marker, fillColor=colors[s], strokeColor=WHITE, strokeWidth=stroke.marker_edge))
        # End label, nudged apart from labels of lines that end close by.
        ex, ey = points[-1]
        ty = ey - size * 0.35
        while any(abs(ty - p) < size * 1.1 for p in placed):
            ty -= size * 1.1
        placed.append(ty)
        g.add(look.string(ex + 6, ty, end_texts[s], color=colors[s], bold=True))
    legend = [(fmt.series_name(s), colors[s]) for s in series] if len(series) > 1 else []
    dashes = [dash(i) for i in range(len(legend))]
    return Body(g, total, legend=legend, legend_shape="line", legend_dashes=dashes)
