"""Page furniture: the cover, running header and footer, marking and watermark.

Drawn on the canvas by page-template callbacks; "Page N of M" is drawn when the
document is saved, once the total is known.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from briefgen.design.spacing import PageSpace
from briefgen.design.system import body_margins_mm, design_of
from briefgen.design.theme import Theme
from briefgen.design.wording import long_date, running_foot, running_title
from briefgen.fonts.register import BrandFonts
from briefgen.libs.rl_internals import hold_page, restore_page
from briefgen.model import nodes as m
from briefgen.model.labels import fill
from briefgen.model.layout import Layout
from briefgen.model.typeset import drawable
from briefgen.writers.pdf.images import draw_image, image_size
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.outlines import Outline, outline
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.styles import Palette, face, fixed_style

WATERMARK = "watermark"  # the form XObject every page of a watermarked document shows
CAP_HALF = 0.36  # ems: half a capital letter's height, to centre the watermark on the page


class NumberedCanvas(Canvas):
    """Defers each page, so that numbers known only at the end can still be drawn:
    "Page N of M" with the final M, and the contents' page numbers (`page_numbers`)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.page_of: tuple[float, float, str, float, Color, str] | None = None  # where, how, and the label
        self.page_numbers: dict[str, tuple[str, float, Color]] = {}  # contents key -> font, size, colour
        self.anchor_pages: dict[str, int] = {}  # filled in by the document as it lays out
        self.on_paginated: Callable[[dict[str, int]], None] | None = None
        # Forms the pages show, drawn once when the file is saved: name -> (bounding box, draw).
        self.forms_at_save: dict[str, tuple[tuple[float, float, float, float], Callable[[Canvas], None]]] = {}
        self.tagger: Any = None  # a tagged PDF's `tagging.Tagger`: artifacts bracketed as each page is written
        self.at_save: Callable[[Canvas], None] | None = None  # the catalog's last entries, once every page is

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(hold_page(self))
        self.page_of = None

    def save(self) -> None:
        from briefgen.writers.pdf.contents import number_box, number_form

        if self.on_paginated:  # every page is known: tell whoever waits, before compressing
            self.on_paginated(self.anchor_pages.copy())

        for name, (box, draw) in self.forms_at_save.items():
            self.beginForm(name, *box)
            draw(self)
            self.endForm()
        for key, (font, size, color) in self.page_numbers.items():
            width, height = number_box(size)
            self.beginForm(number_form(key), lowerx=0, lowery=0, upperx=width, uppery=height)
            self.setFont(font, size)
            self.setFillColor(color)
            self.drawRightString(width, size, str(self.anchor_pages[key]))
            self.endForm()
        total = len(self._pages)
        for state in self._pages:
            restore_page(self, state)
            if self.page_of:
                x, y, font, size, color, label = self.page_of
                self.setFont(font, size)
                self.setFillColor(color)
                self.drawRightString(x, y, fill(label, page=self.getPageNumber(), pages=total))
            if self.tagger:
                self.tagger.end_page(self)
            Canvas.showPage(self)
        if self.at_save:
            self.at_save(self)
        Canvas.save(self)


