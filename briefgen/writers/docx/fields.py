"""Word fields (PAGE, NUMPAGES, SEQ, TOC, PAGEREF) and bookmarks.

A field is written as complex-field runs, begin / instruction / separate / cached
result / end, so the file shows the right text before Word recalculates anything and
Word's "Update field" can rebuild it.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.writers.docx.context import Ctx, bookmark_name
from briefgen.writers.docx.package.ooxml import el, val
from briefgen.writers.docx.text import plain, put_text


def run(text: str = "", style: str | None = None) -> _Element:
    """A `w:r` holding `text`, with an optional character style id."""
    r = el("w:r")
    if style:
        r.append(el("w:rPr", None, val("w:rStyle", style)))
    if text:
        put_text(r, text)
    return r


def _char(kind: str, style: str | None, dirty: bool = False) -> _Element:
    r = run(style=style)
    r.append(el("w:fldChar", {"fldCharType": kind, **({"dirty": "true"} if dirty else {})}))
    return r


def field_begin(parent: _Element, instruction: str, style: str | None = None) -> None:
    """Open a complex field in `parent` (a `w:p` or `w:hyperlink`) up to its separator."""
    parent.append(_char("begin", style))
    r = run(style=style)
    instr = el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {plain(instruction)} "
    r.append(instr)
    parent.append(r)
    parent.append(_char("separate", style))


def field_end(parent: _Element, style: str | None = None) -> None:
    parent.append(_char("end", style))


def field(parent: _Element, instruction: str, result: str, style: str | None = None) -> None:
    """A whole field in one go: `result` is what shows until Word updates it."""
    field_begin(parent, instruction, style)
    if result:
        parent.append(run(result, style))
    field_end(parent, style)


def bookmark(paragraph: _Element, anchor: str, ctx: Ctx) -> None:
    """Wrap the content of `paragraph` in a bookmark for `anchor` (a section id or heading anchor).

    A name already used is skipped: Word keeps only one bookmark per name anyway.
    """
    name = bookmark_name(anchor)
    if name in ctx.bookmarks:
        return
    ctx.bookmarks.add(name)
    ident = ctx.bookmark_id()
    start = el("w:bookmarkStart", {"id": ident, "name": name})
    ppr = paragraph.find(qn("w:pPr"))
    paragraph.insert(0 if ppr is None else list(paragraph).index(ppr) + 1, start)
    paragraph.append(el("w:bookmarkEnd", {"id": ident}))
