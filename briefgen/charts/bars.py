"""Bar charts, horizontal (the default: long labels read best) or vertical, from plain shapes.

Every bar carries its value with unit and currency, so the axis is only a guide: light
gridlines, no frame, no tick marks. Rows that share a label and differ in `series` are
grouped bars; when each label has one series (donors each pledging in one currency), bars
are ordered by series instead, so dollars sit with dollars and euros with euros.

A value more than four times the next largest would squash every other bar, so it is
drawn as a broken bar: cut short with a white break, labelled with its real value, and
explained in a note under the chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Group, Line, Polygon, Rect
from reportlab.lib.colors import Color

from briefgen.charts import values as fmt
from briefgen.charts.draw import Body
from briefgen.charts.look import WHITE, Look
from briefgen.charts.spec import ChartSpec, Datum

BAR = 11.0  # bar thickness (horizontal chart)
INNER = 2.0  # between bars of one label
OUTER = 8.0  # between labels
GROUP = 14.0  # between series groups
OUTLIER = 4.0  # a value this many times the next is drawn broken
SCALE_SHARE = 0.8  # share of the value axis the scale uses when a bar is broken


@dataclass
class Bar:
    row: Datum
    color: Color
    text: str  # the value label: "$64 million"
    broken: bool = False


@dataclass
class Block:
    """One category: its label and its bars, and extra space above it (a new series group)."""

    label: str
    bars: list[Bar]
    gap_before: float


def _blocks(spec: ChartSpec, look: Look) -> tuple[list[Block], list[tuple[str, Color]]]:
    rows = [r for r in spec.rows if isinstance(r, Datum)]
    series = spec.series
    colors = dict(zip(series, look.series_colors(len(series)), strict=True))
    legend = [(fmt.series_name(s), colors[s]) for s in series] if len(series) > 1 else []
    broken = _outliers([r.value for r in rows])
    bars = [
        Bar(r, colors[r.series], fmt.amount(r.value, spec.unit, r.series, r.qualifier), i in broken)
        for i, r in enumerate(rows)
    ]
    labels = list(dict.fromkeys(r.label for r in rows))
    one_each = len(series) > 1 and len(labels) == len(rows)
    if one_each:
        # Each label has one series: keep each series (currency) together, in legend order.
        ordered = sorted(bars, key=lambda b: series.index(b.row.series))
        return [
            Block(b.row.label, [b], 0.0 if i == 0 else (GROUP if b.row.series != ordered[i - 1].row.series else OUTER))
            for i, b in enumerate(ordered)
        ], legend
    return [
        Block(label, [b for b in bars if b.row.label == label], 0.0 if i == 0 else OUTER)
        for i, label in enumerate(labels)
    ], legend


def _outliers(values: list[float]) -> set[int]:
    """Indexes of the few values so much larger than the rest that they would squash them.

    Only a minority (at most a quarter of the bars) is ever cut, and only when at least
    three non-zero bars are left to set the scale: otherwise plain bars are honest enough.
    """
    order = sorted(range(len(values)), key=lambda i: -values[i])
    most = max(1, len(values) // 4)
    for n in range(min(most, len(values) - 3)):
        rest = [values[i] for i in order[n + 1 :] if values[i] > 0]
        if len(rest) >= 3 and values[order[n]] > OUTLIER * rest[0]:
            return set(order[: n + 1])
    return set()


def _scale(blocks: list[Block]) -> list[float]:
    top = max((b.row.value for blk in blocks for b in blk.bars if not b.broken), default=0.0)
    return fmt.ticks(0.0, top or 1.0, 5)


def _broken_note(blocks: list[Block]) -> list[str]:
    cut = [b for blk in blocks for b in blk.bars if b.broken]
    if not cut:
        return []
    names = ", ".join(f"{b.row.label} ({b.text})" for b in cut)
    return [f"Broken bar, not to scale: {names}."]


def draw(spec: ChartSpec, look: Look, width: float) -> Body:
    blocks, legend = _blocks(spec, look)
    notes = _broken_note(blocks)
    caption = fmt.axis_caption(spec.unit, spec.series)
    if spec.orientation == "vertical":
        return Body(*_vertical(blocks, look, width, caption), legend=legend, notes=notes)
    return Body(*_horizontal(blocks, look, width, caption), legend=legend, notes=notes)


def _break(g: Group, x: float, y: float, thick: float, *, vertical: bool) -> None:
    """A slanted white gap across a bar: the universal sign for 'cut short'."""
    s = 2.5
    if vertical:
        pts = [x - 1.5, y - s, x + thick + 1.5, y + s - 1, x + thick + 1.5, y + s + 2, x - 1.5, y - s + 3]
    else:
        pts = [x - s, y - 1.5, x - s + 3, y - 1.5, x + s + 1, y + thick + 1.5, x + s - 2, y + thick + 1.5]
    g.add(Polygon(pts, fillColor=WHITE, strokeColor=None))


# ------------------------------------------------------------------ horizontal
def _horizontal(blocks: list[Block], look: Look, width: float, caption: str) -> tuple[Group, float]:
    size, lead = look.label_size, look.leading()
    label_w = min(max(look.width(blk.label) for blk in blocks), width * 0.34)
    x0 = label_w + 8
    note_room = max(look.width(_value_text(b), size) for blk in blocks for b in blk.bars) + 6
    room = min(note_room, width * 0.32)
    x1 = width - room
    any_broken = any(b.broken for blk in blocks for b in blk.bars)
    xs = x0 + (x1 - x0) * (SCALE_SHARE if any_broken else 1.0)  # where the scale's maximum sits
    tick_values = _scale(blocks)
    top_value = tick_values[-1]

    def x_of(v: float) -> float:
        return x0 + (xs - x0) * v / top_value

    # First pass: each bar's line of value text, and each block's height.
    layout = []
    for blk in blocks:
        label_lines = look.wrap(blk.label, label_w)
        bar_rows = []
        for b in blk.bars:
            value_lines = _value_lines(look, b, room - 6)
            bar_rows.append((b, value_lines, max(BAR, len(value_lines) * lead)))
        height = max(sum(h for *_x, h in bar_rows) + INNER * (len(bar_rows) - 1), len(label_lines) * lead)
        layout.append((blk, label_lines, bar_rows, height))
    plot_h = sum(blk.gap_before + h for blk, _l, _b, h in layout)
    axis_h = size + 4 + (look.leading(look.small_size) + 2 if caption else 0)
    total = plot_h + 4 + axis_h
    g = Group()
    plot_bottom, plot_top = total - plot_h - 2, total

    # Axis text goes in last, so that PDF text (search, screen readers) reads the data first.
    axis_text = Group()
    for v in tick_values:  # gridlines under the bars
        x = x_of(v)
        g.add(Line(x, plot_bottom, x, plot_top, strokeColor=look.grid, strokeWidth=look.lines.grid))
        tick_y = plot_bottom - look.small_size - 2
        axis_text.add(look.string(x, tick_y, fmt.number(v), size=look.small_size, color=look.muted, anchor="middle"))
    if caption:
        caption_y = plot_bottom - look.small_size - 4 - look.leading(look.small_size)
        axis_text.add(look.string(x0, caption_y, caption, size=look.small_size, color=look.muted))

    y = plot_top
    for blk, label_lines, bar_rows, height in layout:
        y -= blk.gap_before
        block_top = y
        # the category label, centred on the block
        text_top = block_top - (height - len(label_lines) * lead) / 2
        for i, line in enumerate(label_lines):
            g.add(look.string(0, text_top - size * 0.95 - i * lead, line))
        inner = sum(h for *_x, h in bar_rows) + INNER * (len(bar_rows) - 1)
        yb = block_top - (height - inner) / 2
        for b, value_lines, h in bar_rows:
            bar_y = yb - h / 2 - BAR / 2
            end = x1 if b.broken else x_of(b.row.value)
            g.add(Rect(x0, bar_y, max(end - x0, 0.01), BAR, fillColor=b.color, strokeColor=None))
            if b.broken:
                _break(g, xs + (x1 - xs) * 0.4, bar_y, BAR, vertical=False)
            text_y = bar_y + BAR / 2 + (len(value_lines) * lead) / 2 - size * 0.95
            for i, runs in enumerate(value_lines):
                tx = end + 4
                for text, muted in runs:
                    g.add(look.string(tx, text_y - i * lead, text, color=look.muted if muted else look.text))
                    tx += look.width(text + " ")
            yb -= h + INNER
        y -= height
    g.add(Line(x0, plot_bottom, x0, plot_top, strokeColor=look.axis, strokeWidth=look.lines.axis))
    g.add(axis_text)
    return g, total


def _value_text(b: Bar) -> str:
    return f"{b.text} {b.row.note}" if b.row.note else b.text


def _value_lines(look: Look, b: Bar, width: float) -> list[list[tuple[str, bool]]]:
    """Lines of (text, muted) runs: the value label, then the row's note in muted text.

    The note shares the value's line when it fits and wraps below it when it does not.
    """
    if not b.row.note:
        return [[(b.text, False)]]
    if look.width(_value_text(b)) <= width:
        return [[(b.text, False), (b.row.note, True)]]
    return [[(b.text, False)], *([(line, True)] for line in look.wrap(b.row.note, width))]


# ------------------------------------------------------------------ vertical
def _vertical(blocks: list[Block], look: Look, width: float, caption: str) -> tuple[Group, float]:
    size, small, lead = look.label_size, look.small_size, look.leading()
    tick_values = _scale(blocks)
    top_value = tick_values[-1]
    x0 = max(look.width(fmt.number(v), small) for v in tick_values) + 6
    slots = sum(1 for _ in blocks) + sum(blk.gap_before for blk in blocks) / 40
    slot = (width - x0) / max(slots, 1)
    bar_w = min(28.0, slot * 0.72 / max(len(blk.bars) for blk in blocks))
    label_lines = [look.wrap(blk.label, slot - 6) for blk in blocks]
    value_lines = [[_column_lines(look, b, slot - 2) for b in blk.bars] for blk in blocks]
    value_h = max(len(v) for vs in value_lines for v in vs) * lead + 3
    label_h = max(len(lines) for lines in label_lines) * lead + 4
    caption_h = look.leading(small) + 4 if caption else 0
    plot_h = min(max(width * 0.42, 140.0), 260.0)
    any_broken = any(b.broken for blk in blocks for b in blk.bars)
    ys_share = SCALE_SHARE if any_broken else 1.0
    total = caption_h + value_h + plot_h + label_h
    y0 = label_h
    y_top = y0 + plot_h

    def y_of(v: float) -> float:
        return y0 + plot_h * ys_share * v / top_value

    g = Group()
    if caption:
        g.add(look.string(0, total - small, caption, size=small, color=look.muted))
    axis_text = Group()  # added last, so that PDF text reads the data first
    for v in tick_values:
        y = y_of(v)
        g.add(Line(x0, y, width, y, strokeColor=look.grid, strokeWidth=look.lines.grid))
        axis_text.add(look.string(x0 - 4, y - small * 0.35, fmt.number(v), size=small, color=look.muted, anchor="end"))
    x = x0
    for blk, lines, vlines in zip(blocks, label_lines, value_lines, strict=True):
        x += blk.gap_before * slot / 40
        centre = x + slot / 2
        left = centre - (bar_w * len(blk.bars) + INNER * (len(blk.bars) - 1)) / 2
        for i, (b, texts) in enumerate(zip(blk.bars, vlines, strict=True)):
            bx = left + i * (bar_w + INNER)
            top = y_top if b.broken else y_of(b.row.value)
            g.add(Rect(bx, y0, bar_w, max(top - y0, 0.01), fillColor=b.color, strokeColor=None))
            if b.broken:
                _break(g, bx, y_of(top_value) + (y_top - y_of(top_value)) * 0.45, bar_w, vertical=True)
            for j, (text, text_size, muted) in enumerate(texts):
                ty = top + 3 + (len(texts) - 1 - j) * lead
                color = look.muted if muted else look.text
                g.add(look.string(bx + bar_w / 2, ty, text, size=text_size, color=color, anchor="middle"))
        for j, line in enumerate(lines):
            g.add(look.string(centre, y0 - 4 - size * 0.95 - j * lead, line, anchor="middle"))
        x += slot
    g.add(Line(x0, y0, width, y0, strokeColor=look.axis, strokeWidth=look.lines.axis))
    g.add(axis_text)
    return g, total


def _column_lines(look: Look, b: Bar, width: float) -> list[tuple[str, float, bool]]:
    """Lines of (text, size, muted) above a column: the value whole (smaller if need be), then the note."""
    size = look.label_size if look.width(b.text) <= width else look.small_size
    if look.width(b.text, size) <= width:
        lines = [(b.text, size, False)]
    else:  # still too wide: the qualifier ("more than") gets a line of its own
        lines = [(b.row.qualifier, size, False), (b.text[len(b.row.qualifier) :].strip(), size, False)]
    return lines + [(line, look.small_size, True) for line in look.wrap(b.row.note, width, look.small_size) if line]
