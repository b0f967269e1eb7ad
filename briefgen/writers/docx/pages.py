"""Page geometry and the running heads and feet of every Word section.

Report and annex: the cover section has a different first page whose header and footer
hold only the client's marking; the body section has the short title (an annex's cut
title) and brand name on top, and the brand footer with "Page N of M" (PAGE / NUMPAGES
fields) below, as the PDF has them (`design/wording.py` words both). The marking,
when there is one, is in every header and footer of every section, with an optional
diagonal VML watermark in every header.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.shared import Mm
from lxml.etree import _Element

from briefgen.design.spacing import MM
from briefgen.design.system import body_margins_mm
from briefgen.design.wording import running_foot, running_title
from briefgen.fonts.fontfile import advances
from briefgen.libs import opc_internals as opc
from briefgen.model.labels import fill
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import run
from briefgen.writers.docx.labels import label_runs
from briefgen.writers.docx.package.ooxml import el, set_ppr, spacing, val
from briefgen.writers.docx.styles.styles import palette, style_id
from briefgen.writers.docx.text import plain
from briefgen.writers.docx.watermark import watermark_run


def setup_page(section: DocxSection, ctx: Ctx, *, measured: bool = False) -> None:
    """Page size and margins from the theme; `measured`: body pages, whose text column
    keeps the design's measure (as the PDF's)."""
    width, height = ctx.theme.page_mm
    top, right, bottom, left = body_margins_mm(ctx.theme) if measured else ctx.theme.margins_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    page = palette(ctx.theme).design.page
    section.header_distance = Mm(min(page.header_distance, top * page.header_share))
    section.footer_distance = Mm(min(page.header_distance, bottom * page.header_share))
    section.gutter = 0


def setup_summary_page(section: DocxSection, ctx: Ctx, strip_mm: float) -> None:
    """The summary's page: its top margin puts the band's table on the full-bleed band
    (below the marking's strip), its foot margin is the PDF's."""
    setup_page(section, ctx)
    page = palette(ctx.theme).design.page
    section.top_margin = Mm(strip_mm + page.word_band_inset)
    section.bottom_margin = Mm(page.summary_bottom)
    section.header_distance = Mm(page.word_summary_head)
    section.footer_distance = Mm(min(page.header_distance, page.summary_bottom * page.header_share))


def short_title(title: str, limit: int = 60) -> str:
    """The running-head title: the whole title, or its part before a dash or colon."""
    if len(title) <= limit:
        return title
    for sep in (": ", " – ", " — ", " - "):
        if sep in title:
            return title.split(sep, 1)[0]
    return title[: limit - 1].rsplit(" ", 1)[0] + "…"


def _paragraph(story: _Element, style: str) -> _Element:
    p = el("w:p")
    set_ppr(p, val("w:pStyle", style_id(style)))
    story.append(p)
    return p


def _reset(story: _Element) -> _Element:
    for child in list(story):
        story.remove(child)
    return story


def _marking(story: _Element, ctx: Ctx, style: str = "Marking") -> None:
    marking = ctx.meta.marking
    if marking and marking.text.strip():
        _paragraph(story, style).append(run(marking.text))


def _watermark(first: _Element, ctx: Ctx) -> None:
    marking = ctx.meta.marking
    if marking and marking.watermark.strip():
        pal = palette(ctx.theme)
        ctx.watermarks += 1
        look, text = pal.design.watermark, plain(marking.watermark)
        units, advance = advances(ctx.theme.heading_fonts.bold)
        width_em = sum(advance.get(ord(ch), advance.get(0x20, units // 2)) for ch in text) / units
        size = look.fitted(width_em, (ctx.theme.page_mm[0] * MM, ctx.theme.page_mm[1] * MM))
        box = (width_em * size, look.line * size)
        first.append(watermark_run(text, ctx.watermarks, pal.watermark, pal.head_font, box, look.word_opacity))


def marking_only(section: DocxSection, ctx: Ctx) -> None:
    """Cover pages: no running heads; the marking (on the band, in its legible colour) and
    watermark on top; the document ID, the brand's tagline and the marking below, as the
    PDF's cover has them."""
    section.different_first_page_header_footer = True
    for header in (section.first_page_header, section.header):
        story = _reset(opc.unlinked_story(header))
        _marking(story, ctx, "Marking On Band")
        if not len(story):
            story.append(el("w:p"))  # a header needs a paragraph; the Header style would draw its rule
        _watermark(story.find(qn("w:p")), ctx)
    meta = ctx.meta
    for footer in (section.first_page_footer, section.footer):
        story = _reset(opc.unlinked_story(footer))
        if meta.document_id and meta.client_name:
            _paragraph(story, "Cover Small").append(run(fill(meta.labels.document, id=meta.document_id)))
        if ctx.theme.tagline.strip():
            tagline = _paragraph(story, "Cover Small")
            tagline.append(run(ctx.theme.tagline))
            if meta.marking and meta.marking.text.strip():  # the marking at the page's foot, as in the PDF
                page = palette(ctx.theme).design.page
                set_ppr(tagline, spacing(after=(page.cover_tagline - page.marking_bottom) * MM / 2))
        _marking(story, ctx)
        if not len(story):
            story.append(el("w:p"))


def running_heads(section: DocxSection, ctx: Ctx, running_head: bool = True, page_numbers: bool = True) -> None:
    """Body pages: marking and running head on top; page x of y and brand footer below.

    The one-page summary has its title in the band: no running head, no page numbers.
    """
    section.different_first_page_header_footer = False
    header = section.header
    story = _reset(opc.unlinked_story(header))
    _marking(story, ctx)
    if running_head:
        head = _paragraph(story, "Header")
        meta = ctx.meta
        head.append(run(short_title(running_title(meta.title, meta.cut_title, meta.layout))))
        head.append(run("\t" + ctx.theme.name))
    if not len(story):  # a header needs a paragraph: 1 pt high, so the summary's band stays where it is
        empty = el("w:p")
        set_ppr(empty, spacing(before=0, after=0, line=1, exact=True))
        story.append(empty)
    _watermark(story.find(qn("w:p")), ctx)

    footer = section.footer
    story = _reset(opc.unlinked_story(footer))
    if page_numbers:  # as the PDF's: the brand's footer left, "Page N of M" right
        foot = _paragraph(story, "Footer")
        text = running_foot(ctx.theme.footer, ctx.meta.document_id, ctx.meta.client_name)
        fields = {"page": ("PAGE", "1"), "pages": ("NUMPAGES", "1")}
        label_runs(foot, ctx.meta.labels.page_of, fields, before=text + "\t")
    _marking(story, ctx)
    if not len(story):
        story.append(el("w:p"))  # a footer needs a paragraph
