"""Page furniture: the cover, running header and footer, marking and watermark.

Drawn on the canvas by page-template callbacks; "Page N of M" is drawn when the
document is saved, once the total is known.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from briefgen.design.contrast import BAND_LABEL_TINT
from briefgen.design.theme import Theme
from briefgen.design.wording import long_date
from briefgen.fonts.register import BrandFonts
from briefgen.libs.rl_internals import hold_page, restore_page
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.model.typeset import drawable
from briefgen.writers.pdf.images import draw_image, image_size
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.outlines import Outline, outline
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.styles import Palette, tint

WATERMARK = "watermark"  # the form XObject every page of a watermarked document shows
WATERMARK_SIZE = 44  # points
SUMMARY_BAND = 24 * mm  # the summary page's top band; the document's frame starts below it


class NumberedCanvas(Canvas):
    """Defers each page, so that numbers known only at the end can still be drawn:
    "Page N of M" with the final M, and the contents' page numbers (`page_numbers`)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.page_of: tuple[float, float, str, float, Color] | None = None
        self.page_numbers: dict[str, tuple[str, float, Color]] = {}  # contents key -> font, size, colour
        self.anchor_pages: dict[str, int] = {}  # filled in by the document as it lays out
        self.on_paginated: Callable[[dict[str, int]], None] | None = None
        # Forms the pages show, drawn once when the file is saved: name -> (bounding box, draw).
        self.forms_at_save: dict[str, tuple[tuple[float, float, float, float], Callable[[Canvas], None]]] = {}

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(hold_page(self))
        self.page_of = None

    def save(self) -> None:
        from briefgen.writers.pdf.contents import number_box, number_form

        if self.on_paginated:  # every page is known: tell whoever waits, before compressing
            self.on_paginated(dict(self.anchor_pages))

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
                x, y, font, size, color = self.page_of
                self.setFont(font, size)
                self.setFillColor(color)
                self.drawRightString(x, y, f"Page {self.getPageNumber()} of {total}")
            Canvas.showPage(self)
        Canvas.save(self)


