"""PDF handlers for nested blocks: bullet and numbered lists, and block quotes."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListFlowable, ListItem, Spacer, Table

from briefgen.model import nodes as m
from briefgen.writers.pdf.boxes import split_in_row
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.tables import table_style


def _list_items(items: tuple[m.ListItem, ...], r: Renderer, indent: float) -> list[ListItem]:
    inner = r.inner(r.width - indent)  # a table in an item is as wide as the item, not the page
    out = []
    for item in items:
        flows = inner.blocks(item.blocks)
        r.figures = inner.figures
        if flows and isinstance(flows[-1], Paragraph):
            flows[-1].style = _tight(flows[-1].style)
        out.append(ListItem(flows or [Spacer(1, 1)]))
    return out


def _tight(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-li", parent=style, spaceAfter=style.fontSize * 0.3)


def bullet_list(b: m.BulletList, r: Renderer) -> list[Flowable]:
    size = r.styles["body"].fontSize
    return [
        ListFlowable(
            _list_items(b.items, r, size * 1.3),
            bulletType="bullet",
            start="•",
            bulletColor=r.pal.accent,
            bulletFontName=r.styles["body"].fontName,
            leftIndent=size * 1.3,
            bulletFontSize=size,
            spaceAfter=size * 0.4,
        )
    ]


def ordered_list(b: m.OrderedList, r: Renderer) -> list[Flowable]:
    size = r.styles["body"].fontSize
    heads = r.styles["h4"].fontName
    return [
        ListFlowable(
            _list_items(b.items, r, size * 1.8),
            bulletType="1",
            start=b.start,
            bulletFormat="%s.",
            bulletColor=r.pal.accent,
            bulletFontName=heads,
            leftIndent=size * 1.8,
            bulletFontSize=size,
            spaceAfter=size * 0.4,
        )
    ]


def block_quote(b: m.BlockQuote, r: Renderer) -> list[Flowable]:
    inner = r.inner(r.width - 24)
    inner.paragraph_style = "quote"
    content = inner.blocks(b.blocks)
    r.figures = inner.figures
    style = table_style(
        [
            ("LINEBEFORE", (0, 0), (0, -1), r.design.rules.quote_bar, r.pal.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
        r,
    )
    table = Table([[content]], colWidths=[r.width - 4], style=style, hAlign="LEFT", splitInRow=split_in_row(r))
    return [table, Spacer(1, 6)]
