"""Covers: the report and annex cover, and the summary's brand band, as the PDF draws them.

The cover's full-bleed band and its accent edge are DrawingML rectangles anchored to the
page behind the text (`floating.py`), the logos float on it, and the kicker, title and
subtitle are paragraphs with exact leading set on the band, so the title block's foot
lands where the PDF's does. The summary's band is a shaded one-row table, which Word and
LibreOffice lay out alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from briefgen.design.spacing import Pad
from briefgen.design.system import design_of
from briefgen.design.theme import Theme
from briefgen.design.wording import long_date
from briefgen.fonts.fontfile import advances
from briefgen.libs import opc_internals as opc
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import run
from briefgen.writers.docx.figures import EMU_PER_MM, EMU_PER_TWIP, add_picture, image_size
from briefgen.writers.docx.floating import WP, lift, rectangle
from briefgen.writers.docx.package.ooxml import el, mm_twips, no_border, ordered, set_ppr, shading, spacing, twips, val
from briefgen.writers.docx.styles.styles import palette
from briefgen.writers.docx.styles.tablestyles import BOX_TABLE, cell_margins
from briefgen.writers.docx.tables import add_cell, add_row, finish_cell, table_xml

PT_PER_MM = 72 / 25.4
DESCENT = 0.27  # ems below the baseline of the heading face, near enough for placing a line


def _logo(container: Any, p_style: str, path: Path, box_mm: tuple[float, float], alt: str, align: str = "") -> None:
    """A logo drawn as large as fits `box_mm` (width, height): unlike figures, small files may grow."""
    p = new_paragraph(container, p_style)
    if align:
        set_ppr(p, val("w:jc", align))
    _picture(p, container, path, box_mm, alt)


def _picture(
    p: Any, container: Any, path: Path, box_mm: tuple[float, float], alt: str, decorative: bool = False
) -> tuple[float, float]:
    """Append the picture at `path`, as large as fits `box_mm`, to the `w:p` `p`; its size in mm."""
    w_px, h_px = image_size(path)
    k = min(box_mm[0] * EMU_PER_MM / w_px, box_mm[1] * EMU_PER_MM / h_px)
    add_picture(p, container, path, int(w_px * k), int(h_px * k), alt, decorative=decorative)
    return w_px * k / EMU_PER_MM, h_px * k / EMU_PER_MM


def _cell_look(fill: str | None, margins: Pad | None = None, v_align: str = "", edges: list | None = None) -> list:
    """tcPr children for a cover cell: no borders except `edges`, optional fill and padding."""
    given = {e.tag for e in edges or []}
    sides = [no_border(s) for s in ("top", "left", "bottom", "right") if qn(f"w:{s}") not in given]
    extra = [ordered("w:tcBorders", [*sides, *(edges or [])])]
    if fill:
        extra.append(shading(fill))
    if margins:
        extra.append(cell_margins(margins, "w:tcMar"))
    if v_align:
        extra.append(val("w:vAlign", v_align))
    return extra


def _text(container: Any, style: str, text: str) -> None:
    if text.strip():
        new_paragraph(container, style).append(run(text))


def report_cover(container: Any, ctx: Ctx, annex: bool = False) -> None:
    """The cover page, as the PDF draws it: a full-bleed band in the primary colour with
    its accent edge, the light logo on it, and the kicker, title and subtitle set so that
    their foot is `cover_title_rise` above the band's foot; below the band the client,
    date, authors (and an annex's report); the client's logo at the right. The tagline and
    document ID are in the cover's footer (`pages.marking_only`)."""
    meta, theme = ctx.meta, ctx.theme
    pal = palette(theme)
    page, rules = pal.design.page, pal.design.rules
    page_w, page_h = theme.page_mm
    top = theme.margins_mm[0]
    band = page_h * page.cover_band_share
    block = [("Cover Series", "cover_kicker", meta.cover_label), ("Title", "cover_title", meta.title)]
    if meta.subtitle:
        block.append(("Subtitle", "cover_subtitle", meta.subtitle))
    height = sum(_set_height(theme, role, text, ctx.width / 20) for _, role, text in block if text.strip())
    above = max(band - page.cover_title_rise - height / PT_PER_MM - top, 0.5)
    # The spacer down to the title block holds the band, its edge and the logo, all floating.
    p = _spacer(container, above)
    doc = ctx.docx.part
    p.append(rectangle((0, 0, page_w, band), pal.band, 1, doc.next_id, "Cover band"))
    p.append(rectangle((0, band, page_w, rules.band_edge), pal.band_edge, 2, doc.next_id, "Cover band edge"))
    logo = theme.logo_on_dark or theme.logo
    _floating(
        p,
        container,
        logo,
        (page.word_logo[0], page.cover_logo),
        f"{theme.name} logo",
        theme.margins_mm[3],
        page.cover_logo_top,
        decorative=True,  # the brand's name is text in every body page's running head
    )
    for style, _, text in block:
        _text(container, style, text)
    _spacer(container, page.cover_title_rise + page.cover_details_below)
    if meta.client_name:
        _text(container, "Cover Client", meta.prepared_for)
    _text(container, "Cover Meta", long_date(meta.date))
    _text(container, "Cover Meta", ", ".join(meta.authors))
    if annex:
        _text(container, "Cover Meta", meta.title)
    if meta.client_logo:
        most = page.cover_client_logo_width
        box = (most, page.cover_client_logo)
        x = page_w - theme.margins_mm[1] - most
        _floating(
            p,
            container,
            meta.client_logo,
            box,
            f"{meta.client_name or 'Client'} logo",
            x,
            None,
            band + page.cover_client_logo_below,
        )


def _spacer(container: Any, mm: float) -> Any:
    p = new_paragraph(container, "Cover Spacer")
    set_ppr(p, spacing(before=0, after=0, line=mm * PT_PER_MM, exact=True))
    return p


def _floating(
    p: Any,
    container: Any,
    path: Path,
    box_mm: tuple[float, float],
    alt: str,
    x: float,
    top: float | None,
    foot: float = 0.0,
    decorative: bool = False,
) -> None:
    """A logo floating in front of the band at `x` mm from the page's left edge, its top at
    `top` mm from the page's top (or its foot at `foot` mm)."""
    _, height = _picture(p, container, path, box_mm, alt, decorative)
    lift(p.findall(f".//{{{WP}}}inline")[-1], x, top if top is not None else foot - height, 3)


def _set_height(theme: Theme, role: str, text: str, width_pt: float) -> float:
    """Points the cover's `role` takes for `text` in `width_pt`: its lines (wrapped as Word
    wraps, word by word) times its exact leading, and its space before."""
    style = design_of(theme).text(role)
    units, advance = advances(theme.heading_fonts.bold if style.bold else theme.heading_fonts.regular)
    blank = advance.get(0x20, units // 2)
    space = blank * style.size / units
    lines, used = 1, 0.0
    for word in (text.upper() if style.caps else text).split():
        w = sum(advance.get(ord(ch), blank) for ch in word) * style.size / units
        if used and used + space + w > width_pt:
            lines, used = lines + 1, w
        else:
            used += (space if used else 0.0) + w
    return lines * style.leading + style.before


def summary_band(container: Any, ctx: Ctx, show_title: bool) -> None:
    """The one-page summary's band, as the PDF draws it: full-bleed in the primary colour
    (below the marking's strip, when there is one) with its accent edge, the light logo
    at the left and the label and date at the right, level with the PDF's.

    The band and edge are rectangles anchored to the page; the logo and the words sit in a
    borderless one-row table of the band's height (the section's top margin puts it on
    the band, `pages.setup_summary_page`). The title goes in the band only when no section
    heading repeats it below.
    """
    meta, theme = ctx.meta, ctx.theme
    pal = palette(theme)
    page, rules = pal.design.page, pal.design.rules
    strip = summary_strip_mm(ctx)
    holder = _spacer(container, 1 / PT_PER_MM)  # 1 pt: holds the floating band
    doc = ctx.docx.part
    holder.append(rectangle((0, strip, theme.page_mm[0], page.summary_band), pal.band, 1, doc.next_id, "Summary band"))
    edge = (0, strip + page.summary_band, theme.page_mm[0], rules.summary_band_edge)
    holder.append(rectangle(edge, pal.band_edge, 2, doc.next_id, "Summary band edge"))
    logo_w = int(page.word_band_logo[0] * EMU_PER_MM / EMU_PER_TWIP) + twips(page.word_band_logo_room)
    widths = [logo_w, ctx.width - logo_w]
    tbl = table_xml(BOX_TABLE, widths, 0, header_look=False)
    opc.insert_table(container, tbl)
    tr = add_row(tbl)
    height = page.summary_band - page.word_band_inset - 1 / PT_PER_MM
    tr.find(qn("w:trPr")).append(el("w:trHeight", {"val": mm_twips(height), "hRule": "exact"}))
    foot = page.summary_logo_rise * PT_PER_MM  # the logo's foot above the band's, as in the PDF
    tc = add_cell(tr, widths[0], extra=_cell_look(None, Pad(0, 0, foot, 0), "bottom"))
    logo = theme.logo_on_dark or theme.logo
    _logo(
        opc.cell(tc, container), "Cover Logo", logo, (page.word_band_logo[0], page.summary_logo), f"{theme.name} logo"
    )
    finish_cell(tc)
    # the date's baseline `summary_date_rise` above the band's foot: its descent below it
    below = page.summary_date_rise * PT_PER_MM - pal.design.text("summary_date").size * DESCENT
    tc = add_cell(tr, widths[1], extra=_cell_look(None, Pad(0, 0, below, 0), "bottom"))
    cell = opc.cell(tc, container)
    if show_title:
        _text(cell, "Band Title", meta.title)
    label = meta.labels.summary  # as the PDF's band
    _text(cell, "Band Label", f"{label} · {meta.prepared_for}" if meta.client_name else label)
    _text(cell, "Band Meta", long_date(meta.date))
    finish_cell(tc)
    _spacer(container, page.summary_top + rules.summary_band_edge)


def summary_strip_mm(ctx: Ctx) -> float:
    """Millimetres above the summary's band for the client's marking (none without one), as in the PDF."""
    marking = ctx.meta.marking
    return palette(ctx.theme).design.page.summary_strip if marking and marking.text.strip() else 0.0
