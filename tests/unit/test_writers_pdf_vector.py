"""writers.pdf.vector: a drawing's operators recorded once and replayed write the very
bytes reportlab's renderer writes, and drawings that name document resources are not replayed."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Path, Rect, String
from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer

from briefgen.charts import drawing, parse_spec
from briefgen.charts.locator import WIDTH_PT
from briefgen.writers.pdf import document  # noqa: F401  (sets reportlab's invariant mode, as a build does)
from briefgen.writers.pdf.vector import Vector, _record

FONT = "Helvetica"


def art(font: str, *extra: Any) -> Drawing:
    d = Drawing(120, 80, initialFontName=font, initialFontSize=8)
    d.add(Rect(0, 0, 120, 80, fillColor=Color(1, 1, 1), strokeColor=None))
    p = Path(fillColor=Color(0.2, 0.4, 0.6), strokeColor=Color(0, 0, 0), strokeWidth=0.4)
    p.moveTo(10, 10)
    for x, y in ((60.25, 12.5), (70, 55.125), (15, 60)):
        p.lineTo(x, y)
    p.closePath()
    d.add(p)
    d.add(Circle(90, 40, 3, fillColor=Color(0.8, 0.1, 0.1), strokeColor=None))
    for shape in extra:
        d.add(shape)
    return d


def pdf(flowables: list[Any]) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=(400, 400)).build(flowables)
    return out.getvalue()


def twice(d: Drawing) -> tuple[bytes, bytes]:
    """The same two-page PDF with the drawing as reportlab draws it and as a Vector."""

    def story(wrap: Any) -> list[Any]:
        return [wrap(d), Spacer(1, 150), wrap(d), Spacer(1, 10), wrap(d)]

    plain = pdf(story(lambda x: x))
    return plain, pdf(story(lambda x: Vector(x, "LEFT")))


def test_a_plain_drawing_is_replayed_with_reportlabs_own_bytes(fonts: tuple[str, str]) -> None:
    d = art(fonts[0])
    plain, replayed = twice(d)
    assert _record(d).ops is not None  # recorded: later pages append the same operators
    assert replayed == plain


def test_the_sample_locator_is_replayed_byte_for_byte(theme: Any, fonts: tuple[str, str], tmp_path: Any) -> None:
    spec = parse_spec("type: locator\nfocus: Tajikistan\n", file="x.md", line=1, base=tmp_path, root=tmp_path)
    d = drawing(spec, theme, WIDTH_PT, fonts=fonts)
    assert _record(d).ops and len(_record(d).ops) > 100
    plain, replayed = twice(d)
    assert replayed == plain


def test_text_transparency_and_named_colours_are_drawn_by_reportlab_each_time(fonts: tuple[str, str]) -> None:
    texts = art(fonts[0], String(5, 5, "Label", fontName=fonts[0], fontSize=7))
    see_through = art(fonts[0], Rect(5, 5, 10, 10, fillColor=Color(0, 0, 1, alpha=0.5)))
    spot = art(fonts[0], Rect(5, 5, 10, 10, fillColor=CMYKColor(0, 1, 0, 0, spotName="Brand")))
    type1 = art(FONT)  # a Type 1 font is named in the document when the drawing starts
    for d in (texts, see_through, spot, type1):
        assert _record(d).ops is None
        plain, drawn = twice(d)
        assert drawn == plain


def test_a_canvas_with_transparency_set_outside_the_drawing_renders_it(fonts: tuple[str, str]) -> None:
    from reportlab.graphics import renderPDF

    d = art(fonts[0])

    def half_transparent() -> Canvas:
        canvas = Canvas(io.BytesIO())
        canvas.setFillAlpha(0.5)
        return canvas

    canvas, reference = half_transparent(), half_transparent()
    vector = Vector(d, "LEFT")
    vector.canv = canvas
    vector.draw()
    renderPDF.draw(d, reference, 0, 0)
    assert canvas._code == reference._code
    # The recorded operators assume full opacity: the drawing sets it back here.
    assert _record(d).ops is not None and list(_record(d).ops) != canvas._code[-len(_record(d).ops) :]
