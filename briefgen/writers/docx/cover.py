"""Covers: the report cover, the short annex cover, and the summary's brand band.

Covers are built from styles ("Cover Title", "Band Title"…) and borderless or shaded
one-row tables, which Word and LibreOffice lay out alike; no text boxes or floating
shapes, so nothing drifts when a client edits the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from briefgen.design.spacing import Pad
from briefgen.design.wording import long_date
from briefgen.libs import opc_internals as opc
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import run
from briefgen.writers.docx.figures import EMU_PER_MM, EMU_PER_TWIP, add_picture, image_size
from briefgen.writers.docx.package.ooxml import border, no_border, ordered, set_ppr, shading, twips, val
from briefgen.writers.docx.styles.styles import Palette, palette
from briefgen.writers.docx.styles.tablestyles import BOX_TABLE, NO_PAD, cell_margins
from briefgen.writers.docx.tables import add_cell, add_row, finish_cell, table_xml

PT_PER_MM = 72 / 25.4


def _logo(container: Any, p_style: str, path: Path, box_mm: tuple[float, float], alt: str, align: str = "") -> None:
    """A logo drawn as large as fits `box_mm` (width, height): unlike figures, small files may grow."""
    w_px, h_px = image_size(path)
    k = min(box_mm[0] * EMU_PER_MM / w_px, box_mm[1] * EMU_PER_MM / h_px)
    p = new_paragraph(container, p_style)
    if align:
        set_ppr(p, val("w:jc", align))
    add_picture(p, container, path, int(w_px * k), int(h_px * k), alt)


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


def _band_cell(pal: Palette) -> list:
    """A cell of the summary's band: the band colour with its edge below, as in the PDF."""
    edge = pal.design.rules.summary_band_edge * PT_PER_MM
    pad = pal.design.page.word_band_pad
    return _cell_look(pal.band, Pad(pad, pad, pad, pad), "center", [border("bottom", pal.band_edge, edge)])


def _text(container: Any, style: str, text: str) -> None:
    if text.strip():
        new_paragraph(container, style).append(run(text))


def _logo_row(container: Any, ctx: Ctx) -> None:
    """Brand logo, with the client's logo at the right margin when there is one."""
    theme, meta = ctx.theme, ctx.meta
    page = palette(theme).design.page
    if not meta.client_logo:
        _logo(container, "Cover Logo", theme.logo, page.word_logo, f"{theme.name} logo")
        return
    half = ctx.width // 2
    tbl = table_xml(BOX_TABLE, [half, ctx.width - half], 0, header_look=False)
    opc.insert_table(container, tbl)
    tr = add_row(tbl)
    for width, path, box, alt, align in (
        (half, theme.logo, page.word_logo, f"{theme.name} logo", ""),
        (ctx.width - half, meta.client_logo, page.word_client_logo, f"{meta.client_name or 'Client'} logo", "right"),
    ):
        tc = add_cell(tr, width, extra=_cell_look(None, NO_PAD, "center"))
        _logo(opc.cell(tc, container), "Cover Logo", path, box, alt, align)
        finish_cell(tc)


def report_cover(container: Any, ctx: Ctx, annex: bool = False) -> None:
    """The cover page: logos; a primary-colour tab with the series; title, subtitle; date, authors, client."""
    meta = ctx.meta
    pal = palette(ctx.theme)
    page = pal.design.page
    _logo_row(container, ctx)
    for _ in range(2 if annex else 3):
        new_paragraph(container, "Cover Spacer")
    label = meta.cover_label
    if label.strip():
        # A tab just wider than its label: the brand colour, used once and boldly.
        per_char = page.word_tab_char * 20  # twips per point of body size
        width = min(ctx.width, twips(page.word_tab_room) + int(len(label) * ctx.theme.base_size * ctx.scale * per_char))
        tbl = table_xml(BOX_TABLE, [width], 0, header_look=False)
        opc.insert_table(container, tbl)
        y, x = page.word_tab_pad
        tc = add_cell(add_row(tbl), width, extra=_cell_look(pal.band, Pad(y, x, y, x)))
        _text(opc.cell(tc, container), "Cover Series", label)
        finish_cell(tc)
    _text(container, "Title", meta.title)
    if not annex:
        _text(container, "Subtitle", meta.subtitle)
    new_paragraph(container, "Cover Rule")
    _text(container, "Cover Meta", long_date(meta.date))
    if not annex:
        _text(container, "Cover Meta", ", ".join(meta.authors))
    if meta.client_name:
        new_paragraph(container, "Cover Spacer Small")
        _text(container, "Cover Label", "Prepared for")
        _text(container, "Cover Meta", meta.client_name)


def summary_band(container: Any, ctx: Ctx, show_title: bool) -> None:
    """The one-page summary's top band: light logo on the primary colour, label and date.

    The title goes in the band only when no section heading repeats it below.
    """
    meta, theme = ctx.meta, ctx.theme
    pal = palette(theme)
    page = pal.design.page
    logo_w = int(page.word_band_logo[0] * EMU_PER_MM / EMU_PER_TWIP) + twips(page.word_band_logo_room)
    widths = [logo_w, ctx.width - logo_w]
    tbl = table_xml(BOX_TABLE, widths, 0, header_look=False)
    opc.insert_table(container, tbl)
    tr = add_row(tbl)
    tc = add_cell(tr, widths[0], extra=_band_cell(pal))
    _logo(
        opc.cell(tc, container),
        "Cover Logo",
        theme.logo_on_dark or theme.logo,
        page.word_band_logo,
        f"{theme.name} logo",
    )
    finish_cell(tc)
    tc = add_cell(tr, widths[1], extra=_band_cell(pal))
    cell = opc.cell(tc, container)
    if show_title:
        _text(cell, "Band Title", meta.title)
    _text(cell, "Band Label", meta.cut_title or "Summary")
    _text(cell, "Band Meta", long_date(meta.date))
    if meta.client_name:
        _text(cell, "Band Meta", f"Prepared for {meta.client_name}")
    finish_cell(tc)
    new_paragraph(container, "Table Spacer")
