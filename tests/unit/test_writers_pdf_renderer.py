"""writers.pdf.renderer: the state handlers share: dispatch through the table, each
flowable tagged with its block's line, an error for a block type without a handler, and
inner renderers one box deeper that share styles and the table."""

from __future__ import annotations

from typing import Any

import pdfkit
import pytest

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m


def test_flowables_carry_their_blocks_source_line(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    flows = r.blocks((m.Paragraph((m.Text("x"),), Pos("s.md", 4)), m.Rule(Pos("s.md", 6))))
    assert [f.source_pos for f in flows] == [Pos("s.md", 4), Pos("s.md", 6)]


def test_a_block_without_a_handler_is_an_error_at_its_line(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    with pytest.raises(BriefgenError) as caught:
        r.blocks((m.Div((), ("x",), (), Pos("s.md", 9)),))
    [d] = caught.value.diagnostics
    assert (d.pos, d.message) == (Pos("s.md", 9), "Div cannot be rendered in PDF")


def test_an_inner_renderer_is_narrower_one_level_deeper_and_shares_the_rest(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    r.figures, r.paragraph_style = 2, "quote"
    inner = r.inner(100)
    assert (inner.width, inner.depth, inner.figures, inner.paragraph_style) == (100, 1, 2, "quote")
    assert inner.styles is r.styles and inner.handlers is r.handlers and inner.extras is r.extras
    assert inner.inner(50).depth == 2


def test_para_uses_the_forced_style_inside_quotes_and_notes(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    assert r.para((m.Text("x"),), "lead").style is r.styles["lead"]
    r.paragraph_style = "note"
    assert r.para((m.Text("x"),), "lead").style is r.styles["note"]
    assert r.design.colors.rule  # the theme's design, from extras
