"""PDF handlers for boxes: call-outs, bottom lines, contacts and fact boxes (facts beside a locator map).

Also the one rule for how a box may split across pages (`split_in_row`), which quotes share.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable, Spacer, Table

from briefgen.design.spacing import Pad
from briefgen.design.system import box_look
from briefgen.model import nodes as m
from briefgen.writers.pdf.figures import locator
from briefgen.writers.pdf.makeup import Box
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.tables import fact_plan, facts_table, padding, table_style


def split_in_row(r: Renderer) -> int:
    # Only the outermost box splits inside its row: reportlab's row splitting of boxes
    # nested in boxes grows exponentially with depth (a build that never ends). A nested
    # box moves whole; one taller than a page is then a layout error at its line.
    return 1 if r.depth == 0 else 0


def _boxed(content: list[Flowable], r: Renderer, *, bg: Color, bar: Color, pad: Pad) -> Box:
    style = table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), bg),
            ("LINEBEFORE", (0, 0), (0, -1), r.design.rules.box_bar, bar),
            *padding(pad),
        ],
        r,
    )
    page = float(r.extras["frame_height"])  # type: ignore[arg-type]
    return Box(
        [[content]], colWidths=[r.width], style=style, hAlign="LEFT", splitInRow=split_in_row(r), page_height=page
    )


def callout(b: m.Callout, r: Renderer) -> list[Flowable]:
    look, pad = box_look(r.design, b.kind), r.design.box.pad
    inner = r.inner(r.width - pad.left - pad.right)
    if look.body != "box_body":
        inner.paragraph_style = look.body
    content: list[Flowable] = []
    if b.title:
        title = b.title.upper() if look.caps_title else b.title
        content.append(Paragraph(r.inline.plain(title, heading=True), r.styles[look.title]))
    bg, bar = HexColor(look.fill), HexColor(look.bar)
    beside = _with_locator(b, inner)
    content += beside if beside else inner.blocks(b.blocks)
    r.figures = inner.figures
    size = r.styles["body"].fontSize
    return [_boxed(content, r, bg=bg, bar=bar, pad=pad), Spacer(1, size * r.design.box.after)]


def _is_locator(block: m.Block) -> bool:
    return isinstance(block, m.Chart) and not block.spec.numbered


def _with_locator(b: m.Callout, r: Renderer) -> list[Flowable]:
    """A fact box of [facts, locator]: the facts left and the map right, top-aligned, in one row.

    Empty for any other box, and for a box too narrow to share (under 2.5 map widths),
    which then stacks its blocks as usual.
    """
    blocks = b.blocks
    if not (
        b.kind == "factbox"
        and len(blocks) == 2
        and isinstance(blocks[0], m.Table)
        and blocks[0].kind == "facts"
        and _is_locator(blocks[1])
    ):
        return []
    from briefgen.charts.locator import WIDTH_PT  # loaded already: the locator's spec came from it

    if r.width < 2.5 * WIDTH_PT:
        return []
    art = locator(blocks[1], r)
    gutter = r.styles["body"].fontSize * r.design.box.beside_gutter
    facts_width = r.width - art.width - gutter
    # Narrowed, the usual 32 % label column wraps most labels: take the split that
    # makes the facts shortest (ties go to the narrower label column).
    share, fitted = fact_plan(blocks[0], facts_width, r)
    facts = facts_table(fitted, r, facts_width, share)
    facts.source_pos = blocks[0].pos
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(Pad(0, 0, 0, 0)),
        ("LEFTPADDING", (1, 0), (1, 0), gutter),
        # The map's top edge level with the first fact's text, not with its cell padding.
        ("TOPPADDING", (1, 0), (1, 0), r.design.table.facts.top),
    ]
    return [
        Table([[facts, art]], colWidths=[facts_width, art.width + gutter], style=table_style(style, r), hAlign="LEFT")
    ]