class Furniture:
    """Draws what sits around the text frame, for one document."""

    def __init__(self, doc: m.Document, theme: Theme, fonts: BrandFonts, pal: Palette, inline: InlineRenderer):
        self.doc, self.theme, self.fonts, self.pal, self.inline = doc, theme, fonts, pal, inline
        self.page_w, self.page_h = (v * mm for v in theme.page_mm)
        top, right, bottom, left = (v * mm for v in theme.margins_mm)
        self.top, self.right, self.bottom, self.left = top, right, bottom, left

    # -------------------------------------------------------------- every page
    def marking(self, c: Canvas) -> None:
        mark = self.doc.meta.marking
        if not mark:
            return
        if mark.watermark:
            c.saveState()
            c.setFillColor(self.pal.accent, alpha=0.08)
            c.translate(self.page_w / 2, self.page_h / 2)
            c.rotate(45)
            # Outlines, not text: the mark stays out of extraction, search and screen readers.
            c.forms_at_save.setdefault(WATERMARK, (self._watermark_box(mark.watermark), self._watermark))  # type: ignore[attr-defined]
            c.doForm(WATERMARK)
            c.restoreState()
        if mark.text:
            c.saveState()
            c.setFillColor(self.pal.accent)
            c.setFont(self.fonts.heading.bold, 7.5)
            c.drawCentredString(self.page_w / 2, self.page_h - 9 * mm, drawable(mark.text))
            c.drawCentredString(self.page_w / 2, 7 * mm, drawable(mark.text))
            c.restoreState()

    def _watermark_outline(self, text: str) -> tuple[Outline, float]:
        shape = outline(drawable(text), self.theme.heading_fonts.bold)
        return shape, WATERMARK_SIZE / shape.units_per_em

    def _watermark_box(self, text: str) -> tuple[float, float, float, float]:
        shape, scale = self._watermark_outline(text)
        half = shape.width * scale / 2 + WATERMARK_SIZE
        return -half, -WATERMARK_SIZE, half, 2 * WATERMARK_SIZE

    def _watermark(self, c: Canvas) -> None:
        """The watermark's glyphs centred on the origin, in the fill colour of the page that shows it."""
        mark = self.doc.meta.marking
        assert mark and mark.watermark
        shape, scale = self._watermark_outline(mark.watermark)
        shift = shape.width / 2
        path = c.beginPath()
        for op in shape.ops:
            kind, *xy = op
            pts = [(v - shift if i % 2 == 0 else v) * scale for i, v in enumerate(xy)]  # type: ignore[operator]
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
        meta = self.doc.meta
        c.saveState()
        y = self.page_h - self.top + 7 * mm
        c.setFont(self.fonts.heading.regular, 7.5)
        c.setFillColor(self.pal.muted)
        short = meta.cut_title if meta.layout == Layout.ANNEX else meta.title
        c.drawString(self.left, y, _fit(c, short, self.fonts.heading.regular, 7.5, self.page_w * 0.62))
        c.setFont(self.fonts.heading.bold, 7.5)
        c.setFillColor(self.pal.primary)
        c.drawRightString(self.page_w - self.right, y, self.theme.name)
        c.setStrokeColor(self.pal.rule)
        c.setLineWidth(0.5)
        c.line(self.left, y - 2.5 * mm, self.page_w - self.right, y - 2.5 * mm)
        fy = self.bottom - 10 * mm
        c.line(self.left, fy + 4 * mm, self.page_w - self.right, fy + 4 * mm)
        c.setFont(self.fonts.heading.regular, 7.5)
        c.setFillColor(self.pal.muted)
        footer = self.theme.footer + (f" · {meta.document_id}" if meta.client_name else "")
        c.drawString(self.left, fy, footer)
        c.restoreState()
        c.page_of = (self.page_w - self.right, fy, self.fonts.heading.regular, 7.5, self.pal.muted)  # type: ignore[attr-defined]
        self.marking(c)

    # -------------------------------------------------------------- summary
    def summary_page(self, c: Canvas, _doc: Any) -> None:
        meta, pal = self.doc.meta, self.pal
        c.saveState()
        c.setFillColor(pal.primary)
        c.rect(0, self.page_h - SUMMARY_BAND, self.page_w, SUMMARY_BAND, stroke=0, fill=1)
        c.setFillColor(pal.accent)
        c.rect(0, self.page_h - SUMMARY_BAND - 1.4 * mm, self.page_w, 1.4 * mm, stroke=0, fill=1)
        self._logo(
            c, self.theme.logo_on_dark or self.theme.logo, self.left, self.page_h - SUMMARY_BAND + 6 * mm, 12 * mm
        )
        c.setFillColor(tint(self.theme.colors.accent, BAND_LABEL_TINT))
        c.setFont(self.fonts.heading.bold, 8.5)
        label = "POLICY BRIEF" if not meta.client_name else f"POLICY BRIEF · PREPARED FOR {meta.client_name.upper()}"
        c.drawRightString(self.page_w - self.right, self.page_h - SUMMARY_BAND + 13 * mm, drawable(label))
        c.setFillColor(white)
        c.setFont(self.fonts.heading.regular, 8.5)
        c.drawRightString(self.page_w - self.right, self.page_h - SUMMARY_BAND + 8 * mm, long_date(meta.date))
        c.restoreState()
        self.marking(c)

    # -------------------------------------------------------------- cover
    def cover_page(self, c: Canvas, _doc: Any) -> None:
        meta, theme, pal = self.doc.meta, self.theme, self.pal
        w, h = self.page_w, self.page_h
        band = h * 0.56
        c.saveState()
        c.setFillColor(pal.primary)
        c.rect(0, h - band, w, band, stroke=0, fill=1)
        c.setFillColor(pal.accent)
        c.rect(0, h - band - 2.2 * mm, w, 2.2 * mm, stroke=0, fill=1)
        logo = theme.logo_on_dark or theme.logo
        self._logo(c, logo, self.left, h - 18 * mm - 16 * mm, 16 * mm)
        text_w = w - self.left - self.right
        y = h - band + 22 * mm
        kicker = meta.cover_label.upper()
        title = meta.title
        blocks = [
            (
                kicker,
                ParagraphStyle(
                    "ck",
                    fontName=self.fonts.heading.bold,
                    fontSize=10,
                    leading=13,
                    textColor=tint(self.theme.colors.accent, BAND_LABEL_TINT),
                ),
            ),
            (
                title,
                ParagraphStyle(
                    "ct", fontName=self.fonts.heading.bold, fontSize=30, leading=36, textColor=white, spaceBefore=6
                ),
            ),
        ]
        if meta.subtitle:
            blocks.append(
                (
                    meta.subtitle,
                    ParagraphStyle(
                        "cs",
                        fontName=self.fonts.heading.regular,
                        fontSize=13,
                        leading=18,
                        textColor=HexColor("#D5DEE8"),
                        spaceBefore=10,
                    ),
                )
            )
        paras = [Paragraph(self.inline.plain(t, heading=True), s) for t, s in blocks]
        heights = [p.wrap(text_w, h)[1] + p.style.spaceBefore for p in paras]
        y = h - band + 16 * mm + sum(heights)
        for p, ph in zip(paras, heights, strict=True):
            y -= ph
            p.drawOn(c, self.left, y)
        # below the band
        y = h - band - 18 * mm
        info = ParagraphStyle("ci", fontName=self.fonts.heading.regular, fontSize=11, leading=16, textColor=pal.text)
        strong = ParagraphStyle("cb", parent=info, fontName=self.fonts.heading.bold, textColor=pal.primary, fontSize=12)
        lines: list[tuple[str, ParagraphStyle]] = []
        if meta.client_name:
            lines.append((f"Prepared for {meta.client_name}", strong))
        if meta.date:
            lines.append((long_date(meta.date), info))
        if meta.authors:
            lines.append((", ".join(meta.authors), info))
        if meta.layout == Layout.ANNEX:
            lines.append((meta.title, info))
        for text, style in lines:
            p = Paragraph(self.inline.plain(text, heading=True), style)
            _, ph = p.wrap(text_w * 0.7, 100 * mm)
            y -= ph
            p.drawOn(c, self.left, y)
            y -= 2 * mm
        if meta.client_logo:
            self._logo(c, meta.client_logo, w - self.right - 45 * mm, h - band - 40 * mm, 18 * mm, max_w=45 * mm)
        c.setFont(self.fonts.heading.regular, 8.5)
        c.setFillColor(pal.muted)
        c.drawString(self.left, 16 * mm, self.theme.tagline)
        if meta.document_id and meta.client_name:
            c.drawString(self.left, 21 * mm, f"Document {meta.document_id}")
        c.restoreState()
        self.marking(c)

    def _logo(self, c: Canvas, path: Any, x: float, y: float, height: float, max_w: float | None = None) -> None:
        iw, ih = image_size(Path(path))
        width = height * iw / ih
        if max_w and width > max_w:
            width, height = max_w, max_w * ih / iw
        draw_image(c, Path(path), x, y, width, height)


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> str:
    text = drawable(text)
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
