"""writers.pdf.lists: bullet and numbered lists in the accent colour (numbers from the
list's own start), items as wide as the list, the last paragraph of an item tight, and
quotes boxed behind a bar in the body's quote style."""

from __future__ import annotations

from typing import Any

import pdfkit
from reportlab.platypus import ListFlowable, Table

from briefgen.model import nodes as m
from briefgen.writers.pdf import lists

T = m.Text


def items(*words: str) -> tuple[m.ListItem, ...]:
    return tuple(m.ListItem((m.Paragraph((T(w),)),)) for w in words)


def test_a_numbered_list_counts_from_its_start_and_prints_its_numbers(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    [flow] = lists.ordered_list(m.OrderedList(items("alpha", "beta"), start=4), r)
    assert isinstance(flow, ListFlowable)
    assert pdfkit.words([flow]) == "4. alpha 5. beta"


def test_bullets_print_in_front_of_each_item(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    assert pdfkit.words(lists.bullet_list(m.BulletList(items("one", "two")), r)) == "• one • two"


def test_an_items_last_paragraph_is_tight_and_the_style_is_not_changed_for_others(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    body = r.styles["body"]
    [flow] = lists.bullet_list(m.BulletList(items("x")), r)
    para = flow._flowables[0]._flowables[0]
    assert para.style.spaceAfter < body.spaceAfter and para.style.parent is body
    assert r.styles["body"] is body and body.spaceAfter == pdfkit.renderer(theme).styles["body"].spaceAfter


def test_a_table_in_an_item_is_as_wide_as_the_item(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    row = (m.Cell((T("a"),)), m.Cell((T("b"),)))
    item = m.ListItem((m.Table(header=(row,), rows=(row,)),))
    [flow] = lists.bullet_list(m.BulletList((item,)), r)
    table = flow._flowables[0]._flowables[0]
    assert sum(table._colWidths) <= r.width - r.styles["body"].fontSize * 1.3 + 0.01


def test_a_quote_is_a_barred_box_in_the_quote_style(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    quote, _space = lists.block_quote(m.BlockQuote((m.Paragraph((T("quoted words"),)),)), r)
    assert isinstance(quote, Table)
    [inner] = quote._cellvalues[0][0]
    assert inner.style is r.styles["quote"]
    assert any(cmd[0] == "LINEBEFORE" and cmd[4] == r.pal.accent for cmd in quote._linecmds)
    assert pdfkit.words([quote]) == "quoted words"
