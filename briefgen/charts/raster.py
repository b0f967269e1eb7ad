"""A chart `Drawing` → PNG bytes for the DOCX writer, drawn with Pillow in the brand's TTF fonts.

Why not `reportlab.graphics.renderPM`: since reportlab 4.x its only backend is
rlPyCairo, which needs pycairo, and pycairo has no Linux wheel (it compiles against the
system's cairo headers). Our charts use a handful of shapes, so this module draws them
with Pillow, already a dependency: no compiler, the same pixels on every machine, and
text in the very TTF files that reportlab embedded in the PDF (never a Helvetica stand-in).

The picture is drawn at twice the asked resolution and averaged down, for smooth edges.
Import this module only when a chart must become pixels; PDFs never need it.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    Shape,
    String,
)
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.libs.rl_internals import ttf_path

SUPERSAMPLE = 2
MAX_PIXELS = 8_000_000  # drawn pixels: 24 MB in RGB
Matrix = tuple[float, float, float, float, float, float]
RGB = tuple[int, int, int]


def png(drawing: Drawing, dpi: int = 300) -> bytes:
    """Rasterise `drawing` at `dpi` (the PNG records it, so Word sizes the picture right)."""
    out_size = (math.ceil(drawing.width * dpi / 72), math.ceil(drawing.height * dpi / 72))
    # A tall full-width chart supersampled would need some 50 MB of pixels: above the
    # budget it is drawn at the final resolution (text is still anti-aliased).
    factor = SUPERSAMPLE if out_size[0] * out_size[1] * SUPERSAMPLE**2 <= MAX_PIXELS else 1
    scale = dpi / 72 * factor
    size = (math.ceil(drawing.width * scale), math.ceil(drawing.height * scale))
    image = Image.new("RGB", size, (255, 255, 255))
    painter = _Painter(image, scale, drawing.height)
    painter.group(drawing, (1, 0, 0, 1, 0, 0))
    # Averaging each 2 × 2 block is the supersampling itself, and some 15 times faster
    # than a Lanczos resize (which matters with a locator in every fact box).
    reduced = image.reduce(factor) if factor > 1 else image
    image = reduced if reduced.size == out_size else image.resize(out_size, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def font_file(name: str) -> str:
    """The TTF file behind a font name registered with reportlab."""
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        raise ValueError(f"font {name!r} is not a TrueType font registered with reportlab")
    return ttf_path(font)


@lru_cache(maxsize=64)
def _pil_font(path: str, size: float) -> ImageFont.FreeTypeFont:
    # BASIC layout: no kerning or shaping, so widths match reportlab's stringWidth.
    return ImageFont.truetype(path, size=size, layout_engine=ImageFont.Layout.BASIC)


def _mul(a: Matrix, b: Matrix) -> Matrix:
    """a · b for reportlab's (a, b, c, d, e, f) affine matrices."""
    return (
        a[0] * b[0] + a[2] * b[1],
        a[1] * b[0] + a[3] * b[1],
        a[0] * b[2] + a[2] * b[3],
        a[1] * b[2] + a[3] * b[3],
        a[0] * b[4] + a[2] * b[5] + a[4],
        a[1] * b[4] + a[3] * b[5] + a[5],
    )


def _rgb(color: Color | None) -> RGB | None:
    if color is None:
        return None
    return (round(color.red * 255), round(color.green * 255), round(color.blue * 255))


