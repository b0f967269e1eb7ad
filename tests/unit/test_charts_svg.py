"""charts.svg: a drawing as compact inline SVG: flipped once, upright text in the brand's
fonts, every shape the charts draw, and an error for one they do not."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, PolyLine, Rect, String, Wedge
from reportlab.lib.colors import Color, HexColor

from briefgen.charts.svg import svg

FONTS = {"Helvetica-Bold": "font-family: 'X'; font-weight: 700"}


def test_the_drawing_is_flipped_once_and_scales_from_its_printed_size() -> None:
    d = Drawing(300, 60)
    d.add(Rect(0, 0, 10, 5, fillColor=HexColor("#0F2C4C"), strokeColor=None))
    out = svg(d, FONTS, ' role="img"', "<title>T</title>")
    assert out.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60" width="400" height="80" '
        'fill-rule="evenodd" role="img"><title>T</title><g transform="matrix(1 0 0 -1 0 60)">'
    )
    assert '<rect x="0" y="0" width="10" height="5" fill="#0f2c4c" stroke="none"/>' in out and out.endswith(
        "</g></svg>"
    )


def test_text_stands_upright_in_the_mapped_font_escaped() -> None:
    d = Drawing(100, 20)
    d.add(String(10, 5, "A <b> & c", fontName="Helvetica-Bold", fontSize=8, textAnchor="middle"))
    out = svg(d, FONTS)
    assert (
        '<text transform="matrix(1 0 0 -1 10 5)" style="font-family: \'X\'; font-weight: 700; font-size: 8px"'
        ' fill="#000000" text-anchor="middle">A &lt;b&gt; &amp; c</text>'
    ) in out


def test_paths_groups_lines_and_transparency() -> None:
    d = Drawing(100, 100)
    p = Path(fillColor=Color(1, 0, 0, alpha=0.5), strokeColor=HexColor("#000000"), strokeWidth=0.5)
    p.moveTo(0, 0)
    p.lineTo(10, 0)
    p.curveTo(10, 5, 5, 10, 0, 10)
    p.closePath()
    g = Group(p, Line(0, 0, 5, 5, strokeDashArray=[2, 1]), Circle(5, 5, 2), PolyLine([0, 0, 1, 1]))
    g.translate(3, 4)
    d.add(g)
    out = svg(d, FONTS)
    assert '<g transform="matrix(1 0 0 1 3 4)">' in out
    assert 'd="M0.0 0.0L10.0 0.0C10.0 5.0 5.0 10.0 0.0 10.0Z" fill="#ff0000" fill-opacity="0.5"' in out
    assert 'stroke-dasharray="2 1"' in out and "<circle " in out and '<polyline points="0,0 1,1" fill="none"' in out


def test_a_shape_the_charts_never_draw_is_an_error() -> None:
    d = Drawing(10, 10)
    d.add(Wedge(5, 5, 4, 0, 90))
    with pytest.raises(TypeError, match="no SVG for a Wedge"):
        svg(d, FONTS)
