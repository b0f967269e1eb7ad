"""charts.svg: a drawing as inline SVG: no prolog, its own ids, brand font families, scalable."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, String

from briefgen.charts.svg import svg


def _drawing() -> Drawing:
    d = Drawing(200, 50)
    d.add(String(10, 10, "Label <1>", fontName="Helvetica-Bold", fontSize=8))
    return d


def test_the_svg_is_inline_with_ids_and_fonts_of_its_own() -> None:
    opening, inner, closing = svg(
        _drawing(), "c7", {"Helvetica-Bold": "font-family: 'X'; font-weight: 700"}, ' role="img"'
    )
    assert opening == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200pt" '
        'style="max-width: 100%; height: auto" fill-rule="evenodd" role="img">'
    )
    assert closing == "</svg>" and "<?xml" not in inner and "<svg" not in inner and "<title>" not in inner
    assert 'id="c7-clip"' in inner and "url(#c7-clip)" in inner and 'id="clip"' not in inner
    assert "font-family: 'X'; font-weight: 700;" in inner and "Helvetica" not in inner
    assert ">Label &lt;1&gt;</text>" in inner
