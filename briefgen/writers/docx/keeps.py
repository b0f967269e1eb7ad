"""Word's keep-with-next for a paragraph that leads into what follows it, as the PDF's
make-up keeps one (`writers/pdf/makeup.py`, `keep_headings`).

Right after a heading, a lead-in of at most `LEAD_IN_LINES` lines stays on the page of
the table or box after it (the table's first rows, the whole box), and a one-line
paragraph with the first lines after it. Anywhere else, a paragraph ending in a colon
of up to `LEAD_IN_LINES` lines keeps with its table, box or list. Only the body's own blocks: cells, boxes
and lists keep their text as they are. The contact page, with its colophon, moves whole
(`keep_whole`): a last page is never one stray line. A list never leaves a one-line
first or last item alone over a page break (`keep_list_ends`, the PDF's `KeptList`).

Lines are counted as the PDF breaks them: greedily at spaces, with the brand's advance
widths at the paragraph's size, across the text column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.design.system import scaled
from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.walk import plain
from briefgen.writers.common.columns import text_width
from briefgen.writers.common.makeup import HEAD_LINES, LEAD_IN_LINES, LIST_LONE_LINES
from briefgen.writers.common.pagination import block_key
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.package.ooxml import added, el, mark, set_ppr
from briefgen.writers.docx.styles.styler import list_step
from briefgen.writers.docx.styles.styles import palette

_LISTS = (m.BulletList, m.OrderedList)


def render_keeping(blocks: tuple[m.Block, ...], container: Any, ctx: Ctx, last_paragraph: Callable[[], Any]) -> None:
    """Render a section's `blocks` one by one into the body, then keep each lead-in with
    what follows it. `last_paragraph()` is the body's last `w:p` (or None)."""
    after_heading = True  # the section's own title is just above its first block
    body = opc.element(container)
    for i, block in enumerate(blocks):
        since = mark(body)
        ctx.render_blocks((block,), container, ctx)
        ctx.blocks[block_key(ctx.section_id, i)] = added(body, since)
        if isinstance(block, _LISTS):
            keep_list_ends(block, ctx.blocks[block_key(ctx.section_id, i)], ctx)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if leads_in(block, nxt, after_heading, ctx):
            p = last_paragraph()
            if p is not None:
                keep_with_next(p)
        after_heading = isinstance(block, m.Heading)


def leads_in(block: m.Block, nxt: m.Block | None, after_heading: bool, ctx: Ctx) -> bool:
    """Whether `block` is a paragraph the PDF keeps with `nxt` (see the module docstring)."""
    if not isinstance(block, m.Paragraph) or nxt is None:
        return False
    # A data table or a box: a lead-in of up to LEAD_IN_LINES lines goes with it.
    boxed = isinstance(nxt, m.Callout) or (isinstance(nxt, m.Table) and nxt.kind == "data")
    if after_heading:
        if not (boxed or isinstance(nxt, (*_LISTS, m.Paragraph))):
            return False
    elif plain(block.children).rstrip().endswith(":") and (boxed or isinstance(nxt, _LISTS)):
        boxed = True  # "…as follows:" keeps with its list as with a table (the PDF's `lead`)
    else:
        return False
    count = lines(block, ctx)
    return count <= LEAD_IN_LINES if boxed else count < HEAD_LINES


def keep_list_ends(block: m.BulletList | m.OrderedList, made: list[_Element], ctx: Ctx) -> None:
    """A list of one paragraph per item: a first item of `LIST_LONE_LINES` keeps with the
    next, and the item before a last item that short keeps with it (Word's widow control
    then leaves two of its lines with the last)."""
    paragraphs = [e for e in made if e.tag == qn("w:p")]
    items = block.items
    if len(items) < 2 or len(paragraphs) != len(items) or len(paragraphs) != len(made):
        return
    if not all(len(i.blocks) == 1 and isinstance(i.blocks[0], m.Paragraph) for i in items):
        return
    # points: a top-level item's text indent, the PDF's (its marker's room)
    inset = list_step(isinstance(block, m.OrderedList), ctx.theme.base_size * ctx.scale) / 20
    if lines(items[0].blocks[0], ctx, inset) <= LIST_LONE_LINES:  # type: ignore[arg-type]
        keep_with_next(paragraphs[0])
    if len(items) > 2 and lines(items[-1].blocks[0], ctx, inset) <= LIST_LONE_LINES:  # type: ignore[arg-type]
        keep_with_next(paragraphs[-2])


def lines(block: m.Paragraph, ctx: Ctx, inset: float = 0.0) -> int:
    """The lines `block` takes across the text column (less `inset` points), broken greedily at spaces."""
    design = palette(ctx.theme).design
    role = {"lead": "lead", "small": "small"}.get(block.style, "body")
    size = scaled(design.text(role), ctx.theme.base_size * ctx.scale).size
    font = ctx.theme.fonts.regular
    room, space = ctx.width / 20 - inset, text_width(" ", font, size)
    count, used = 1, 0.0
    for word in plain(block.children).split():
        width = text_width(word, font, size)
        if used and used + space + width > room:
            count, used = count + 1, width
        else:
            used = used + space + width if used else width
    return count


def keep_with_next(p: _Element) -> None:
    set_ppr(p, el("w:keepNext"))


def keep_whole(blocks: list[_Element]) -> None:
    """`blocks` (paragraphs and tables) on one page: every paragraph, those in the tables'
    cells too, kept whole and with the next, but the last."""
    paragraphs = [p for b in blocks for p in ([b] if b.tag == qn("w:p") else b.iter(qn("w:p")))]
    for p in paragraphs[:-1]:
        set_ppr(p, el("w:keepNext"), el("w:keepLines"))