class Furniture:
    """Draws what sits around the text frame, for one document."""

    def __init__(self, doc: m.Document, theme: Theme, fonts: BrandFonts, pal: Palette, inline: InlineRenderer):
        self.doc, self.theme, self.fonts, self.pal, self.inline = doc, theme, fonts, pal, inline
        self.tag_cover: Callable[[Paragraph], None] | None = None
        self.design = design_of(theme)
        self.space = self.design.page
        self.page_w, self.page_h = (v * mm for v in theme.page_mm)
        top, right, bottom, left = (v * mm for v in theme.margins_mm)
        self.top, self.right, self.bottom, self.left = top, right, bottom, left
        # Body pages' running head and footer span the text column (the design's measure).
        _, self.body_right, _, self.body_left = (v * mm for v in body_margins_mm(theme))

    # -------------------------------------------------------------- every page
    def marking(self, c: Canvas, top: Color | None = None, top_y: float | None = None) -> None:
        """The watermark and the marking at the page's top and foot; `top` is the top
        marking's colour where it is drawn on a band, `top_y` its baseline where the page
        gives it a strip of its own."""
        mark = self.doc.meta.marking
        if not mark:
            return
        if mark.watermark:
            c.saveState()
            c.setFillColor(self.pal.watermark, alpha=self.design.watermark.opacity)
            c.translate(self.page_w / 2, self.page_h / 2)
            c.rotate(45)
            # Outlines, not text: the mark stays out of extraction, search and screen readers.
            c.forms_at_save.setdefault(WATERMARK, (self._watermark_box(mark.watermark), self._watermark))  # type: ignore[attr-defined]
            c.doForm(WATERMARK)
            c.restoreState()
        if mark.text:
            c.saveState()
            c.setFont(self.fonts.heading.bold, self.design.furniture_size)
            c.setFillColor(top or self.pal.marking)
            y = self.page_h - self.space.marking_top * mm if top_y is None else top_y
            c.drawCentredString(self.page_w / 2, y, drawable(mark.text))
            c.setFillColor(self.pal.marking)
            c.drawCentredString(self.page_w / 2, self.space.marking_bottom * mm, drawable(mark.text))
            c.restoreState()

    def _watermark_outline(self, text: str) -> tuple[Outline, float]:
        shape = outline(drawable(text), self.theme.heading_fonts.bold)
        size = self.design.watermark.fitted(shape.width / shape.units_per_em, (self.page_w, self.page_h))
        return shape, size / shape.units_per_em

    def _watermark_box(self, text: str) -> tuple[float, float, float, float]:
        shape, scale = self._watermark_outline(text)
        size = scale * shape.units_per_em
        half = shape.width * scale / 2 + size
        return -half, -size, half, 2 * size

    def _watermark(self, c: Canvas) -> None:
        """The watermark's glyphs centred on the origin, in the fill colour of the page that shows it."""
        mark = self.doc.meta.marking
        assert mark and mark.watermark
        shape, scale = self._watermark_outline(mark.watermark)
        # centred on the origin both ways: half its width left, half a capital's height down
        shift, drop = shape.width / 2, shape.units_per_em * CAP_HALF
        path = c.beginPath()
        for op in shape.ops:
            kind, *xy = op
            pts = [(v - shift if i % 2 == 0 else v - drop) * scale for i, v in enumerate(xy)]  # type: ignore[operator]
            if kind == "M":
                path.moveTo(*pts)
            elif kind == "L":
                path.lineTo(*pts)
            elif kind == "C":
                path.curveTo(*pts)
            else:
                path.close()
        c.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)

    def body_page(self, c: Canvas, _doc: Any) -> None:
        meta, size, space = self.doc.meta, self.design.furniture_size, self.space
        head = self.fonts.heading
        c.saveState()
        y = self.page_h - self.top + space.head_above_text * mm
        c.setFont(head.regular, size)
        c.setFillColor(self.pal.muted)
        short = running_title(meta.title, meta.cut_title, meta.layout)
        width = self.page_w - self.body_left - self.body_right
        room = min(self.page_w * space.head_title_share, width * 0.75)  # the column is narrower than the page
        c.drawString(self.body_left, y, _fit(c, short, head.regular, size, room))
        c.setFont(head.bold, size)
        c.setFillColor(self.pal.primary)
        c.drawRightString(self.page_w - self.body_right, y, self.theme.name)
        c.setStrokeColor(self.pal.rule)
        c.setLineWidth(self.design.rules.hairline)
        head_rule = y - space.head_rule_below * mm
        c.line(self.body_left, head_rule, self.page_w - self.body_right, head_rule)
        fy = self.bottom - space.foot_below_text * mm
        foot_rule = fy + space.foot_rule_above * mm
        c.line(self.body_left, foot_rule, self.page_w - self.body_right, foot_rule)
        c.setFillColor(self.pal.muted)
        widest = fill(meta.labels.page_of, page=888, pages=888) + "  "  # "Page N of M", at the right
        room = width - c.stringWidth(widest, head.regular, size)
        foot, foot_size = _foot(
            c, running_foot(self.theme.footer, meta.document_id, meta.client_name), meta, head.regular, size, room
        )
        c.setFont(head.regular, foot_size)
        c.drawString(self.body_left, fy, foot)
        c.restoreState()
        c.page_of = (self.page_w - self.body_right, fy, head.regular, size, self.pal.muted, meta.labels.page_of)  # type: ignore[attr-defined]
        self.marking(c)

    # -------------------------------------------------------------- summary
    def summary_page(self, c: Canvas, _doc: Any) -> None:
        meta, pal, rules, space = self.doc.meta, self.pal, self.design.rules, self.space
        band = space.summary_band * mm
        # A client's marking gets a strip of its own above the band, not the band's labels' place.
        strip = summary_strip(self.doc.meta, space)
        bottom = self.page_h - strip - band  # the band's foot
        c.saveState()
        c.setFillColor(pal.band)
        c.rect(0, bottom, self.page_w, band, stroke=0, fill=1)
        c.setFillColor(pal.band_edge)
        edge = rules.summary_band_edge * mm
        c.rect(0, bottom - edge, self.page_w, edge, stroke=0, fill=1)
        logo_y = bottom + space.summary_logo_rise * mm
        self._logo(c, self.theme.logo_on_dark or self.theme.logo, self.left, logo_y, space.summary_logo * mm)
        words = meta.labels.summary if not meta.client_name else f"{meta.labels.summary} · {meta.prepared_for}"
        label = words.upper()
        lines = (
            ("summary_label", label, space.summary_label_rise),
            ("summary_date", long_date(meta.date), space.summary_date_rise),
        )
        for role, text, rise in lines:
            style = self.design.text(role)
            c.setFillColor(HexColor(style.color))
            c.setFont(face(self.fonts, style), style.size)
            c.drawRightString(self.page_w - self.right, bottom + rise * mm, drawable(text))
        c.restoreState()
        self.marking(c, top_y=self.page_h - strip / 2 - self.design.furniture_size * CAP_HALF)

    # -------------------------------------------------------------- cover
    def cover_page(self, c: Canvas, _doc: Any) -> None:
        meta, theme, pal, space = self.doc.meta, self.theme, self.pal, self.space
        w, h = self.page_w, self.page_h
        band = h * space.cover_band_share
        c.saveState()
        c.setFillColor(pal.band)
        c.rect(0, h - band, w, band, stroke=0, fill=1)
        c.setFillColor(pal.band_edge)
        edge = self.design.rules.band_edge * mm
        c.rect(0, h - band - edge, w, edge, stroke=0, fill=1)
        logo = space.cover_logo * mm
        self._logo(c, theme.logo_on_dark or theme.logo, self.left, h - space.cover_logo_top * mm - logo, logo)
        text_w = w - self.left - self.right
        on_band = [("cover_kicker", meta.cover_label.upper()), ("cover_title", meta.title)]
        if meta.subtitle:
            on_band.append(("cover_subtitle", meta.subtitle))
        paras = [self._para(role, text) for role, text in on_band]
        heights = [p.wrap(text_w, h)[1] + p.style.spaceBefore for p in paras]
        y = h - band + space.cover_title_rise * mm + sum(heights)
        for p, ph in zip(paras, heights, strict=True):
            y -= ph
            p.drawOn(c, self.left, y)
        self._cover_details(c, h - band - space.cover_details_below * mm, text_w * space.cover_details_share)
        if meta.client_logo:
            most = space.cover_client_logo_width * mm
            y = h - band - space.cover_client_logo_below * mm
            self._logo(c, meta.client_logo, w - self.right - most, y, space.cover_client_logo * mm, max_w=most)
        small = self.design.text("cover_small")
        c.setFont(face(self.fonts, small), small.size)
        c.setFillColor(HexColor(small.color))
        c.drawString(self.left, space.cover_tagline * mm, self.theme.tagline)
        if meta.document_id and meta.client_name:
            c.drawString(self.left, space.cover_document_id * mm, fill(meta.labels.document, id=meta.document_id))
        c.restoreState()
        self.marking(c, top=self.pal.marking_on_band)

    def _para(self, role: str, text: str) -> Paragraph:
        p = Paragraph(self.inline.plain(text, heading=True), fixed_style(self.design, role, self.fonts))
        if self.tag_cover:  # a tagged PDF: the cover's title and details are read, not skipped
            self.tag_cover(p)
        return p

    def _cover_details(self, c: Canvas, y: float, width: float) -> None:
        """Below the band: the client, the date, the authors and (an annex) the report it comes from."""
        meta = self.doc.meta
        lines: list[tuple[str, str]] = []
        if meta.client_name:
            lines.append(("cover_client", meta.prepared_for))
        if meta.date:
            lines.append(("cover_info", long_date(meta.date)))
        if meta.authors:
            lines.append(("cover_info", ", ".join(meta.authors)))
        if meta.layout == Layout.ANNEX:
            lines.append(("cover_info", meta.title))
        for role, text in lines:
            p = self._para(role, text)
            _, ph = p.wrap(width, self.page_h)
            y -= ph
            p.drawOn(c, self.left, y)
            y -= self.space.cover_details_gap * mm

    def _logo(self, c: Canvas, path: Any, x: float, y: float, height: float, max_w: float | None = None) -> None:
        iw, ih = image_size(Path(path))
        width = height * iw / ih
        if max_w and width > max_w:
            width, height = max_w, max_w * ih / iw
        draw_image(c, Path(path), x, y, width, height)


def summary_strip(meta: m.Meta, space: PageSpace) -> float:
    """Points above the summary's band for the client's marking: none without one."""
    return space.summary_strip * mm if meta.marking and meta.marking.text.strip() else 0.0


def _foot(c: Canvas, text: str, meta: Any, font: str, size: float, room: float) -> tuple[str, float]:
    """The running foot and its size, clear of the page number: a client's long document id
    goes without the brand's footer, then smaller; it is never cut (it traces the copy)."""
    text = drawable(text)
    if c.stringWidth(text, font, size) > room and meta.document_id and meta.client_name:
        text = drawable(meta.document_id)
    width = c.stringWidth(text, font, size)
    return text, size if width <= room else max(size * room / width, size * 0.7)


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> str:
    text = drawable(text)
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
