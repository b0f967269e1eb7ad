"""Page references in the DOCX: ", p. N" after a cross-reference (`model.PageRef`), as a
PAGEREF field to the target's bookmark, so Word and LibreOffice keep it right as they
lay the document out.

The field's shown result is the PDF's page for the target, filled in once the PDF is
paginated (`fill_page_refs`, beside the contents' numbers). As in the PDF, only a target
that comes earlier in the document gets a reference: its bookmark is already written.
"""

from __future__ import annotations

from typing import Any

from lxml.etree import _Element

from briefgen.model import nodes as m
from briefgen.writers.docx.context import Ctx, bookmark_name
from briefgen.writers.docx.fields import field_begin, field_end, run
from briefgen.writers.docx.text import put_text


def page_ref(node: m.PageRef, parent: _Element, ctx: Ctx, _fmt: Any) -> None:
    name = bookmark_name(node.target)
    if name not in ctx.bookmarks:
        return  # a target further on: the one-pass PDF cannot number it either
    parent.append(run(f", {ctx.meta.labels.page_ref}\u00a0"))
    field_begin(parent, f"PAGEREF {name} \\h")
    result = run()
    parent.append(result)
    field_end(parent)
    ctx.page_refs.append((result, node.target))


def fill_page_refs(ctx: Ctx, pages: dict[str, int] | None) -> None:
    """Show each reference's page as the PDF has it (Word's and LibreOffice's own layout
    then update it); without the PDF's pages, the field shows nothing until updated."""
    for result, anchor in ctx.page_refs:
        page = (pages or {}).get(anchor)
        if page is not None:
            put_text(result, str(page))
