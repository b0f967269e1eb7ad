"""Inline nodes -> runs. Runs carry character styles only (Strong, Emphasis, Code, Hyperlink…).

Note references are `footnotes.note_ref`'s: real Word footnotes where the layout allows.

Each handler is `(node, parent, ctx, fmt)`: `parent` is the `w:p` or `w:hyperlink`
receiving runs and `fmt` the formatting inherited from enclosing nodes. A run has one
character style; the rare second one (bold inside a link) becomes a plain toggle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml.etree import _Element

from briefgen.errors import fail
from briefgen.model import nodes as m
from briefgen.writers.docx.context import Ctx, Fmt, bookmark_name
from briefgen.writers.docx.footnotes import note_anchor as note_anchor  # where handlers and tests find it
from briefgen.writers.docx.footnotes import note_ref
from briefgen.writers.docx.package.ooxml import el, fonts, ordered, val
from briefgen.writers.docx.pagerefs import page_ref
from briefgen.writers.docx.symbols import pieces
from briefgen.writers.docx.text import plain, put_text

InlineHandler = Callable[[m.Inline, _Element, Ctx, Fmt], None]
PLAIN = Fmt()


def make_run(parent: _Element, text: str, ctx: Ctx, fmt: Fmt, style: str | None = None) -> _Element:
    """Append a run with `text` to `parent`; `style` overrides the one `fmt` implies."""
    flags = {"Strong": fmt.strong and not ctx.bold_paragraph, "Emphasis": fmt.emph, "Strikethrough": fmt.strike}
    if style is None:
        link_style = "CrossReference" if fmt.cross_ref else "Hyperlink"
        style = link_style if fmt.link else next((name for name, on in flags.items() if on), None)
    props: list[_Element | None] = [val("w:rStyle", style) if style else None]
    # Whatever the one character style does not cover is set as a toggle.
    if flags["Strong"] and style != "Strong":
        props += [el("w:b"), el("w:bCs")]
    if flags["Emphasis"] and style != "Emphasis":
        props += [el("w:i"), el("w:iCs")]
    if flags["Strikethrough"] and style != "Strikethrough":
        props.append(el("w:strike"))
    split = [(text, False)] if style == "Code" else pieces(text, ctx.symbol_chars)
    for piece, symbol in split:
        r = el("w:r")
        own = [*props, fonts(ctx.symbol_font)] if symbol else props
        if any(p is not None for p in own):
            r.append(ordered("w:rPr", own))
        put_text(r, piece)
        parent.append(r)
    return r


def _text(node: m.Text, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    make_run(parent, node.text, ctx, fmt)


def _wrap(flag: str) -> InlineHandler:
    def handler(node: m.Emph | m.Strong | m.Strike, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
        ctx.render_inlines(node.children, parent, ctx, replace(fmt, **{flag: True}))

    return handler


def _code(node: m.Code, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    make_run(parent, node.text, ctx, fmt, style="Code")


def _link(node: m.Link, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    target = node.target
    if fmt.link:
        ctx.render_inlines(node.children, parent, ctx, fmt)  # Word cannot nest hyperlinks
        return
    if target.startswith("#"):
        anchor = target[1:]
        if anchor not in ctx.anchors:
            # The target is not in this deliverable (a cut left it out): keep the words.
            ctx.render_inlines(node.children, parent, ctx, fmt)
            return
        link = el("w:hyperlink", {"anchor": bookmark_name(anchor), "history": 1})
        fmt = replace(fmt, cross_ref=True)
    else:
        part = ctx.story or ctx.docx.part  # a footnote's links are the footnotes part's
        rid = part.relate_to(plain(target), RT.HYPERLINK, is_external=True)
        link = el("w:hyperlink", {"r:id": rid, "history": 1})
    parent.append(link)
    ctx.render_inlines(node.children or (m.Text(target),), link, ctx, replace(fmt, link=True))


def _line_break(node: m.LineBreak, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    r = el("w:r")
    r.append(el("w:br"))
    parent.append(r)


INLINE_HANDLERS: dict[type, InlineHandler] = {
    m.Text: _text,
    m.Emph: _wrap("emph"),
    m.Strong: _wrap("strong"),
    m.Strike: _wrap("strike"),
    m.Code: _code,
    m.Link: _link,
    m.NoteRef: note_ref,
    m.LineBreak: _line_break,
    m.PageRef: page_ref,
}


def render_inlines(nodes: tuple[m.Inline, ...], parent: _Element, ctx: Ctx, fmt: Fmt = PLAIN) -> None:
    """Render `nodes` into `parent`; a node type without a handler is an error, never dropped."""
    for node in nodes:
        handler = INLINE_HANDLERS.get(type(node))
        if handler is None:
            raise fail(
                ctx.pos,
                f"inline element {type(node).__name__} cannot be rendered in DOCX",
                "this is a briefgen bug: please report it",
            )
        handler(node, parent, ctx, fmt)


def inline_text(nodes: tuple[m.Inline, ...]) -> str:
    """The plain text of inline nodes (for TOC entries and alt text)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, m.Text | m.Code):
            out.append(node.text)
        elif isinstance(node, m.LineBreak):
            out.append(" ")
        elif isinstance(node, m.NoteRef):
            continue
        else:
            out.append(inline_text(getattr(node, "children", ())))
    return "".join(out)
