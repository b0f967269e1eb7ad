"""DOCX writer: the document model and the brand theme -> a Word file a client can edit.

    write_docx(doc, theme, out, toc_pages=None, scale=1.0)

reads like the build: start from python-docx's template; restyle its built-in styles
from the theme (stylesheet: styles, parastyles, tablestyles, numbering, wordtheme,
fonts); write the layout's front matter (cover, toc; the summary's band) and running
heads (pages, watermark); render each section (body) through the dispatch tables
(render: blocks, inline, tables, figures, fields; notes as Word footnotes: footnotes); set file properties (props); embed
the brand fonts, subset to the text (embedfonts); save a reproducible zip (package).
All text passes through `text.clean` into the XML.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION

from briefgen.design.theme import Theme
from briefgen.errors import Pos, fail
from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.docx import footnotes
from briefgen.writers.docx.body import anchors, write_sections
from briefgen.writers.docx.context import Ctx, bookmark_name
from briefgen.writers.docx.cover import report_cover, summary_band, summary_strip_mm
from briefgen.writers.docx.package import package, props
from briefgen.writers.docx.package.embedfonts import embed_fonts
from briefgen.writers.docx.pages import marking_only, running_heads, setup_page, setup_summary_page
from briefgen.writers.docx.render import BLOCK_HANDLERS, INLINE_HANDLERS, render_blocks, render_inlines
from briefgen.writers.docx.styles import stylesheet
from briefgen.writers.docx.styles.parastyles import list_gap, paragraph_gap
from briefgen.writers.docx.styles.styles import palette, text_width_twips
from briefgen.writers.docx.symbols import fallback_chars
from briefgen.writers.docx.text import clean
from briefgen.writers.docx.toc import fill_toc_numbers, write_toc

LAYOUTS = tuple(Layout)

__all__ = ["BLOCK_HANDLERS", "INLINE_HANDLERS", "LAYOUTS", "bookmark_name", "clean", "write_docx"]


@lru_cache(maxsize=8)
def _styled_blank(theme: Theme, scale: float, compact: bool) -> DocxDocument:
    """An empty document carrying the brand's styles, numbering, theme and font table,
    as python-docx opens it from a file: never written to, only copied (`_blank_copy`).

    Made once per look: defining some 60 styles took longer than writing a short
    annex's text, and copying the opened package is quicker than unzipping and parsing
    it again for each deliverable.
    """
    document = docx.Document()
    stylesheet.install(document, theme, scale, compact=compact)
    blank = io.BytesIO()
    document.save(blank)
    return docx.Document(io.BytesIO(blank.getvalue()))


def _blank_copy(theme: Theme, scale: float, compact: bool) -> DocxDocument:
    """A document of its own, to write one deliverable in: a deep copy of the opened
    blank (its parts, relationships and XML trees; a fresh open holds no proxy over an
    inner element that a copy could cut loose from its tree)."""
    return copy.deepcopy(_styled_blank(theme, scale, compact))


def write_docx(
    doc: m.Document,
    theme: Theme,
    out: BinaryIO | Path,
    *,
    toc_pages: Mapping[str, int] | Callable[[], Mapping[str, int] | None] | None = None,
    scale: float = 1.0,
) -> None:
    """Write `doc` as a .docx to `out` (a path or a binary stream).

    `toc_pages` maps section ids / heading anchors to their page in the PDF, shown in the
    cached table of contents; it may be a function returning that map, called once the
    body is written (the PDF may still be in the making elsewhere); `scale` multiplies every font size (one-page summary).
    Raises BriefgenError for anything that cannot be rendered, with the author's position.
    """
    if doc.meta.layout not in LAYOUTS:
        raise fail(Pos("<briefing>"), f"unknown layout '{doc.meta.layout}' for DOCX", "use report, annex or summary")
    layout = Layout(doc.meta.layout)
    if not 0.3 <= scale <= 3.0:
        raise fail(Pos("<briefing>"), f"font scale {scale} is out of range", "use a scale between 0.3 and 3")
    document = _blank_copy(theme, scale, layout == Layout.SUMMARY)
    ctx = Ctx(
        docx=document,
        theme=theme,
        meta=doc.meta,
        scale=scale,
        toc_pages=toc_pages,
        render_blocks=render_blocks,
        render_inlines=render_inlines,
        anchors=anchors(doc),
    )
    ctx.footnotes = footnotes.plan(doc)
    ctx.width = text_width_twips(theme, measured=layout != Layout.SUMMARY)
    ctx.symbol_font, ctx.symbol_chars = palette(theme).symbol_font, fallback_chars(theme)
    ctx.paragraph_gap = paragraph_gap(theme.base_size * scale, compact=layout == Layout.SUMMARY)
    ctx.list_gap = list_gap(theme.base_size * scale, compact=layout == Layout.SUMMARY)
    body = opc.body(document)
    first = document.sections[0]
    setup_page(first, ctx)

    if layout == Layout.SUMMARY:
        setup_summary_page(first, ctx, summary_strip_mm(ctx))
        running_heads(first, ctx, running_head=False, page_numbers=False)
        # (a heading may bind its last words with a no-break space: compare the words)
        titles = {" ".join(section.title.split()) for section in doc.sections}
        summary_band(body, ctx, show_title=" ".join(doc.meta.title.split()) not in titles)
        write_sections(doc, body, ctx, break_first=False)
    else:
        report_cover(body, ctx, annex=layout == Layout.ANNEX)
        marking_only(first, ctx)
        main = document.add_section(WD_SECTION.NEW_PAGE)
        setup_page(main, ctx, measured=True)
        running_heads(main, ctx)
        if layout == Layout.REPORT:
            write_toc(body, doc, ctx, doc.meta.labels.contents)
        write_sections(doc, body, ctx, break_first=layout == Layout.REPORT)

    footnotes.finish(ctx)
    props.set_properties(document, doc.meta, theme)
    package.tidy(document)
    embed_fonts(document, theme)  # the contents' page numbers are digits: always embedded
    package.save(document, out, props.build_time(doc.meta), before_body=lambda: fill_toc_numbers(ctx))
