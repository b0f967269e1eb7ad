"""PDF handlers for tables: data tables (shared column plan), fact tables and headline figures.

`table_style` is the one door for a `TableStyle`: every table, box and quote is set in
the brand font through it.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from briefgen.design.spacing import Pad
from briefgen.model import nodes as m
from briefgen.model.memo import Memo
from briefgen.writers.common.columns import CellFonts, Columns, lay_out
from briefgen.writers.common.facts import FactFonts, fact_texts, fit_facts, label_share
from briefgen.writers.pdf.makeup import DataTable
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def table_style(commands: list[tuple[object, ...]], r: Renderer) -> TableStyle:
    """A TableStyle in the brand font: reportlab's default cell font is unembedded Helvetica."""
    font = r.styles["body"]
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), font.fontName), ("FONTSIZE", (0, 0), (-1, -1), font.fontSize), *commands]
    )


def _cell(cell: m.Cell, r: Renderer, style: str, whole_words: bool) -> Paragraph:
    key = f"{style}-{cell.align}-{whole_words}"
    cells: dict[str, ParagraphStyle] = r.extras.setdefault("cell_styles", {})  # type: ignore[assignment]
    if key not in cells:
        base = r.styles[style]
        # reportlab splits a word that does not fit the rest of a line letter by letter,
        # even when it would fit the next line ("Unit ed"); when every word fits its
        # column (hyphenated where needed), words move to the next line whole.
        cells[key] = ParagraphStyle(
            key,
            parent=base,
            alignment=ALIGN[cell.align] if cell.align else base.alignment,
            splitLongWords=0 if whole_words else base.splitLongWords,
        )
    return Paragraph(r.inline.run(cell.children), cells[key])


def _columns(b: m.Table, r: Renderer) -> Columns:
    """The table's shared column plan (see columns.py), in this renderer's cell fonts."""
    theme = r.extras["theme"]
    fonts = CellFonts(theme.heading_fonts.bold, theme.fonts.regular, r.styles["cell"].fontSize)  # type: ignore[attr-defined]
    return lay_out(b, r.width, fonts)


def padding(pad: Pad) -> list[tuple[object, ...]]:
    """A design `Pad` as a TableStyle's padding commands for every cell."""
    return [
        ("TOPPADDING", (0, 0), (-1, -1), pad.top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad.bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), pad.left),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad.right),
    ]


def table(b: m.Table, r: Renderer) -> list[Flowable]:
    if b.kind == "facts":
        share, fitted = fact_plan(b, r.width, r)
        return [facts_table(fitted, r, r.width, share)]
    if b.kind == "figures":
        return [_figures(b, r), Spacer(1, r.styles["body"].fontSize * r.design.table.figures_after)]
    if not (b.header or b.rows):
        return []
    plan = _columns(b, r)
    widths = list(plan.widths)
    n_head = len(plan.header)
    data = [
        [_cell(c, r, "cell_head", (i, j) not in plan.loose) for j, c in enumerate(row)]
        for i, row in enumerate(plan.header)
    ]
    data += [
        [_cell(c, r, "cell", (i + n_head, j) not in plan.loose) for j, c in enumerate(row)]
        for i, row in enumerate(plan.rows)
    ]
    cols = len(widths)
    data = [row + [""] * (cols - len(row)) for row in data]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(r.design.table.data),
        ("LINEBELOW", (0, 0), (-1, -1), r.design.rules.table_row, r.pal.rule),
    ]
    if n_head:
        style += [
            ("BACKGROUND", (0, 0), (-1, n_head - 1), r.pal.band),
            ("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), r.design.rules.table_head, r.pal.band_edge),
        ]
    style.append(("ROWBACKGROUNDS", (0, n_head), (-1, -1), [r.pal.paper, r.pal.zebra]))
    grid = DataTable(
        data, colWidths=widths, repeatRows=n_head, style=table_style(style, r), hAlign="LEFT", splitByRow=1
    )
    out: list[Flowable] = [grid, Spacer(1, r.styles["body"].fontSize * r.design.table.after)]
    if b.caption:
        out.insert(1, r.para(b.caption, "caption"))
    return out


def fact_plan(table: m.Table, width: float, r: Renderer) -> tuple[float, m.Table]:
    """The label column's share, and the facts hyphenated for it: the plan the DOCX follows
    too (`common/facts.py`)."""
    theme = r.extras["theme"]
    pad = r.design.table.facts
    fonts = FactFonts(
        theme.heading_fonts.bold,  # type: ignore[attr-defined]
        r.styles["fact_label"].fontSize,
        theme.fonts.regular,  # type: ignore[attr-defined]
        r.styles["fact_value"].fontSize,
    )
    texts = fact_texts(table)
    sides = pad.left + pad.right
    share = _SHARES.once((width, sides, texts, fonts), lambda: label_share(texts, width, fonts, sides))
    return share, fit_facts(table, width, share, fonts, sides)


# A writer's per-process memo (see `batch/caches.py` for why it is not passed in).
_SHARES: Memo[float] = Memo("fact box label shares", 256)


def fact_cells(b: m.Table, r: Renderer) -> list[list[Paragraph | str]]:
    data: list[list[Paragraph | str]] = []
    for row in b.rows:
        label = Paragraph(r.inline.run(row[0].children), r.styles["fact_label"]) if row else ""
        value = (
            Paragraph(r.inline.run(tuple(i for c in row[1:] for i in c.children)), r.styles["fact_value"])
            if len(row) > 1
            else ""
        )
        data.append([label, value])
    return data


def facts_table(
    b: m.Table, r: Renderer, width: float, label_share: float = 0.32, data: list[list[Paragraph | str]] | None = None
) -> Table:
    data = data if data is not None else fact_cells(b, r)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(r.design.table.facts),
        ("LINEBELOW", (0, 0), (-1, -2), r.design.rules.facts_row, r.pal.rule),
    ]
    return Table(
        data, colWidths=[width * label_share, width * (1 - label_share)], style=table_style(style, r), hAlign="LEFT"
    )


def _figures(b: m.Table, r: Renderer, per_row: int = 3) -> Table:
    """Headline figures, `per_row` to a line: the value large, its label small beneath."""
    big, rules = r.styles["figure_value"], r.design.rules
    cells = [
        [
            Paragraph(r.inline.heading(row[0].children), big),
            Paragraph(r.inline.run(row[1].children if len(row) > 1 else ()), r.styles["caption"]),
        ]
        for row in b.rows
    ]
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    grid = [row + [""] * (per_row - len(row)) for row in grid]
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), r.pal.panel),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEAFTER", (0, 0), (-2, -1), rules.figures_between, r.pal.rule),
            ("LINEABOVE", (0, 0), (-1, 0), rules.figures_top, r.pal.accent),
            *padding(r.design.table.figures),
        ],
        r,
    )
    return Table(grid, colWidths=[r.width / per_row] * per_row, style=style, hAlign="LEFT")
