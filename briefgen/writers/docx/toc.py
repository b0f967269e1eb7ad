"""The table of contents: a real Word TOC field whose cached result is already filled in.

The instruction is `TOC \\o "1-2" \\h \\z \\u`, so Word's "Update field" rebuilds it from
the Heading 1–2 paragraphs. Until then the cached result lists what the PDF's contents
list (`contents.entries`: sections and headings of level 1–2) as hyperlinks to their
bookmarks, with the page numbers the PDF gave them when `toc_pages` is known; the file
never opens on an empty box, and an update changes numbers, not entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.model import nodes as m
from briefgen.model.contents import MAX_LEVEL, entries
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.body import drop_skipped_breaks
from briefgen.writers.docx.context import Ctx, bookmark_name
from briefgen.writers.docx.fields import field_begin, field_end, run
from briefgen.writers.docx.package.ooxml import el
from briefgen.writers.docx.pagerefs import fill_page_refs

INSTRUCTION = f'TOC \\o "1-{MAX_LEVEL}" \\h \\z \\u'


def write_toc(container: Any, doc: m.Document, ctx: Ctx, title: str = "Contents") -> None:
    new_paragraph(container, "TOC Heading").append(run(title))
    items = list(entries(doc))
    paragraphs: list[_Element] = []
    for level, text, anchor in items:
        p = new_paragraph(container, f"TOC {max(level, 1)}")
        link = _entry_link(p, anchor)
        link.append(run(" ".join(text.split())))
        ctx.toc_links.append((link, anchor))
        paragraphs.append(p)
    if not paragraphs:  # still a real, updatable field
        paragraphs.append(new_paragraph(container, "TOC 1"))
    first, last = paragraphs[0], paragraphs[-1]
    # The field opens before the first entry and closes after the last one.
    begin_runs = _detached(lambda holder: field_begin(holder, INSTRUCTION))
    ppr_end = 1 if first.find(qn("w:pPr")) is not None else 0
    for i, r in enumerate(begin_runs):
        first.insert(ppr_end + i, r)
    field_end(last)


def fill_toc_numbers(ctx: Ctx) -> None:
    """Give each contents entry its page number, once the PDF's pagination is known (and
    the page references theirs; the boxes the PDF floated move where it drew them, in
    every layout; the breaks the PDF skipped go).

    Called after the body is written: `ctx.toc_pages` may be a function that waits for
    the PDF, laid out meanwhile in another process.
    """
    pages = ctx.toc_pages() if callable(ctx.toc_pages) else ctx.toc_pages
    place_floats(ctx, getattr(pages, "floats", None))
    fill_page_refs(ctx, pages)
    drop_skipped_breaks(ctx, pages)
    for link, anchor in ctx.toc_links:
        page = (pages or {}).get(anchor)
        if page is not None:
            # Plain text, not a nested PAGEREF: Word's update brings its own fields back.
            link.append(run(f"\t{page}"))


def place_floats(ctx: Ctx, floats: Mapping[str, str] | None) -> None:
    """Move each box or figure the PDF floated (`PdfPages.floats`) after the block the
    PDF drew before it: Word cannot float one to the next page's top and fill the page
    it leaves with the text after it, so the DOCX takes the PDF's order."""
    for key, after in (floats or {}).items():
        moved, target = ctx.blocks.get(key), ctx.blocks.get(after)
        if not moved or not target:
            continue
        last = target[-1]
        for element in moved:
            last.addnext(element)
            last = element


def _entry_link(p: _Element, anchor: str) -> _Element:
    link = el("w:hyperlink", {"anchor": bookmark_name(anchor), "history": 1})
    p.append(link)
    return link


def _detached(build: Any) -> list[_Element]:
    """The elements `build` appends, collected in a scratch paragraph."""
    holder = el("w:p")
    build(holder)
    return list(holder)
