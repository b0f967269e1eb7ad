"""writers.docx.tables: data tables (numbered caption, repeated header rows, fixed widths
that fill the text width), fact boxes, headline-figure panels and call-out boxes as
one-cell tables whose bar and fill come from the design."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import text, xp

from briefgen.design.system import box_look
from briefgen.model import nodes as m
from briefgen.writers.docx.styles.styles import palette
from briefgen.writers.docx.tables import column_widths, twips_summing

T = m.Text


def row(*words: str) -> tuple[m.Cell, ...]:
    return tuple(m.Cell((T(x),)) for x in words)


def data_table(**kw: Any) -> m.Table:
    return m.Table(header=(row("Port", "Ships"),), rows=(row("Alpha", "12"), row("Beta", "7")), **kw)


def test_a_data_table_has_a_numbered_caption_a_repeating_header_and_the_text_width(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, data_table(caption=(T("Traffic"),)), data_table(caption=(T("Again"),)))
    captions = [text(p) for p in xp(body, "w:p[w:pPr/w:pStyle/@w:val='Caption']")]
    assert captions == ["Table 1: Traffic", "Table 2: Again"]
    assert xp(body, "w:p[w:pPr/w:pStyle/@w:val='Caption']/w:pPr/w:keepNext")  # kept with its table
    tbl = xp(body, "w:tbl")[0]
    assert xp(tbl, "w:tblPr/w:tblCaption/@w:val") == ["Traffic"]  # the table's own alt text
    assert xp(tbl, "w:tblPr/w:tblLayout/@w:type") == ["fixed"]
    widths = [int(x) for x in xp(tbl, "w:tblGrid/w:gridCol/@w:w")]
    assert sum(widths) == c.width == int(xp(tbl, "w:tblPr/w:tblW/@w:w")[0])
    header, *rows = xp(tbl, "w:tr")
    assert xp(header, "w:trPr/w:tblHeader") and not any(xp(r, "w:trPr/w:tblHeader") for r in rows)
    assert [text(r) for r in rows] == ["Alpha12", "Beta7"]
    assert set(xp(header, ".//w:pStyle/@w:val")) == {"TableHeading"}


def test_an_aligned_cell_is_justified_and_every_cell_ends_with_a_paragraph(theme: Any) -> None:
    c = docxkit.ctx(theme)
    t = m.Table(header=(), rows=((m.Cell((T("left"),)), m.Cell((T("9"),), align="right")), (m.Cell(()),)))
    tbl = xp(docxkit.render(c, t), "w:tbl")[0]
    assert xp(tbl, ".//w:p[.//w:t='9']/w:pPr/w:jc/@w:val") == ["right"]
    assert xp(tbl, ".//w:p[.//w:t='left']/w:pPr/w:jc") == []
    for tc in xp(tbl, ".//w:tc"):
        assert tc[-1].tag == docxkit.w("p")
    assert len(xp(tbl, "w:tr[2]/w:tc")) == 2  # a short row is padded to the table's columns


def test_a_fact_box_has_a_title_row_and_label_value_cells(theme: Any) -> None:
    c = docxkit.ctx(theme)
    facts = m.Table(
        header=(), rows=(row("Capital", "Nordby"), row("People", "1,200")), kind="facts", caption=(T("Facts"),)
    )
    body = docxkit.render(c, facts)
    assert [text(p) for p in xp(body, "w:p[w:pPr/w:pStyle/@w:val='Caption']")] == []  # not a numbered table
    tbl = xp(body, "w:tbl")[0]
    assert xp(tbl, "w:tr[1]/w:tc/w:tcPr/w:gridSpan/@w:val") == ["2"]
    assert xp(tbl, "w:tr[1]//w:pStyle/@w:val") == ["BoxTitle"]
    assert xp(tbl, "w:tr[2]/w:tc/w:p/w:pPr/w:pStyle/@w:val") == ["FactLabel", "FactValue"]


def test_headline_figures_are_a_panel_of_at_most_three_columns(theme: Any) -> None:
    c = docxkit.ctx(theme)
    pairs = tuple(row(f"{n}%", f"label {n}") for n in range(1, 5))
    tbl = xp(docxkit.render(c, m.Table(header=(), rows=pairs, kind="figures")), "w:tbl")[0]
    assert len(xp(tbl, "w:tblGrid/w:gridCol")) == 3 and len(xp(tbl, "w:tr")) == 2
    assert xp(tbl, "w:tr[1]/w:tc[1]/w:p/w:pPr/w:pStyle/@w:val") == ["FigureValue", "FigureLabel"]
    assert text(xp(tbl, "w:tr[2]")[0]) == "4%label 4"


def test_a_callout_is_a_one_cell_box_with_the_designs_bar_and_fill(theme: Any) -> None:
    c = docxkit.ctx(theme)
    box = m.Callout("Bottom line", (m.Paragraph((T("It matters."),)),), kind="bottom-line")
    tbl = xp(docxkit.render(c, box), "w:tbl")[0]
    look = box_look(palette(theme).design, "bottom-line")
    [tc] = xp(tbl, ".//w:tc")
    assert xp(tc, "w:tcPr/w:shd/@w:fill") == [look.fill.lstrip("#").upper()]
    assert xp(tc, "w:tcPr/w:tcBorders/w:left/@w:color") == [look.bar.lstrip("#").upper()]
    assert xp(tc, "w:tcPr/w:tcBorders/w:top/@w:val") == ["nil"]
    assert [(xp(p, "string(w:pPr/w:pStyle/@w:val)"), text(p)) for p in xp(tc, "w:p")] == [
        ("BottomLineTitle", "Bottom line"),
        ("BottomLineText", "It matters."),
    ]
    # As the PDF's: the bar centred on the column's edge, the box out to the column's right edge.
    half = round(palette(theme).design.rules.box_bar * 20) // 2
    assert int(xp(tbl, "w:tblPr/w:tblInd/@w:w")[0]) == -half
    assert int(xp(tbl, "w:tblPr/w:tblW/@w:w")[0]) == c.width + half


def test_a_table_in_a_list_is_indented_by_the_lists_depth(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.BulletList((m.ListItem((m.Paragraph((T("item"),)), data_table())),)))
    indent = int(xp(body, "w:tbl/w:tblPr/w:tblInd/@w:w")[0])
    assert indent > 0 and int(xp(body, "w:tbl/w:tblPr/w:tblW/@w:w")[0]) == c.width - indent


def test_estimated_widths_fit_the_total_and_favour_longer_content() -> None:
    rows = [row("a", "a much longer value with many words in it")]
    widths = column_widths(rows, 2, 9000)
    assert sum(widths) == 9000 and widths[1] > widths[0]
    tight = column_widths([row("x" * 18, "y" * 18)], 2, 1000)  # too narrow: shared by the longest words
    assert sum(tight) == 1000 and tight[0] == tight[1]


def test_twips_summing_rounds_to_whole_twips_with_the_exact_total() -> None:
    assert twips_summing((10.01, 20.02, 30.03), 1201) == [200, 400, 601]


def test_a_fitted_fact_box_is_remembered_per_table_and_width_and_never_lent_to_another(theme: Any) -> None:
    from lxml import etree

    def facts(label: str) -> m.Table:
        return m.Table(header=(), rows=(row(label, "Nordby"), row("People", "1,200")), kind="facts")

    def grid(table: m.Table, width: int | None = None) -> tuple[list[str], bytes]:
        c = docxkit.ctx(theme)
        if width:
            c.width = width
        tbl = xp(docxkit.render(c, table), "w:tbl")[0]
        return xp(tbl, "w:tblGrid/w:gridCol/@w:w"), etree.tostring(tbl)

    short, long = facts("Capital"), facts("Administrative capital of the whole region")
    first = grid(short)
    assert grid(long)[0] != first[0]  # a longer label takes a wider label column
    assert grid(short) == first  # the same table again: the same XML
    assert grid(facts("Capital")) == first  # an equal table, another object: measured alike
    narrow = grid(short, width=4000)[0]
    assert sum(int(w) for w in narrow) == 4000 and narrow != first[0]


def test_a_long_tables_first_rows_and_its_row_before_the_last_keep_with_the_next(theme: Any) -> None:
    rows = tuple(row(f"Port {i}", str(i)) for i in range(10))
    tbl = xp(docxkit.render(docxkit.ctx(theme), m.Table(header=(row("Port", "Ships"),), rows=rows)), "w:tbl")[0]
    kept = [i for i, tr in enumerate(xp(tbl, "w:tr")) if xp(tr, "w:tc/w:p/w:pPr/w:keepNext")]
    assert kept == [0, 1, 2, 9]  # the header and two rows go with a third; row 9 with the last (10)
