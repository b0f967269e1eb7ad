"""A `ChartSpec` → one vector reportlab `Drawing`: title, legend, the chart body, notes and source.

Each chart type draws only its body (`bars`, `lines`, `timeline`, `regionmap`, `locator`); this
module stacks the parts every figure shares, so all figures have one anatomy. The
drawing is pure vector with real text, so the PDF stays sharp and searchable; the DOCX
writer rasterises the same drawing (`raster.png`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, Line, Rect
from reportlab.lib.colors import Color

from briefgen.charts.alt import alt_text
from briefgen.charts.look import Look
from briefgen.charts.spec import ChartSpec
from briefgen.design.theme import Theme

GAP = 6.0  # between the figure's parts, in points
SWATCH = 8.0
LINE_SWATCH = 18.0  # long enough to show a dash pattern


@dataclass
class Body:
    """What a chart type draws: its group (origin bottom left), height, legend and notes."""

    group: Group
    height: float
    legend: list[tuple[str, Color]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    legend_shape: str = "square"  # "square" for areas and bars, "line" for lines
    legend_dashes: list[list[float] | None] = field(default_factory=list)  # lines: each entry's dashes


_MODULES = {"bar": "bars", "line": "lines", "timeline": "timeline", "map": "regionmap", "locator": "locator"}


def _builder(kind: str) -> Callable[[ChartSpec, Look, float], Body]:
    # Imported on first use, one chart type at a time (an annex needs only locators);
    # and here, because the chart modules import `Body` from this module.
    module = importlib.import_module(f".{_MODULES[kind]}", __package__)
    return module.draw  # type: ignore[no-any-return]


def drawing(spec: ChartSpec, theme: Theme, width_pt: float, *, fonts: tuple[str, str], titles: bool = True) -> Drawing:
    """Draw `spec` `width_pt` wide in the brand's colours and `fonts` (regular, bold; registered).

    With `titles=False` the title and the "Source:" line are left out, for a writer that
    sets them as its own caption text; notes that explain the data always stay.
    Cached: a batch draws the same locator map in many annexes, and a chart with neither
    title nor source (every locator) is drawn once for both writers. The drawing is
    shared, so callers must treat it as read-only.
    """
    return _drawing(spec, theme, width_pt, fonts, titles and bool(spec.title or spec.source))


@lru_cache(maxsize=64)
def _drawing(spec: ChartSpec, theme: Theme, width_pt: float, fonts: tuple[str, str], titles: bool) -> Drawing:
    look = Look.of(theme, fonts)
    body = _builder(spec.type)(spec, look, width_pt)
    parts: list[tuple[Group, float]] = []  # top to bottom
    if titles and spec.title:
        parts.append(_text_block(look, spec.title, width_pt, look.title_size, bold=True, color=look.primary))
    if len(body.legend) > 1:
        parts.append(_legend(look, body.legend, width_pt, body.legend_shape, body.legend_dashes))
    parts.append((body.group, body.height))
    footer = [*body.notes, *([spec.note] if spec.note else [])]
    if titles and spec.source:
        footer.append(f"Source: {spec.source}")
    if footer:
        parts.append(_text_block(look, "\n".join(footer), width_pt, look.small_size, color=look.muted))
    height = sum(h for _g, h in parts) + GAP * (len(parts) - 1)
    # The brand font as the drawing's initial font, so the PDF never references Helvetica.
    out = Drawing(width_pt, height, initialFontName=look.regular, initialFontSize=look.label_size)
    out.add(Rect(0, 0, width_pt, height, fillColor=None, strokeColor=None))  # fixes the bounds
    y = height
    for group, h in parts:
        y -= h
        group.translate(0, y)
        out.add(group)
        y -= GAP
    return out


def _text_block(
    look: Look, text: str, width: float, size: float, *, bold: bool = False, color: Color | None = None
) -> tuple[Group, float]:
    """Wrapped lines, left aligned; the group's height includes the descenders of the last line."""
    lines = look.wrap(text, width, size, bold)
    lead = look.leading(size)
    height = lead * (len(lines) - 1) + size * 1.05
    g = Group()
    for i, line in enumerate(lines):
        g.add(look.string(0, height - size * 0.9 - i * lead, line, size=size, bold=bold, color=color))
    return g, height


def _legend(
    look: Look, items: list[tuple[str, Color]], width: float, shape: str, dashes: list[list[float] | None]
) -> tuple[Group, float]:
    """Swatch + name pairs flowing left to right, wrapping onto more rows when needed; a line
    swatch is drawn with its series' dash pattern, so the key does not rest on colour."""
    size, pitch = look.label_size, look.label_size * 1.6
    placed: list[tuple[float, int, str, Color]] = []
    swatch = LINE_SWATCH if shape == "line" else SWATCH
    x, row = 0.0, 0
    for name, color in items:
        w = swatch + 4 + look.width(name, size)
        if x > 0 and x + w > width:
            x, row = 0.0, row + 1
        placed.append((x, row, name, color))
        x += w + 14
    height = (row + 1) * pitch - (pitch - size * 1.1)
    g = Group()
    for i, (x, r, name, color) in enumerate(placed):
        base = height - size * 0.9 - r * pitch
        if shape == "line":
            y = base + size * 0.3
            pattern = dashes[i] if i < len(dashes) else None
            g.add(
                Line(
                    x + 1,
                    y,
                    x + swatch - 1,
                    y,
                    strokeColor=color,
                    strokeWidth=look.lines.series,
                    strokeLineCap=1,
                    strokeDashArray=pattern,
                )
            )
        else:
            g.add(Rect(x, base - 0.5, SWATCH, SWATCH, fillColor=color, strokeColor=None))
        g.add(look.string(x + swatch + 4, base, name, size=size))
    return g, height


__all__ = ["Body", "alt_text", "drawing"]