class _Painter:
    """Walks reportlab shapes and paints them; points are mapped to pixels with y pointing down."""

    def __init__(self, image: Image.Image, scale: float, height: float):
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.scale = scale
        self.height = height

    def px(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        tx, ty = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
        return (tx * self.scale, (self.height - ty) * self.scale)

    def width(self, m: Matrix, w: float) -> int:
        return max(1, round(w * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) * self.scale))

    def group(self, g: Group, m: Matrix) -> None:
        m = _mul(m, tuple(g.transform))
        for node in g.contents:
            if isinstance(node, Group):
                self.group(node, m)
            else:
                self.shape(node, m)

    def shape(self, s: Shape, m: Matrix) -> None:
        if isinstance(s, String):
            return self.text(s, m)
        if isinstance(s, Rect):
            pts = [(s.x, s.y), (s.x + s.width, s.y), (s.x + s.width, s.y + s.height), (s.x, s.y + s.height)]
            return self.rings([[self.px(m, x, y) for x, y in pts]], s, closed=True)
        if isinstance(s, Line):
            return self.rings([[self.px(m, s.x1, s.y1), self.px(m, s.x2, s.y2)]], s, closed=False, fill=False)
        if isinstance(s, Polygon | PolyLine):
            pts = [self.px(m, x, y) for x, y in zip(s.points[::2], s.points[1::2], strict=True)]
            closed = isinstance(s, Polygon)
            return self.rings([pts], s, closed=closed, fill=closed)
        if isinstance(s, Circle | Ellipse):
            rx, ry = (s.r, s.r) if isinstance(s, Circle) else (s.rx, s.ry)
            n = 48
            pts = [
                self.px(m, s.cx + rx * math.cos(2 * math.pi * i / n), s.cy + ry * math.sin(2 * math.pi * i / n))
                for i in range(n)
            ]
            return self.rings([pts], s, closed=True)
        if isinstance(s, Path):
            # A path without closePath (a map's border runs) is open lines, as in the PDF.
            closed = 3 in s.operators or getattr(s, "fillColor", None) is not None
            return self.rings(self.subpaths(s, m), s, closed=closed, fill=closed)
        raise TypeError(f"the chart rasteriser cannot draw {type(s).__name__}")

    def subpaths(self, p: Path, m: Matrix) -> list[list[tuple[float, float]]]:
        """Path operators → point lists (curves flattened); only what chart paths use."""
        # Every point mapped in one pass, with `px`'s arithmetic: a map's paths hold thousands.
        a, b, c, d, e, f = m
        scale, height = self.scale, self.height
        values = p.points
        pixels = [
            ((a * x + c * y + e) * scale, (height - (b * x + d * y + f)) * scale)
            for x, y in zip(values[::2], values[1::2], strict=True)
        ]
        rings: list[list[tuple[float, float]]] = []
        i = 0
        for op in p.operators:
            if op == 0:  # moveTo
                rings.append([pixels[i]])
                i += 1
            elif op == 1:  # lineTo
                rings[-1].append(pixels[i])
                i += 1
            elif op == 2:  # curveTo: a cubic Bézier, flattened
                (x0, y0), c3 = rings[-1][-1], pixels[i : i + 3]
                for t in (j / 12 for j in range(1, 13)):
                    u = 1 - t
                    rings[-1].append(
                        (
                            u**3 * x0 + 3 * u * u * t * c3[0][0] + 3 * u * t * t * c3[1][0] + t**3 * c3[2][0],
                            u**3 * y0 + 3 * u * u * t * c3[0][1] + 3 * u * t * t * c3[1][1] + t**3 * c3[2][1],
                        )
                    )
                i += 3
        return [r for r in rings if len(r) > 1]

    def rings(self, rings: list[list[tuple[float, float]]], s: Shape, *, closed: bool, fill: bool = True) -> None:
        fill_rgb = _rgb(getattr(s, "fillColor", None)) if fill else None
        stroke_rgb = _rgb(getattr(s, "strokeColor", None))
        if fill_rgb is not None:
            if len(rings) == 1:
                if len(rings[0]) > 2:
                    self.draw.polygon(rings[0], fill=fill_rgb)
            else:  # several rings: even-odd, so holes stay open
                self.even_odd(rings, fill_rgb)
        if stroke_rgb is not None and (getattr(s, "strokeWidth", 1) or 0) > 0:
            w = max(1, round(s.strokeWidth * self.scale))
            for ring in rings:
                pts = [*ring, ring[0]] if closed else ring
                self.draw.line(pts, fill=stroke_rgb, width=w, joint="curve")

    def even_odd(self, rings: list[list[tuple[float, float]]], fill: RGB) -> None:
        """Fill `rings` so that overlaps cancel; masks cover only the rings' bounding box."""
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        width, height = self.image.size
        left, top = max(0, math.floor(min(xs))), max(0, math.floor(min(ys)))
        right, bottom = min(width, math.ceil(max(xs)) + 1), min(height, math.ceil(max(ys)) + 1)
        if right <= left or bottom <= top:
            return
        box = (right - left, bottom - top)
        mask = Image.new("1", box, 0)
        for ring in rings:
            if len(ring) > 2:
                layer = Image.new("1", box, 0)
                ImageDraw.Draw(layer).polygon([(x - left, y - top) for x, y in ring], fill=1)
                mask = ImageChops.logical_xor(mask, layer)
        self.image.paste(fill, (left, top, right, bottom), mask=mask)

    def text(self, s: String, m: Matrix) -> None:
        color = _rgb(s.fillColor)
        if color is None or not s.text:
            return
        size = s.fontSize * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) * self.scale
        font = _pil_font(font_file(s.fontName), size)
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(s.textAnchor, "ls")
        self.draw.text(self.px(m, s.x, s.y), s.text, font=font, fill=color, anchor=anchor)
