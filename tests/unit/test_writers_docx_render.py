"""writers.docx.render: the dispatch tables cover every model type, and a block type
without a handler is an error at the author's line, never skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import docxkit
import pytest

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.writers.docx.render import BLOCK_HANDLERS, INLINE_HANDLERS


def test_every_block_and_inline_type_has_a_handler() -> None:
    assert set(BLOCK_HANDLERS) == set(m.BLOCK_TYPES)
    assert set(INLINE_HANDLERS) == set(m.INLINE_TYPES)


def test_a_div_left_unresolved_is_reported_at_its_line(theme: Any) -> None:
    c = docxkit.ctx(theme)
    div = m.Div((), ("note",), (), Pos("sections/a.md", 8))
    with pytest.raises(BriefgenError) as caught:
        docxkit.render(c, m.Paragraph((m.Text("before"),)), div)
    [d] = caught.value.diagnostics
    assert (d.pos, d.message) == (Pos("sections/a.md", 8), "Div block cannot be rendered in DOCX")


def test_the_block_being_written_is_the_position_for_its_inlines_and_is_restored(theme: Any) -> None:
    seen: list[Pos] = []

    @dataclass(frozen=True)
    class Probe:
        pos: Pos

    c = docxkit.ctx(theme)
    BLOCK_HANDLERS[Probe] = lambda node, container, ctx: seen.append(ctx.pos)
    try:
        c.pos = Pos("outer.md", 1)
        docxkit.render(c, Probe(Pos("inner.md", 5)))
    finally:
        del BLOCK_HANDLERS[Probe]
    assert seen == [Pos("inner.md", 5)] and c.pos == Pos("outer.md", 1)
