"""Text blocks -> paragraphs: paragraphs, headings, lists, quotes, code, rules and notes.

Handlers are `(node, container, ctx)`, where `container` is the python-docx body or a
table cell (anything with `add_paragraph`/`add_table`). The paragraph style says
everything about the look; only list numbering and page breaks are set on a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.writers.docx.context import Ctx, Fmt
from briefgen.writers.docx.fields import bookmark, run
from briefgen.writers.docx.footnotes import listed
from briefgen.writers.docx.inline import make_run, note_anchor
from briefgen.writers.docx.package.ooxml import el, set_ppr, spacing, val
from briefgen.writers.docx.styles import numbering, parastyles
from briefgen.writers.docx.styles.styles import BOLD_STYLES, style_id


def new_paragraph(container: Any, style: str | None = None) -> _Element:
    """Append an empty paragraph in `style` to `container`; returns its `w:p`."""
    p = opc.add_paragraph_element(container)
    if style and style != "Normal":  # (what `set_ppr` makes on an empty paragraph)
        p.append(el("w:pPr", None, val("w:pStyle", style_id(style))))
    return p


def text_paragraph(container: Any, style: str | None, inlines: tuple[m.Inline, ...], ctx: Ctx) -> _Element:
    """A paragraph in `style` holding `inlines`."""
    p = new_paragraph(container, style)
    bold, ctx.bold_paragraph = ctx.bold_paragraph, (style or "Normal") in BOLD_STYLES
    ctx.render_inlines(inlines, p, ctx, Fmt())
    ctx.bold_paragraph = bold
    return p


def paragraph_style(node: m.Paragraph, ctx: Ctx) -> str:
    if ctx.para_style:
        return ctx.para_style
    if ctx.box:
        return "Bottom Line Text" if ctx.box == "bottom-line" else "Box Text"
    return {"lead": "Lead", "small": "Small"}.get(node.style, "Normal")


def _paragraph(node: m.Paragraph, container: Any, ctx: Ctx) -> None:
    text_paragraph(container, paragraph_style(node, ctx), node.children, ctx)


def _heading(node: m.Heading, container: Any, ctx: Ctx) -> _Element:
    p = text_paragraph(container, f"Heading {min(max(node.level, 1), 6)}", node.children, ctx)
    if ctx.list_depth or ctx.para_style or ctx.box:
        # Inside a quote, list item, box or note: the heading's look, but body-text
        # outline level, so Word's contents and navigation skip it as contents.py does.
        set_ppr(p, val("w:outlineLvl", 9))
    if ctx.para_style == "Quote":
        _quote_bar(p, ctx)
    bookmark(p, node.anchor, ctx)
    return p


def _quote_bar(p: _Element, ctx: Ctx) -> None:
    """The Quote style's left bar and indents on `p`, a heading inside a quote: the very
    same border, so Word draws one bar down the quote's paragraphs and its heading."""
    ppr = ctx.docx.styles["Quote"].element.find(qn("w:pPr"))
    found = [] if ppr is None else [ppr.find(qn(tag)) for tag in ("w:pBdr", "w:ind")]
    set_ppr(p, *(deepcopy(e) for e in found if e is not None))


