"""The body of a deliverable: each section's heading (with its bookmark), then its blocks.

Also the pre-pass that lists every anchor the document will bookmark, so internal links
and note references point only at places that exist in this cut.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.layout import starts_page
from briefgen.model.walk import iter_blocks
from briefgen.writers.common.makeup import SECTION_GAP
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import bookmark, run
from briefgen.writers.docx.inline import note_anchor
from briefgen.writers.docx.keeps import keep_whole, render_keeping
from briefgen.writers.docx.package.ooxml import el, set_ppr, spacing, val
from briefgen.writers.docx.styles.styles import palette


def anchors(doc: m.Document) -> set[str]:
    """Section ids, heading anchors and note anchors of `doc`."""
    found: set[str] = set()
    for section in doc.sections:
        found.add(section.id)
        for block in iter_blocks(section.blocks):
            if isinstance(block, m.Heading) or (isinstance(block, m.Chart) and block.anchor):
                found.add(block.anchor)
            elif isinstance(block, m.Notes):
                found.update(note_anchor(section.id, n.number) for n in block.notes)
    return found


def write_sections(doc: m.Document, container: Any, ctx: Ctx, *, break_first: bool) -> None:
    """Every section in order. Page breaks: after a TOC, and where the cut's `break_before`
    (or a section's own `new_page`) asks for one, as the PDF takes them (a break the PDF
    skipped goes once its pages are known: `drop_skipped_breaks`)."""
    rule = doc.meta.break_before
    earlier: list[str] = []  # the anchors written so far, in order
    for i, section in enumerate(doc.sections):
        ctx.section_id = section.id
        ctx.pos = section.pos
        level = min(max(section.level, 1), 6)
        first = i == 0
        kicker = section.kicker
        written = set(opc.element(container)) if section.kind == "contact" else set()
        if kicker:  # as in the PDF: "Country profile · First tier" above a profile's title
            label = new_paragraph(container, "Section Kicker")
            label.append(run(kicker))
        big = section.level == 1 or section.kind == "country"
        # A big section's title has the PDF's h1 look at any level (`Section Title`).
        p = new_paragraph(container, "Section Title" if big and level > 1 else f"Heading {level}")
        if big and level > 2:
            set_ppr(p, val("w:outlineLvl", level - 1))
        # The first section already starts a page unless a TOC came before it.
        starter = label if kicker else p
        h2 = palette(ctx.theme).design.text("h2").before * ctx.theme.base_size * ctx.scale
        gap = h2 * SECTION_GAP if big else 0.0  # following on mid-page: air above the title, as the PDF's
        asked = not first and starts_page(section.level, section.kind, section.new_page, rule)
        if (first and break_first) or asked:
            set_ppr(starter, el("w:pageBreakBefore"))
            if asked and not section.new_page and earlier:  # the rule's, not the author's own
                ctx.rule_breaks.append((starter, section.id, tuple(earlier), gap))
        elif not first and gap:
            set_ppr(starter, spacing(before=gap))
        earlier.append(section.id)
        earlier.extend(b.anchor for b in iter_blocks(section.blocks) if isinstance(b, m.Heading))
        p.append(run(section.title))
        bookmark(p, section.id, ctx)
        if big:  # a section title, as the PDF's h1: its rule below
            new_paragraph(container, "Section Rule")
        render_keeping(section.blocks, container, ctx, lambda: _last_paragraph(container))
        if section.kind == "contact":  # the back matter moves whole, as the PDF's: no page of one stray line
            keep_whole([c for c in opc.element(container) if c not in written])
            ctx.back_matter = (starter, section.id)


def _last_paragraph(container: Any) -> Any:
    tag = qn("w:p")
    return next((c for c in reversed(opc.element(container)) if c.tag == tag), None)


def drop_skipped_breaks(ctx: Ctx, pages: Mapping[str, int] | None) -> None:
    """Make the page breaks the PDF made, once its pages are known.

    The PDF skips a break the cut's rule asked for where the page before would hold under
    six lines (`SectionBreak`): the DOCX drops it too. The PDF says which it skipped
    (`PdfPages.followed`); from bare page numbers, a skipped break shows only as the
    section sharing its page with a heading before it, and the other breaks stay.

    The back matter (the contact page) moves whole to a new page where the PDF's did:
    Word and LibreOffice cannot keep its box (a table) with the lines after it.
    """
    if not pages:
        return
    followed = getattr(pages, "followed", None)
    for starter, section_id, before, gap in ctx.rule_breaks:
        if followed is not None:
            skipped = section_id in followed
        else:
            page = pages.get(section_id)
            skipped = page is not None and page in {pages.get(anchor) for anchor in before}
        if not skipped:
            continue
        ppr = starter.find(qn("w:pPr"))
        ppr.remove(ppr.find(qn("w:pageBreakBefore")))
        if gap:
            set_ppr(starter, spacing(before=gap))
    if ctx.back_matter and ctx.back_matter[1] in getattr(pages, "tops", ()):
        _break_before(ctx.back_matter[0])


def _break_before(starter: _Element) -> None:
    """`starter` begins a page, without the air a title has mid-page (a page's top drops it)."""
    ppr = starter.find(qn("w:pPr"))
    if ppr.find(qn("w:pageBreakBefore")) is not None:
        return
    gap = ppr.find(qn("w:spacing"))
    if gap is not None:
        gap.attrib.pop(qn("w:before"), None)
    set_ppr(starter, el("w:pageBreakBefore"))
