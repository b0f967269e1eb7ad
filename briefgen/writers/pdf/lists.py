"""PDF handlers for nested blocks: bullet and numbered lists, and block quotes."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListItem, Spacer, Table

from briefgen.design.spacing import Pad
from briefgen.libs.rl_hooks import label_bullets
from briefgen.model import nodes as m
from briefgen.writers.pdf.boxes import split_in_row
from briefgen.writers.pdf.makeup import KeptList
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.tables import padding, table_style
from briefgen.writers.pdf.tagmodel import Tags


def _list_items(items: tuple[m.ListItem, ...], r: Renderer, indent: float) -> tuple[list[ListItem], list[Any]]:
    """The items' flowables, and (in a tagged PDF) each item's `Lbl` for its bullet."""
    inner = r.inner(r.width - indent)  # a table in an item is as wide as the item, not the page
    tags: Tags | None = r.extras.get("tags")  # type: ignore[assignment]
    out, labels = [], []
    for item in items:
        flows = inner.blocks(item.blocks)
        r.figures = inner.figures
        if tags is not None:
            labels.append(tags.label())
        if flows and isinstance(flows[-1], Paragraph):
            flows[-1].style = _tight(flows[-1].style, r.design.lists.item_after)
        out.append(ListItem(flows or [Spacer(1, 1)]))
    return out, labels


def _labelled(flowable: KeptList, labels: list[Any]) -> list[Flowable]:
    if labels:
        label_bullets(flowable, labels)
    return [flowable]


def _tight(style: ParagraphStyle, after: float) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-li", parent=style, spaceAfter=style.fontSize * after)


def bullet_list(b: m.BulletList, r: Renderer) -> list[Flowable]:
    size, space = r.styles["body"].fontSize, r.design.lists
    items, labels = _list_items(b.items, r, size * space.bullet)
    return _labelled(
        KeptList(
            items,
            bulletType="bullet",
            start="•",
            bulletColor=r.pal.accent,
            bulletFontName=r.styles["body"].fontName,
            leftIndent=size * space.bullet,
            bulletFontSize=size,
            spaceAfter=size * space.after,
        ),
        labels,
    )


def ordered_list(b: m.OrderedList, r: Renderer) -> list[Flowable]:
    size, space = r.styles["body"].fontSize, r.design.lists
    heads = r.styles["h4"].fontName
    items, labels = _list_items(b.items, r, size * space.number)
    return _labelled(
        KeptList(
            items,
            bulletType="1",
            start=b.start,
            bulletFormat="%s.",
            bulletColor=r.pal.accent,
            bulletFontName=heads,
            leftIndent=size * space.number,
            bulletFontSize=size,
            spaceAfter=size * space.after,
        ),
        labels,
    )


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
