"""Tables, fact boxes and call-out boxes.

All are real Word tables as wide as the space they sit in, with fixed column widths so
cells wrap instead of stretching: a data table's come from the plan the PDF follows too
(`columns.py`), a fact box's are estimated from its content. Header rows repeat on
every page (`w:tblHeader`); data and facts tables get their look from a table style, and
call-outs are one-cell tables whose border and fill say what kind of box they are. A fact
box of facts plus a locator inset holds a borderless two-cell row: facts left, map right.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.design.spacing import Pad, TableSpace
from briefgen.design.system import box_look, scaled
from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.memo import IdentityMemo
from briefgen.writers.common.columns import CellFonts, Columns, lay_out
from briefgen.writers.common.facts import FactFonts, fact_texts, fit_facts, label_share
from briefgen.writers.common.makeup import TABLE_END_ROWS, TABLE_START_ROWS
from briefgen.writers.docx.blocks import new_paragraph, scoped, text_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import run
from briefgen.writers.docx.figures import locator_picture
from briefgen.writers.docx.inline import inline_text
from briefgen.writers.docx.labels import label_runs
from briefgen.writers.docx.package.ooxml import (
    TBLPR_ORDER,
    add_ordered,
    border,
    el,
    hexcolor,
    mm_twips,
    no_border,
    ordered,
    set_ppr,
    shading,
    spacing,
    twips,
    val,
)
from briefgen.writers.docx.styles.styles import palette, style_id
from briefgen.writers.docx.styles.tablestyles import (
    BOX_TABLE,
    DATA_TABLE,
    FACTS_IN_BOX,
    FACTS_TABLE,
    FIGURES_TABLE,
    NO_PAD,
    cell_margins,
    rule_height,
)
from briefgen.writers.docx.text import plain

CELL_PAD = twips(TableSpace.data.left + TableSpace.data.right)  # a data cell's side padding, for width estimates
CHAR = 88  # twips: an average character at table size, for width estimates
FIGURE_COLUMNS = 3


def table_xml(style: str, widths: list[int], indent: int, header_look: bool) -> _Element:
    zebra = style == DATA_TABLE  # every other row shaded, as the PDF's data tables
    look = {
        "val": ("0420" if zebra else "04A0") if header_look else ("0400" if zebra else "0600"),
        "firstRow": int(header_look),
        "lastRow": 0,
        "firstColumn": 0,
        "lastColumn": 0,
        "noHBand": 0 if zebra else 1,
        "noVBand": 1,
    }
    tbl_pr = ordered(
        "w:tblPr",
        [
            val("w:tblStyle", style_id(style)),
            el("w:tblW", {"w": sum(widths), "type": "dxa"}),
            el("w:tblInd", {"w": indent, "type": "dxa"}) if indent else None,
            el("w:tblLayout", {"type": "fixed"}),
            el("w:tblLook", look),
        ],
    )
    return el("w:tbl", None, tbl_pr, el("w:tblGrid", None, *(el("w:gridCol", {"w": w}) for w in widths)))


def add_row(tbl: _Element, header: bool = False) -> _Element:
    props = [el("w:cantSplit")] + ([el("w:tblHeader")] if header else [])
    tr = el("w:tr", None, el("w:trPr", None, *props))
    tbl.append(tr)
    return tr


def add_cell(tr: _Element, width: int, span: int = 1, extra: list[_Element] | None = None) -> _Element:
    tc_pr = ordered(
        "w:tcPr",
        [el("w:tcW", {"w": width, "type": "dxa"}), val("w:gridSpan", span) if span > 1 else None, *(extra or [])],
    )
    tc = el("w:tc", None, tc_pr)
    tr.append(tc)
    return tc


def finish_cell(tc: _Element) -> None:
    """A cell must end with a paragraph (Word calls the file corrupt otherwise)."""
    children = [c for c in tc if not c.tag.endswith("}tcPr")]
    if not children or not children[-1].tag.endswith("}p"):
        tc.append(el("w:p"))


def _available(ctx: Ctx) -> tuple[int, int]:
    """(indent, width) for a table at the current list depth."""
    return ctx.list_indent, ctx.width - ctx.list_indent


def column_widths(rows: list[tuple[m.Cell, ...]], ncols: int, total: int) -> list[int]:
    """Column widths (twips) summing to `total`: wide enough for the longest word, then by content."""
    need, least = [CELL_PAD * 2] * ncols, [CELL_PAD * 2] * ncols
    for row in rows:
        for j, cell in enumerate(row[:ncols]):
            text = inline_text(cell.children)
            longest_word = max((len(w) for w in text.split()), default=0)
            need[j] = max(need[j], min(len(text), 60) * CHAR + CELL_PAD)
            least[j] = max(least[j], min(longest_word, 18) * CHAR + CELL_PAD)
    if sum(need) <= total:
        widths = [n * total / sum(need) for n in need]
    elif sum(least) >= total:
        widths = [n * total / sum(least) for n in least]
    else:
        spare = (total - sum(least)) / (sum(need) - sum(least))
        widths = [lo + (n - lo) * spare for n, lo in zip(need, least, strict=True)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)  # rounding: the table is exactly as wide as the text
    return out


def _columns(node: m.Table, width: int, ctx: Ctx) -> Columns:
    theme = ctx.theme
    fonts = CellFonts(
        theme.heading_fonts.bold,
        theme.fonts.regular,
        scaled(palette(theme).design.text("cell"), theme.base_size * ctx.scale).size,
    )
    return lay_out(node, width / 20, fonts)


def twips_summing(points: tuple[float, ...], total: int) -> list[int]:
    """Widths in points as whole twips that add up to exactly `total`."""
    out = [int(p * 20) for p in points]
    out[-1] += total - sum(out)
    return out


def _table(node: m.Table, container: Any, ctx: Ctx) -> None:
    if node.kind == "figures":
        _figures(node, container, ctx)
        return
    facts = node.kind == "facts"
    rows = [*node.header, *node.rows]
    ncols = max((len(r) for r in rows), default=1) or 1
    indent, width = _available(ctx)
    if node.caption and not facts:
        ctx.tables += 1
        cap = new_paragraph(container, "Caption")
        set_ppr(cap, el("w:keepNext"))
        label_runs(cap, ctx.meta.labels.table, {"number": ("SEQ Table \\* ARABIC", str(ctx.tables))})
        cap.append(run(": "))
        ctx.render_inlines(node.caption, cap, ctx)
    if facts and ncols == 2:  # the plan the PDF follows too (common/facts.py)
        widths, fitted = _fact_widths(node, width, ctx)
        rows = [*fitted.header, *fitted.rows]
    elif facts:
        widths = column_widths(rows, ncols, width)
    else:  # the plan the PDF follows too (columns.py): widths, glued units, hyphenated words
        plan = _columns(node, width, ctx)
        widths = twips_summing(plan.widths, width)
        rows = [*plan.header, *plan.rows]
    style = (FACTS_IN_BOX if ctx.box else FACTS_TABLE) if facts else DATA_TABLE
    tbl = table_xml(style, widths, indent, bool(node.header) and not facts)
    # Cell padding as the PDF's, less the spacing the cell styles put above and below each
    # paragraph: rows as tall in both formats, so the DOCX paginates like the PDF.
    if not facts or ncols == 2:
        add_ordered(tbl.find(qn("w:tblPr")), cell_margins(_word_pad(facts, ctx)), TBLPR_ORDER)
    if node.caption:
        # The table's own alt text (Word: Table Properties › Alt Text), for screen readers.
        add_ordered(tbl.find(qn("w:tblPr")), val("w:tblCaption", plain(inline_text(node.caption))[:250]), TBLPR_ORDER)
    opc.insert_table(container, tbl)
    if facts and node.caption:
        tc = add_cell(add_row(tbl), width, span=ncols)
        text_paragraph(opc.cell(tc, container), "Box Title", node.caption, ctx)
    # Word keeps a row with the next when every paragraph in it keeps with the next: the
    # header and the first body rows, so a table starts with TABLE_START_ROWS of them, and
    # the rows before the last, so the last never goes over alone (TABLE_END_ROWS).
    keep = 0 if facts else min(len(node.header) + TABLE_START_ROWS - 1, len(rows) - 1)
    tail = len(rows) if facts else len(rows) - TABLE_END_ROWS
    # The header's heavier rule takes its own height from the header cells' padding.
    head_pad = _word_pad(False, ctx, palette(ctx.theme).design.rules.table_head)
    for i, row in enumerate(rows):
        header = i < len(node.header)
        tr = add_row(tbl, header=header)
        for j in range(ncols):
            tc = add_cell(tr, widths[j], extra=[cell_margins(head_pad, "w:tcMar")] if header and not facts else None)
            cell = row[j] if j < len(row) else m.Cell(())
            style = (
                ("Fact Label" if j == 0 else "Fact Value") if facts else ("Table Heading" if header else "Table Text")
            )
            p = text_paragraph(opc.cell(tc, container), style, cell.children, ctx)
            if cell.align in ("center", "right"):
                set_ppr(p, val("w:jc", cell.align))
            if i < keep or tail <= i < len(rows) - 1:
                set_ppr(p, el("w:keepNext"))
            finish_cell(tc)
    new_paragraph(container, "Grid Spacer")


def _fact_widths(node: m.Table, width: int, ctx: Ctx) -> tuple[list[int], m.Table]:
    """Label and value columns in twips, split as the PDF splits them, and the facts
    hyphenated for them."""
    design = palette(ctx.theme).design
    size = ctx.theme.base_size * ctx.scale
    fonts = FactFonts(
        ctx.theme.heading_fonts.bold,
        scaled(design.text("fact_label"), size).size,
        ctx.theme.fonts.regular,
        scaled(design.text("fact_value"), size).size,
    )
    pad = design.table.facts
    sides = pad.left + pad.right
    found = _FITTED.get(node, (width, fonts, sides))
    if found is None:
        share = label_share(fact_texts(node), width / 20, fonts, sides)
        found = _FITTED.put(node, (share, fit_facts(node, width / 20, share, fonts, sides)), (width, fonts, sides))
    share, fitted = found
    label = int(width * share)
    return [label, width - label], fitted


# A batch's annexes show the same profiles' fact boxes (the same parsed tables), and
# measuring their words for the split and the hyphens is most of a box's time: the
# split and the fitted table are remembered per table, width, fonts and padding.
_FITTED: IdentityMemo[m.Table, tuple[float, m.Table]] = IdentityMemo("fact boxes fitted (DOCX)", 512)


def _word_pad(facts: bool, ctx: Ctx, rule: float | None = None) -> Pad:
    """A data or facts table's PDF padding, less Word's paragraph spacing in its cells and
    the height of the rule under each row (`rule` points wide; by default the table's)."""
    design = palette(ctx.theme).design
    space = design.table
    pad = space.facts if facts else space.data
    spaced = space.cell_text * ctx.theme.base_size * ctx.scale
    if rule is None:
        rule = design.rules.facts_row if facts else design.rules.table_row
    below = pad.bottom - spaced - rule_height(rule)
    return Pad(max(pad.top - spaced, 0), pad.right, max(below, 0), pad.left)


def _figures(node: m.Table, container: Any, ctx: Ctx) -> None:
    """Headline figures (rows of value, label) as a panel of up to three columns."""
    pairs = [(row[0], row[1] if len(row) > 1 else m.Cell(())) for row in (*node.header, *node.rows) if row]
    ncols = min(FIGURE_COLUMNS, max(len(pairs), 1))
    indent, width = _available(ctx)
    widths = [width // ncols] * ncols
    widths[-1] += width - sum(widths)
    tbl = table_xml(FIGURES_TABLE, widths, indent, header_look=False)
    opc.insert_table(container, tbl)
    for start in range(0, len(pairs), ncols):
        tr = add_row(tbl)
        for j in range(ncols):
            tc = add_cell(tr, widths[j])
            if start + j < len(pairs):
                value, label = pairs[start + j]
                cell = opc.cell(tc, container)
                text_paragraph(cell, "Figure Value", value.children, ctx)
                text_paragraph(cell, "Figure Label", label.children, ctx)
            finish_cell(tc)
    new_paragraph(container, "Figures Spacer")


def _box_look(kind: str, ctx: Ctx) -> list[_Element]:
    """Fill and left bar of a box by kind (tcPr children): the design's, as the PDF draws them."""
    p = palette(ctx.theme)
    look = box_look(p.design, kind)
    bar = border("left", hexcolor(look.bar), p.design.rules.box_bar)
    edges = [no_border("top"), bar, no_border("bottom"), no_border("right")]
    return [ordered("w:tcBorders", edges), shading(hexcolor(look.fill))]


def _half_bar(ctx: Ctx) -> int:
    """Twips of half a box's left bar. The PDF centres the bar on the column's edge, so the
    box's table starts that much left of the column and is that much wider: its text and
    its right edge fall where the PDF's do (LibreOffice sets a cell's text half its left
    border in from the edge)."""
    return twips(palette(ctx.theme).design.rules.box_bar) // 2


# The Word style for each title role of the design's boxes (a contact box's title looks
# like a level-2 heading, without joining the contents or the navigation pane).
BOX_TITLES = {"box_title": "Box Title", "bottom_title": "Bottom Line Title", "h2": "Box Heading"}


def _callout(node: m.Callout, container: Any, ctx: Ctx) -> None:
    indent, width = _available(ctx)
    half = _half_bar(ctx)
    tbl = table_xml(BOX_TABLE, [width + half], indent - half, header_look=False)
    opc.insert_table(container, tbl)
    tc = add_cell(add_row(tbl), width + half, extra=_box_look(node.kind, ctx))
    cell = opc.cell(tc, container)
    if node.title:
        title = new_paragraph(cell, BOX_TITLES[box_look(palette(ctx.theme).design, node.kind).title])
        title.append(run(node.title))
    pad = palette(ctx.theme).design.box.pad
    inner = width - twips(pad.left + pad.right)  # the PDF's box content width
    with scoped(ctx, box=node.kind, para_style=None, list_depth=0, list_indent=0, width=inner):
        if _has_locator(node) and ctx.width >= 2.5 * _locator_width():
            _beside(node.blocks[0], node.blocks[1], cell, ctx)
        else:
            ctx.render_blocks(node.blocks, cell, ctx)
    finish_cell(tc)
    flush_cell_ends(tc)
    new_paragraph(container, "Table Spacer")


def flush_cell_ends(tc: _Element) -> None:
    """No space above a cell's first paragraph nor below its last, as the PDF: reportlab
    drops them inside a cell, where Word and LibreOffice keep them (a box ending with a
    list would be a paragraph gap taller in the DOCX)."""
    blocks = [c for c in tc if c.tag in (qn("w:p"), qn("w:tbl"))]
    for block, side in ((blocks[0], "before"), (blocks[-1], "after")) if blocks else ():
        style = block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if block.tag != qn("w:p") or (style is not None and style.get(qn("w:val")).endswith("Spacer")):
            continue  # a nested table's spacer is as tall as the PDF's spacer after it
        gap = set_ppr(block).find(qn("w:spacing"))
        if gap is None:
            set_ppr(block, spacing(**{side: 0}))
        else:
            gap.set(qn(f"w:{side}"), "0")


def _has_locator(node: m.Callout) -> bool:
    """A fact box of exactly [facts, locator inset]: side by side when the box is wide enough."""
    b = node.blocks
    return (
        node.kind == "factbox"
        and len(b) == 2
        and isinstance(b[0], m.Table)
        and b[0].kind == "facts"
        and isinstance(b[1], m.Chart)
        and not b[1].spec.numbered
    )


def _locator_width() -> int:
    """The locator's width in twips (charts is loaded already: a locator node came from it)."""
    from briefgen.charts.locator import WIDTH_MM

    return mm_twips(WIDTH_MM)


def _beside(facts: m.Table, locator: m.Chart, container: Any, ctx: Ctx) -> None:
    """One borderless row inside the box: the facts table left, the locator picture right, top-aligned."""
    design = palette(ctx.theme).design
    gutter = twips(design.box.beside_gutter * ctx.theme.base_size * ctx.scale)
    right = _locator_width() + gutter
    widths = [ctx.width - right, right]
    tbl = table_xml(BOX_TABLE, widths, 0, header_look=False)
    add_ordered(tbl.find(qn("w:tblPr")), cell_margins(NO_PAD), TBLPR_ORDER)  # the box pads; this row does not
    opc.insert_table(container, tbl)
    tr = add_row(tbl)
    left = add_cell(tr, widths[0])
    with scoped(ctx, width=widths[0]):
        ctx.render_blocks((facts,), opc.cell(left, container), ctx)
    finish_cell(left)
    pic = add_cell(tr, widths[1])
    # Level with the first fact's text, below the facts' cell padding.
    before = design.table.facts.top
    locator_picture(locator, opc.cell(pic, container), ctx, width=right - gutter, align="right", before=before)
    finish_cell(pic)
    # The box cell must end with a paragraph; 1 pt high, so the facts' own spacer stays the gap.
    set_ppr(new_paragraph(container), spacing(before=0, after=0, line=1, exact=True))


TABLE_HANDLERS = {m.Table: _table, m.Callout: _callout}
