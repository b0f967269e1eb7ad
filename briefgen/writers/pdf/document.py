"""The PDF writer: a document model in, PDF bytes out (reportlab platypus).

Cover and contents come first for reports and annexes; sections follow with bookmarks,
a clickable contents page and running furniture. Builds are reproducible: reportlab's
invariant mode, with the timestamp taken from SOURCE_DATE_EPOCH or the briefing date.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable, LayoutError

from briefgen.design.system import body_margins_mm, design_of
from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.fonts.register import register
from briefgen.libs.rl_internals import fix_timestamp
from briefgen.model import nodes as m
from briefgen.model.contents import outline_headings
from briefgen.model.layout import BreakBefore, Layout, starts_page
from briefgen.model.walk import plain
from briefgen.writers.common.figures import MAX_HEIGHT_SHARE
from briefgen.writers.common.makeup import SECTION_GAP
from briefgen.writers.common.pagination import PdfPages
from briefgen.writers.pdf import archival
from briefgen.writers.pdf.blocks import HANDLERS
from briefgen.writers.pdf.contents import contents_flowables
from briefgen.writers.pdf.floats import End, Floats, last_block_key
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.makeup import Keep, SectionBreak, allow_widows, keep_headings
from briefgen.writers.pdf.packing import pack
from briefgen.writers.pdf.pagerefs import laying_out
from briefgen.writers.pdf.pages import Furniture, NumberedCanvas, summary_strip
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.styles import build_styles, palette
from briefgen.writers.pdf.tagging import Tagger
from briefgen.writers.pdf.tagmodel import Tags
from briefgen.writers.pdf.textblocks import Anchored

rl_config.invariant = 1
rl_config.trustedHosts = []  # never fetch anything from the network
rl_config.useA85 = 0  # binary streams: ASCII85 would cost time and a quarter more bytes


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    anchor_pages: PdfPages  # and the blocks floated, for the DOCX


def source_epoch(date: str) -> int:
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    try:
        return int(datetime.fromisoformat(date).replace(tzinfo=UTC).timestamp())
    except ValueError:
        return 946684800


MAX_STEPS_PER_PAGE = 5000  # a page holds a few hundred pieces at most


class _Doc(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, *, outline: frozenset[str], floats: Floats | None, **kw: Any):
        super().__init__(buffer, **kw)
        self.floats = floats  # boxes and figures that wait for the next page (floats.py)
        self._drawn: Flowable | None = None  # the flowable added last
        self.anchor_pages = PdfPages()  # and where boxes and figures floated, for the DOCX
        self._block: str | None = None  # the key of the last top-level block drawn (of which a part was)
        self._handling: str | None = None  # the key of the one handled now (its split parts have none)
        self._floating: str | None = None  # the key of a floated block until a part of it is drawn
        self.outline = outline  # the keys that get a bookmark in the outline
        self.outline_level = -1  # the level of the last entry added
        self._steps = (0, 0)  # (page, flowables handled on it): a bound on layout that goes nowhere
        self._last_pos: Pos | None = None  # the last block with a source position
        self._top = 0  # the last page whose first flowable is drawn

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self.floats and flowables:
            self.floats.before(self, flowables)
            if not flowables:
                return
        first = flowables[0] if flowables else None
        self._handling = last_block_key(first) if first is not None else None
        if first is not None and first.__dict__.get("deferred"):  # (it may move on whole, or split, first)
            self._floating = first.__dict__.get("block_key")
        self._drawn = None
        self._last_pos = getattr(first, "source_pos", None) or self._last_pos
        page, steps = self._steps
        self._steps = (self.page, steps + 1 if page == self.page else 1)
        if self._steps[1] > MAX_STEPS_PER_PAGE:
            # reportlab can split some boxes nested in boxes into themselves for ever
            # without moving to a new page: stop, and name the block.
            raise BriefgenError(
                [
                    Diagnostic(
                        self._last_pos or Pos("<document>"),
                        "this block cannot be laid out: its boxes nested in boxes (quotes, call-outs, "
                        "lists with tables) keep splitting without filling the page",
                        "nest fewer boxes inside one another here, or move the table out of the box",
                    )
                ]
            )
        try:
            super().handle_flowable(flowables)
        except LayoutError as exc:
            # Something that cannot fit even an empty page: name its source, never crash.
            pos = getattr(first, "source_pos", None) or Pos("<document>")
            raise BriefgenError(
                [
                    Diagnostic(
                        pos,
                        f"this block cannot be laid out on a page: {str(exc).split(' ', 1)[0]}",
                        "split it, or make it smaller",
                    )
                ]
            ) from None
        if self.floats:
            self.floats.after(flowables, first, self._drawn)

    def _note_drawn(self, drawn: Flowable) -> None:
        """Record a floated block (or its first part) with the block drawn before it; else
        note the block drawn (a split part, or a group of blocks: the last)."""
        if isinstance(drawn, ActionFlowable | FrameActionFlowable):
            return  # a page or frame change
        if self._floating:
            if self._block:
                self.anchor_pages.floats.setdefault(self._floating, self._block)
            self._floating = None
            return
        if not drawn.__dict__.get("float_tail"):
            self._block = last_block_key(drawn) or self._handling or self._block

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        self._drawn = flowable
        self._note_drawn(flowable)
        if self._top != self.page and getattr(flowable, "height", None) != 0:  # a page's first (a break has no height)
            self._top = self.page
            if flowable.__dict__.get("section_start"):  # the DOCX makes the same break where it must
                self.anchor_pages.tops.add(flowable.section_start)
        if flowable.__dict__.get("followed") is not None:  # a SectionBreak: the set of those that followed on
            self.anchor_pages.followed = flowable.followed
        mark = getattr(flowable, "bookmark", None)
        if not mark:
            return
        key, title, level = mark
        page = self.page
        self.anchor_pages[key] = page
        self.canv.bookmarkPage(key)
        if key not in self.outline:
            return
        # The outline cannot skip a level (reportlab refuses "## a" then "#### b"): an
        # entry sits at most one below the one before it; the heading keeps its look.
        level = min(level, self.outline_level + 1)
        self.outline_level = level
        # A heading's bound last words (markdown/typography.py) are for the page, not the outline.
        self.canv.addOutlineEntry(title.replace("\u00a0", " "), key, level=level, closed=level > 0)


def outline_keys(doc: m.Document) -> frozenset[str]:
    """Sections and the headings in their bodies; not headings inside quotes, lists or
    boxes, nor empty ones (a bookmark without a title leads nowhere a reader can tell)."""
    keys = {s.id for s in doc.sections}
    keys.update(h.anchor for s in doc.sections for h in outline_headings(s.blocks) if plain(h.children).strip())
    return frozenset(keys)


def section_flowables(section: m.Section, r: Renderer, first: bool, rule: BreakBefore) -> list[Flowable]:
    out: list[Flowable] = []
    tags: Tags | None = r.extras.get("tags")  # type: ignore[assignment]
    if tags:
        tags.section(section.level)
    if not first and section.new_page:
        out.append(PageBreak())  # the author's own: kept even on a short page
    elif not first and starts_page(section.level, section.kind, section.new_page, rule):
        followed: set[str] = r.extras.setdefault("followed", set())  # type: ignore[assignment]
        out.append(SectionBreak(r.styles["body"].leading, section.id, followed))
    big = section.level == 1 or section.kind == "country"
    style = r.styles["h1"] if big else r.styles["h2"]
    heads: list[Flowable] = []
    if section.kicker:
        heads.append(Paragraph(r.inline.plain(section.kicker.upper(), heading=True), r.styles["kicker"]))
        if tags:
            tags.tag(heads[-1], "P")
    text = f'<a name="{section.id}"/>{r.inline.plain(section.title, heading=True)}'
    heads.append(Anchored(text, style, key=section.id, title=section.title, level=section.level - 1))
    if tags:
        tags.tag(heads[-1], tags.heading(section.level))
    if big:
        accent = HRFlowable(
            width=f"{r.design.block.section_rule_length:.0%}",
            thickness=r.design.rules.section,
            color=r.pal.accent,
            hAlign="LEFT",
            spaceBefore=0,
            spaceAfter=r.design.rules.section_after,
        )
        accent.section_rule = True
        heads.append(accent)
    heads[0].section_start = section.id  # (`_Doc.afterFlowable`: the sections that begin a page)
    if not first and big:
        # Following on mid-page, a section needs air above it (a page's top drops it).
        lead = heads[0].style
        gap = r.styles["h2"].spaceBefore * SECTION_GAP
        heads[0].style = ParagraphStyle(lead.name + "-on", parent=lead, spaceBefore=gap)
    r.extras["section"] = section.id  # the blocks' keys (`block_key`)
    body = [*heads, *r.blocks(section.blocks)]
    if section.kind == "contact":  # the back matter moves whole: a last page is never one stray line
        back = Keep(body)
        back.float_barrier = True  # no box or figure floats past it (floats.py)
        return [*out, back]
    return out + body


@dataclass
class _Setup:
    """Everything one rendering needs, derived once from the theme and scale."""

    renderer: Renderer
    furniture: Furniture
    page: tuple[float, float]
    margins: tuple[float, float, float, float]
    frame: tuple[float, float, float, float]  # x, y, width, height of the text frame


def _setup(doc: m.Document, theme: Theme, scale: float) -> _Setup:
    fonts = register(theme)
    pal = palette(theme)
    styles = build_styles(theme, fonts, scale)
    allow_widows(styles)
    colors = design_of(theme).colors
    inline = InlineRenderer(theme, fonts.symbols, (colors.link, colors.cross_ref), fonts.mono)
    furniture = Furniture(doc, theme, fonts, pal, inline)
    page_w, page_h = (v * mm for v in theme.page_mm)
    if doc.meta.layout == Layout.SUMMARY:
        top, right, bottom, left = (v * mm for v in theme.margins_mm)
        page = design_of(theme).page
        top, bottom = page.summary_band * mm + page.summary_top * mm, page.summary_bottom * mm
        top += summary_strip(doc.meta, page)
    else:  # the design's measure: a text column of some 70 characters a line
        top, right, bottom, left = (v * mm for v in body_margins_mm(theme))
    width, height = page_w - left - right, page_h - top - bottom
    extras: dict[str, object] = {"theme": theme, "fonts": fonts, "frame_height": height, "labels": doc.meta.labels}
    r = Renderer(styles, inline, pal, width, height * MAX_HEIGHT_SHARE, extras=extras, handlers=HANDLERS)
    return _Setup(r, furniture, (page_w, page_h), (top, right, bottom, left), (left, bottom, width, height))


def measure(doc: m.Document, theme: Theme, scale: float = 1.0) -> tuple[float, float]:
    """(content height, frame height) in points of a one-frame layout (the summary), as
    reportlab's own `wrap` lays it out: how the page budget asks whether a plan fits."""
    from reportlab.pdfgen.canvas import Canvas

    setup = _setup(doc, theme, scale)
    story: list[Flowable] = []
    for section in doc.sections:
        story += section_flowables(section, setup.renderer, True, doc.meta.break_before)
    width, height = setup.frame[2], setup.frame[3]
    canvas = Canvas(io.BytesIO())
    used = 0.0
    for flowable in story:
        _, h = flowable.wrapOn(canvas, width, height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return used, height


def _info(meta: m.Meta) -> archival.Info:
    """The document information dictionary's entries (the XMP repeats them)."""
    subject = meta.cut_title if meta.cut_title != meta.title else meta.subtitle
    keywords = list(meta.keywords) + ([meta.client_name, meta.document_id] if meta.client_name else [])
    return archival.Info(
        title=meta.title + (f" — {meta.cut_title}" if meta.layout != Layout.REPORT else ""),
        author=", ".join(meta.authors),
        subject=subject + (f" · Prepared for {meta.client_name} · {meta.document_id}" if meta.client_name else ""),
        keywords=", ".join(keywords),
        creator="briefgen",
        producer="briefgen (reportlab)",
        epoch=source_epoch(meta.date),
    )


def _at_save(canvas: Any, tagger: Tagger | None, info: archival.Info, meta: m.Meta) -> None:
    if tagger:
        tagger.write(canvas)
    archival.finish(canvas, info, meta.pdf_standard, meta.lang)


def _tagger(meta: m.Meta, r: Renderer, furniture: Furniture) -> Tagger | None:
    """A tagged PDF's structure tree, its model side given to the renderer and the cover,
    when the standard asks for tags."""
    archival.install()  # subset tags made from the subsets, whatever the standard
    if meta.pdf_standard not in ("both", "ua1"):
        return None
    tagger = Tagger()
    tags = r.extras["tags"] = Tags(tagger)
    furniture.tag_cover = tags.cover
    return tagger


def write_pdf(
    doc: m.Document,
    theme: Theme,
    *,
    scale: float = 1.0,
    on_paginated: Callable[[dict[str, int]], None] | None = None,
) -> PdfResult:
    """Render `doc` (any layout) to PDF bytes; `scale` multiplies every type size.

    `on_paginated(anchor_pages)` is called as soon as the layout is done, before the
    file is compressed and written out.
    """
    setup = _setup(doc, theme, scale)
    r, furniture = setup.renderer, setup.furniture
    styles = r.styles
    page_w, page_h = setup.page
    top, right, bottom, left = setup.margins
    buffer = io.BytesIO()
    meta = doc.meta
    info = _info(meta)
    tagger = _tagger(meta, r, furniture)
    pdf = _Doc(
        buffer,
        outline=outline_keys(doc),
        floats=Floats(tagger) if meta.layout != Layout.SUMMARY else None,
        pagesize=(page_w, page_h),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=info.creator,
        producer=info.producer,
        lang=meta.lang,
        initialFontName=styles["body"].fontName,  # else reportlab's unembedded Helvetica
        initialFontSize=styles["body"].fontSize,
    )
    body_frame = Frame(*setup.frame, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    story: list[Flowable] = []
    if meta.layout == Layout.SUMMARY:
        pdf.addPageTemplates([PageTemplate("summary", [body_frame], onPage=furniture.summary_page)])
        for section in doc.sections:
            story += section_flowables(section, r, True, meta.break_before)
    else:
        cover_frame = Frame(0, 0, page_w, page_h, id="cover")
        pdf.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=furniture.cover_page),
                PageTemplate("body", [body_frame], onPage=furniture.body_page),
            ]
        )
        story = [NextPageTemplate("body"), PageBreak()]
        if meta.layout == Layout.REPORT:
            numbers = (r.styles["toc1"].fontName, r.styles["toc2"].fontName)
            contents = contents_flowables(doc, styles, r.inline, numbers, meta.labels.contents)
            if tagger:
                r.extras["tags"].contents(contents)  # type: ignore[attr-defined]
            story += [*contents, PageBreak()]
        for i, section in enumerate(doc.sections):
            story += section_flowables(section, r, i == 0 and meta.layout != Layout.REPORT, meta.break_before)
        story = [*keep_headings(story), End()]

    def canvasmaker(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, **kwargs)
        canvas.anchor_pages = pdf.anchor_pages
        canvas.on_paginated = on_paginated
        canvas.tagger = tagger
        if meta.pdf_standard != "none":
            canvas.at_save = lambda c: _at_save(c, tagger, info, meta)
        fix_timestamp(canvas, info.epoch)
        return canvas

    with laying_out(pdf.anchor_pages, meta.labels.page_ref):  # page references resolve against it (pagerefs.py)
        pdf.build(story, canvasmaker=canvasmaker)  # one pass: see contents.py
    if pdf.floats and pdf.floats.pending:  # the story ended in a page change with a float waiting
        raise BriefgenError([Diagnostic(Pos("<document>"), "a box or figure was left unplaced at the end")])
    return PdfResult(pack(buffer.getvalue()), pdf.page, pdf.anchor_pages.copy())