def _list(node: m.BulletList | m.OrderedList, container: Any, ctx: Ctx) -> None:
    is_ordered = isinstance(node, m.OrderedList)
    depth = ctx.list_depth + 1
    style = numbering.list_style(is_ordered, depth)
    ilvl = numbering.level_of(depth)
    if isinstance(node, m.OrderedList):
        num_id = numbering.restart(ctx.docx, node.start, ilvl)
    else:
        num_id = numbering.bullets(ctx.docx)
    # The PDF's indents: each list steps in by its own marker's room from its parent's
    # text. The styles (and numbering levels) hold one kind's steps; a mixed nesting, or
    # one deeper than the styles go, states its indent on the paragraph.
    b = ctx.theme.base_size * ctx.scale
    step, bullet = parastyles.list_step(is_ordered, b), parastyles.list_step(False, b)
    indent = ctx.list_indent + step
    marked = None if indent == numbering.indent_of(ilvl, step) and depth <= 3 else {"left": indent, "hanging": step}
    unmarked = None if indent == bullet * depth and depth <= 3 else {"left": indent}
    with scoped(ctx, list_depth=depth, list_indent=indent, para_style=None):
        for item in node.items:
            blocks = item.blocks
            first = blocks[0] if blocks and isinstance(blocks[0], m.Paragraph | m.Heading) else None
            if isinstance(first, m.Heading):  # numbered itself, not an empty paragraph above it
                p = _heading(first, container, ctx)
            else:
                p = text_paragraph(container, style, first.children if first else (), ctx)
            if num_id is not None:
                numbering.apply(p, num_id, ilvl)
            if marked:
                set_ppr(p, el("w:ind", marked))
            for block in blocks[1:] if first else blocks:
                if isinstance(block, m.Paragraph):
                    # Later paragraphs of an item line up with its text, unnumbered.
                    cont = "List Continue" + ("" if depth == 1 else f" {min(depth, 3)}")
                    p = text_paragraph(container, cont, block.children, ctx)
                    if unmarked:
                        set_ppr(p, el("w:ind", unmarked))
                else:
                    ctx.render_blocks((block,), container, ctx)
    last = _last_block(container)
    if depth == 1 and last is not None and last.tag == qn("w:p"):
        # List items sit close together; the last one gets the PDF's space after a list,
        # which no style can express (Word's contextual spacing would close the items up).
        set_ppr(last, spacing(after=ctx.list_gap))


def _last_block(container: Any) -> _Element | None:
    """The last paragraph or table in `container` (the body's sectPr is not a block)."""
    kinds = (qn("w:p"), qn("w:tbl"))
    return next((c for c in reversed(opc.element(container)) if c.tag in kinds), None)


def _quote(node: m.BlockQuote, container: Any, ctx: Ctx) -> None:
    with scoped(ctx, para_style="Quote"):
        ctx.render_blocks(node.blocks, container, ctx)


@contextmanager
def scoped(ctx: Ctx, **changes: Any) -> Iterator[Ctx]:
    """Set `ctx` attributes for a nested block scope, restoring them afterwards."""
    saved = {k: getattr(ctx, k) for k in changes}
    for k, v in changes.items():
        setattr(ctx, k, v)
    try:
        yield ctx
    finally:
        for k, v in saved.items():
            setattr(ctx, k, v)


def _code(node: m.CodeBlock, container: Any, ctx: Ctx) -> None:
    p = new_paragraph(container, "Code Block")
    p.append(run(node.text))


def _rule(node: m.Rule, container: Any, ctx: Ctx) -> None:
    new_paragraph(container, "Horizontal Rule")


def _notes(node: m.Notes, container: Any, ctx: Ctx) -> None:
    left = listed(node, ctx)  # the notes Word could not take as footnotes (footnotes.py)
    if not left:
        return
    new_paragraph(container, "Notes Rule")
    for note in left:
        blocks = note.blocks
        first = blocks[0] if blocks and isinstance(blocks[0], m.Paragraph) else None
        p = new_paragraph(container, "Notes")
        make_run(p, str(note.number), ctx, Fmt(), style="FootnoteReference")
        make_run(p, "\t", ctx, Fmt())
        if first:
            ctx.render_inlines(first.children, p, ctx, Fmt())
        bookmark(p, note_anchor(ctx.section_id, note.number), ctx)
        with scoped(ctx, para_style="Notes"):
            ctx.render_blocks(blocks[1:] if first else blocks, container, ctx)


BLOCK_TEXT_HANDLERS = {
    m.Paragraph: _paragraph,
    m.Heading: _heading,
    m.BulletList: _list,
    m.OrderedList: _list,
    m.BlockQuote: _quote,
    m.CodeBlock: _code,
    m.Rule: _rule,
    m.Notes: _notes,
}
