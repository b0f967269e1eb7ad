"""The dispatch tables: model node type -> DOCX handler, for blocks and for inlines.

A new node type means one handler and one row here. A type without a row is reported
with the author's file and line ("… cannot be rendered in DOCX"), never skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.errors import fail
from briefgen.model import nodes as m
from briefgen.writers.docx.blocks import BLOCK_TEXT_HANDLERS
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.figures import FIGURE_HANDLERS
from briefgen.writers.docx.inline import INLINE_HANDLERS, render_inlines
from briefgen.writers.docx.tables import TABLE_HANDLERS

BlockHandler = Callable[[Any, Any, Ctx], None]

BLOCK_HANDLERS: dict[type, BlockHandler] = {**BLOCK_TEXT_HANDLERS, **TABLE_HANDLERS, **FIGURE_HANDLERS}


def render_blocks(blocks: tuple[m.Block, ...], container: Any, ctx: Ctx) -> None:
    """Render `blocks` into `container` (the body or a table cell)."""
    for block in blocks:
        handler = BLOCK_HANDLERS.get(type(block))
        pos = getattr(block, "pos", m.NOWHERE)
        if handler is None:
            raise fail(
                pos,
                f"{type(block).__name__} block cannot be rendered in DOCX",
                "this is a briefgen bug: please report it",
            )
        outer, ctx.pos = ctx.pos, pos
        handler(block, container, ctx)
        ctx.pos = outer


__all__ = ["BLOCK_HANDLERS", "INLINE_HANDLERS", "render_blocks", "render_inlines"]
