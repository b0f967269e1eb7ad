"""PDF handlers for nested blocks: bullet and numbered lists, and block quotes."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListFlowable, ListItem, Spacer, Table

from briefgen.design.spacing import Pad
from briefgen.model import nodes as m
from briefgen.writers.pdf.boxes import split_in_row
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.tables import padding, table_style


def _list_items(items: tuple[m.ListItem, ...], r: Renderer, indent: float) -> list[ListItem]:
    inner = r.inner(r.width - indent)  # a table in an item is as wide as the item, not the page
    out = []
    for item in items:
        flows = inner.blocks(item.blocks)
        r.figures = inner.figures
        if flows and isinstance(flows[-1], Paragraph):
            flows[-1].style = _tight(flows[-1].style, r.design.lists.item_after)
        out.append(ListItem(flows or [Spacer(1, 1)]))
    return out


def _tight(style: ParagraphStyle, after: float) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-li", parent=style, spaceAfter=style.fontSize * after)


def bullet_list(b: m.BulletList, r: Renderer) -> list[Flowable]:
    size, space = r.styles["body"].fontSize, r.design.lists
    return [
        ListFlowable(
            _list_items(b.items, r, size * space.bullet),
            bulletType="bullet",
            start="•",
            bulletColor=r.pal.accent,
            bulletFontName=r.styles["body"].fontName,
            leftIndent=size * space.bullet,
            bulletFontSize=size,
            spaceAfter=size * space.after,
        )
    ]


def ordered_list(b: m.OrderedList, r: Renderer) -> list[Flowable]:
    size, space = r.styles["body"].fontSize, r.design.lists
    heads = r.styles["h4"].fontName
    return [
        ListFlowable(
            _list_items(b.items, r, size * space.number),
            bulletType="1",
            start=b.start,
            bulletFormat="%s.",
            bulletColor=r.pal.accent,
            bulletFontName=heads,
            leftIndent=size * space.number,
            bulletFontSize=size,
            spaceAfter=size * space.after,
        )
    ]


def block_quote(b: m.BlockQuote, r: Renderer) -> list[Flowable]:
    box = r.design.box
    inner = r.inner(r.width - box.quote_inset)
    inner.paragraph_style = "quote"
    content = inner.blocks(b.blocks)
    r.figures = inner.figures
    style = table_style(
        [
            ("LINEBEFORE", (0, 0), (0, -1), r.design.rules.quote_bar, r.pal.accent),
            *padding(Pad(0, box.quote_pad, 0, box.quote_pad)),
        ],
        r,
    )
    table = Table(
        [[content]],
        colWidths=[r.width - r.design.rules.quote_bar * 2],
        style=style,
        hAlign="LEFT",
        splitInRow=split_in_row(r),
    )
    return [table, Spacer(1, box.quote_after)]
