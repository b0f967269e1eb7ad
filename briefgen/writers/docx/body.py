"""The body of a deliverable: each section's heading (with its bookmark), then its blocks.

Also the pre-pass that lists every anchor the document will bookmark, so internal links
and note references point only at places that exist in this cut.
"""

from __future__ import annotations

from typing import Any

from briefgen.model import nodes as m
from briefgen.model.layout import starts_page
from briefgen.model.walk import iter_blocks
from briefgen.writers.common.makeup import SECTION_GAP
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import bookmark, run
from briefgen.writers.docx.inline import note_anchor
from briefgen.writers.docx.package.ooxml import el, set_ppr, spacing
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
    (or a section's own `new_page`) asks for one, as the PDF takes them."""
    rule = doc.meta.break_before
    for i, section in enumerate(doc.sections):
        ctx.section_id = section.id
        ctx.pos = section.pos
        level = min(max(section.level, 1), 6)
        first = i == 0
        kicker = section.kicker
        if kicker:  # as in the PDF: "Country profile · First tier" above a profile's title
            label = new_paragraph(container, "Section Kicker")
            label.append(run(kicker))
        p = new_paragraph(container, f"Heading {level}")
        # The first section already starts a page unless a TOC came before it.
        starter = label if kicker else p
        big = section.level == 1 or section.kind == "country"
        if (first and break_first) or (not first and starts_page(section.level, section.kind, section.new_page, rule)):
            set_ppr(starter, el("w:pageBreakBefore"))
        elif not first and big:  # following on mid-page: air above the title, as the PDF's
            h2 = palette(ctx.theme).design.text("h2").before * ctx.theme.base_size * ctx.scale
            set_ppr(starter, spacing(before=h2 * SECTION_GAP))
        p.append(run(section.title))
        bookmark(p, section.id, ctx)
        if big:  # a section title, as the PDF's h1: its rule below
            new_paragraph(container, "Section Rule")
        ctx.render_blocks(section.blocks, container, ctx)
