"""A chart `Drawing` → inline SVG markup for the web edition: the same drawing as the
PDF's, with its words kept as real `<text>` in the brand's fonts.

reportlab's own `renderSVG` builds a DOM and formats every number of every map ring at
full precision (about a second for the sample's maps); this walks the drawing once and
writes compact markup: points to 0.1 pt (a seventh of a pixel at 100 %), colours as hex,
one `<g>` per transformed group. The y axis is flipped once for the whole drawing (and
back for each string, so text stands upright). Every shape the charts draw is handled;
any other is a programming error, raised rather than dropped.

The title and description (the alt text) are the caller's, who escapes them and puts
them first inside the `<svg>`; `_esc` here only escapes the drawing's own strings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color

from briefgen.model.memo import Memo

_ANCHOR = {"start": "", "middle": ' text-anchor="middle"', "end": ' text-anchor="end"'}
_CAPS = ("butt", "round", "square")
_JOINS = ("miter", "round", "bevel")


def _n(v: float) -> str:
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _color(c: Color | None) -> str:
    return "none" if c is None else "#" + c.hexval()[2:]


def _paint(shape: Any, fill: bool = True) -> str:
    """The fill and stroke attributes of a shape (reportlab's defaults: black, 1 pt)."""
    out = []
    if fill:
        fc = shape.fillColor
        out.append(f' fill="{_color(fc)}"')
        alpha = shape.fillOpacity if shape.fillOpacity is not None else (fc.alpha if fc is not None else 1)
        if fc is not None and alpha < 1:
            out.append(f' fill-opacity="{alpha:.3g}"')
        if getattr(shape, "fillMode", None) == 1:  # FILL_NON_ZERO; the root says even-odd
            out.append(' fill-rule="nonzero"')
    sc = shape.strokeColor
    if sc is None or not shape.strokeWidth:
        out.append(' stroke="none"' if fill else "")
        return "".join(out)
    out.append(f' stroke="{_color(sc)}" stroke-width="{shape.strokeWidth:.3g}"')
    alpha = shape.strokeOpacity if shape.strokeOpacity is not None else sc.alpha
    if alpha < 1:
        out.append(f' stroke-opacity="{alpha:.3g}"')
    if shape.strokeLineCap:
        out.append(f' stroke-linecap="{_CAPS[shape.strokeLineCap]}"')
    if shape.strokeLineJoin:
        out.append(f' stroke-linejoin="{_JOINS[shape.strokeLineJoin]}"')
    if shape.strokeDashArray:
        dashes = shape.strokeDashArray
        dashes = (
            dashes[1]
            if isinstance(dashes, tuple | list) and len(dashes) == 2 and isinstance(dashes[1], list)
            else dashes
        )
        out.append(f' stroke-dasharray="{" ".join(_n(d) for d in dashes)}"')
    return "".join(out)


_OPS = ("M%.1f %.1f", "L%.1f %.1f", "C%.1f %.1f %.1f %.1f %.1f %.1f", "Z")


def _path(shape: Path, fonts: Mapping[str, str]) -> str:
    if shape.isClipPath:
        raise TypeError("clip paths are not drawn in SVG")
    # One format string for the whole path: a map ring has hundreds of points.
    data = "".join([_OPS[op] for op in shape.operators]) % tuple(shape.points)
    return f'<path d="{data}"{_paint(shape)}/>'


def _points(values: list[float]) -> str:
    return " ".join(f"{_n(values[i])},{_n(values[i + 1])}" for i in range(0, len(values), 2))


def _string(s: String, fonts: Mapping[str, str]) -> str:
    font = fonts.get(s.fontName, f"font-family: {s.fontName}")
    fill = _color(s.fillColor)
    return (
        f'<text transform="matrix(1 0 0 -1 {_n(s.x)} {_n(s.y)})" style="{font}; font-size: {s.fontSize:.3g}px"'
        f' fill="{fill}"{_ANCHOR.get(s.textAnchor, "")}>{_esc(s.text)}</text>'
    )


def _group(g: Group, fonts: Mapping[str, str]) -> str:
    inner = "".join(_node(child, fonts) for child in g.contents)
    t = g.transform
    if tuple(t) == (1, 0, 0, 1, 0, 0):
        return inner
    return f'<g transform="matrix({" ".join(f"{v:.6g}" for v in t)})">{inner}</g>'


_SHAPES: dict[type, Callable[[Any, Mapping[str, str]], str]] = {
    Group: _group,
    Path: _path,
    String: _string,
    Rect: lambda r, f: (
        f'<rect x="{_n(r.x)}" y="{_n(r.y)}" width="{_n(r.width)}" height="{_n(r.height)}"'
        + (f' rx="{_n(r.rx)}" ry="{_n(r.ry or r.rx)}"' if r.rx else "")
        + f"{_paint(r)}/>"
    ),
    Line: lambda s, f: f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" y2="{_n(s.y2)}"{_paint(s, False)}/>',
    Circle: lambda s, f: f'<circle cx="{_n(s.cx)}" cy="{_n(s.cy)}" r="{_n(s.r)}"{_paint(s)}/>',
    Ellipse: lambda s, f: f'<ellipse cx="{_n(s.cx)}" cy="{_n(s.cy)}" rx="{_n(s.rx)}" ry="{_n(s.ry)}"{_paint(s)}/>',
    Polygon: lambda s, f: f'<polygon points="{_points(s.points)}"{_paint(s)}/>',
    PolyLine: lambda s, f: f'<polyline points="{_points(s.points)}" fill="none"{_paint(s, False)}/>',
}


def _node(node: Any, fonts: Mapping[str, str]) -> str:
    draw = _SHAPES.get(type(node))
    if draw is None:
        raise TypeError(f"no SVG for a {type(node).__name__} in a chart drawing")
    return draw(node, fonts)


# A writer's per-process memo: a batch shows the same locator in many annexes.
_MARKUP: Memo[tuple[Drawing, str]] = Memo("chart SVG markup", 64)


def svg(drawing: Drawing, fonts: Mapping[str, str], attrs: str = "", head: str = "") -> str:
    """`drawing` as an inline `<svg>`, scaling with its column up to its own width.

    `fonts` maps reportlab's font names to CSS declarations (`font-family: X; font-weight:
    700`); `attrs` is added to the opening tag and `head` (the escaped `<title>` and
    `<desc>`) put first inside, both as they are.
    """
    key = (id(drawing), tuple(sorted(fonts.items())))
    # The drawing is kept with its markup, so its id is not reused while the entry lives.
    _, body = _MARKUP.once(key, lambda: (drawing, "".join(_node(child, fonts) for child in drawing.contents)))
    w, h = drawing.width, drawing.height
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(w)} {_n(h)}" width="{_n(w * 4 / 3)}"'
        f' height="{_n(h * 4 / 3)}" fill-rule="evenodd"{attrs}>{head}'
        f'<g transform="matrix(1 0 0 -1 0 {_n(h)})">{body}</g></svg>'
    )
