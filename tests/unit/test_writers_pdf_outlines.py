"""writers.pdf.outlines: text as the TrueType font's own glyph outlines (quadratic curves as
cubics, composite glyphs placed), advancing by each glyph's width, with no text in it."""

from __future__ import annotations

import io
from typing import Any

import pdfkit
from reportlab.pdfgen.canvas import Canvas

from briefgen.fonts.fontfile import char_map
from briefgen.writers.pdf.outlines import outline


def test_an_outline_is_closed_contours_of_moves_lines_and_curves(theme: Any) -> None:
    shape = outline("Ob", theme.fonts.bold)
    kinds = [op[0] for op in shape.ops]
    assert kinds[0] == "M" and set(kinds) <= {"M", "L", "C", "Z"}
    assert kinds.count("M") == kinds.count("Z") >= 3  # O has two contours, b two
    assert "C" in kinds  # round letters are curves
    assert shape.units_per_em >= 1000 and shape.width > 0


def test_the_width_adds_up_letter_by_letter_and_a_space_draws_nothing(theme: Any) -> None:
    font = theme.fonts.regular
    a, b, both = outline("H", font), outline("I", font), outline("HI", font)
    assert both.width == a.width + b.width and len(both.ops) == len(a.ops) + len(b.ops)
    space = outline(" ", font)
    assert space.ops == () and space.width > 0


def test_later_letters_are_shifted_by_the_advance(theme: Any) -> None:
    font = theme.fonts.regular
    first, second = outline("l", font), outline("ll", font)
    xs = [op[1] for op in second.ops[len(first.ops) :] if op[0] in ("M", "L")]
    assert min(xs) >= first.width - 1  # the second letter starts where the first ends


def test_an_accented_letter_draws_its_composed_parts(theme: Any) -> None:
    font = theme.fonts.regular
    assert ord("é") in char_map(font)
    accented, plain = outline("é", font), outline("e", font)
    assert accented.ops.count(("Z",)) > plain.ops.count(("Z",))  # the accent's own contour comes along


def test_drawn_outlines_hold_no_extractable_text(theme: Any) -> None:
    shape = outline("SECRET", theme.fonts.bold)
    out = io.BytesIO()
    c = Canvas(out)
    path = c.beginPath()
    for kind, *xy in shape.ops:
        pts = [v / 20 + 100 for v in xy]  # type: ignore[operator]
        {"M": path.moveTo, "L": path.lineTo, "C": path.curveTo}.get(kind, lambda *a: path.close())(*pts)  # type: ignore[arg-type]
    c.drawPath(path, stroke=0, fill=1)
    c.save()
    assert "SECRET" not in pdfkit.pages(out.getvalue())[0]
