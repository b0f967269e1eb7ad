"""The charts' house style: the `Design`'s colours and chart sizes as reportlab values,
and text measuring and wrapping.

Every chart module draws through one `Look`, so all figures share one palette, one
type scale and one way of breaking lines; the colours and sizes come from the brand's
`Design` (`design/system.py`), so the charts change with the documents around them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.graphics.shapes import String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen.design import contrast
from briefgen.design.spacing import ChartLines
from briefgen.design.system import design_of
from briefgen.design.theme import Theme

WHITE = HexColor(contrast.WHITE)


def tint(color: Color, amount: float) -> Color:
    """`color` mixed with white (amount 0 is the colour, 1 is white), by the design's one
    mixing rule (`contrast.mix`)."""
    return HexColor(contrast.mix(color.hexval()[2:], contrast.WHITE, amount))


def luminance(color: Color) -> float:
    return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue


@dataclass(frozen=True)
class Look:
    """Fonts, colours and sizes in points. Sizes never go below 7 pt, for print legibility."""

    regular: str
    bold: str
    primary: Color
    accent: Color
    text: Color
    muted: Color
    panel: Color
    grid: Color  # gridlines: visible on paper, quieter than any data
    axis: Color
    title_size: float
    label_size: float
    small_size: float
    lines: ChartLines = field(default_factory=ChartLines)  # stroke widths, marks and tints
    tiers: tuple[Color, ...] = ()  # the region map's tiers 1–9
    other: Color = WHITE  # the region map's other countries

    @classmethod
    def of(cls, theme: Theme, fonts: tuple[str, str]) -> Look:
        design = design_of(theme)
        c, lines = design.colors, design.chart
        return cls(
            regular=fonts[0],
            bold=fonts[1],
            primary=HexColor(c.primary),
            accent=HexColor(c.accent),
            text=HexColor(c.text),
            muted=HexColor(c.muted),
            panel=HexColor(c.panel),
            grid=HexColor(c.chart_grid),
            axis=HexColor(c.chart_axis),
            title_size=lines.title,
            label_size=lines.label,
            small_size=lines.small,
            lines=lines,
            tiers=tuple(HexColor(t) for t in c.map_tiers[:-1]),
            other=HexColor(c.map_tiers[-1]),
        )

    # -------------------------------------------------------------- colours

    def series_colors(self, n: int) -> list[Color]:
        """Distinct brand colours for n series: the two brand colours first, then tints."""
        more, most = self.lines.tint, self.lines.tint_more
        base = [self.primary, self.accent, self.muted, tint(self.primary, more), tint(self.accent, more)]
        return [base[i % len(base)] if i < len(base) else tint(base[i % len(base)], most) for i in range(n)]

    def on(self, fill: Color) -> Color:
        """Text colour readable on `fill`."""
        return WHITE if luminance(fill) < 0.5 else self.text

    def readable(self, fill: Color) -> Color:
        """White or the text colour, whichever contrasts more with `fill` (WCAG)."""
        hexes = [f"#{c.hexval()[2:]}" for c in (fill, WHITE, self.text)]
        return WHITE if contrast.contrast(hexes[1], hexes[0]) > contrast.contrast(hexes[2], hexes[0]) else self.text

    # -------------------------------------------------------------- text
    def font(self, bold: bool = False) -> str:
        return self.bold if bold else self.regular

    def width(self, text: str, size: float | None = None, bold: bool = False) -> float:
        return stringWidth(text, self.font(bold), size or self.label_size)

    def wrap(self, text: str, width: float, size: float | None = None, bold: bool = False) -> list[str]:
        """Greedy word wrap; a single word wider than `width` keeps its own line."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split():
                trial = f"{line} {word}" if line else word
                if line and self.width(trial, size, bold) > width:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            lines.append(line)
        return lines

    def string(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        color: Color | None = None,
        anchor: str = "start",
    ) -> String:
        return String(
            x,
            y,
            text,
            fontName=self.font(bold),
            fontSize=size or self.label_size,
            fillColor=color or self.text,
            textAnchor=anchor,
        )

    def leading(self, size: float | None = None) -> float:
        return (size or self.label_size) * 1.2
