"""writers.docx.styles.tablestyles: the table styles carry the borders, fills and padding
(from the design's rules and colours), so tables hold nothing but their widths."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import xp

from briefgen.design.spacing import Pad
from briefgen.design.system import design_of
from briefgen.writers.docx.package.ooxml import local, twips
from briefgen.writers.docx.styles.styles import palette, style_id
from briefgen.writers.docx.styles.tablestyles import (
    BOX_TABLE,
    DATA_TABLE,
    FACTS_IN_BOX,
    FACTS_TABLE,
    FIGURES_TABLE,
    cell_margins,
)


def table_style(theme: Any, name: str) -> Any:
    styles = docxkit.ctx(theme).docx.styles.element
    [node] = xp(styles, f"w:style[@w:type='table'][@w:styleId='{style_id(name)}']")
    return node


def test_cell_margins_are_a_design_pad_in_words_order_and_twips() -> None:
    mar = cell_margins(Pad(top=1.5, right=5, bottom=2, left=6))
    assert [local(c) for c in mar] == ["top", "left", "bottom", "right"]
    assert xp(mar, "*/@w:w") == ["30", "120", "40", "100"]
    assert cell_margins(Pad(1, 1, 1, 1), "w:tcMar").tag.endswith("}tcMar")


def test_the_data_table_has_a_banded_header_and_zebra_rows_in_the_design_colours(theme: Any) -> None:
    pal = palette(theme)
    node = table_style(theme, DATA_TABLE)
    assert xp(node, "w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd/@w:fill") == [pal.band]
    assert xp(node, "w:tblStylePr[@w:type='band2Horz']/w:tcPr/w:shd/@w:fill") == [pal.zebra]
    assert xp(node, "w:tblPr/w:tblBorders/w:insideH/@w:color") == [pal.line]
    assert xp(node, "w:tblPr/w:tblBorders/w:top/@w:val") == ["nil"]


def test_facts_in_a_box_are_based_on_the_facts_style(theme: Any) -> None:
    assert xp(table_style(theme, FACTS_IN_BOX), "w:basedOn/@w:val") == [style_id(FACTS_TABLE)]
    facts = design_of(theme).table.facts
    mar = xp(table_style(theme, FACTS_TABLE), "w:tblPr/w:tblCellMar")[0]
    assert xp(mar, "w:right/@w:w") == [str(twips(facts.right))] and xp(mar, "w:top/@w:w") == [str(twips(facts.top))]


def test_the_figures_panel_has_an_accent_rule_on_top_and_a_panel_fill(theme: Any) -> None:
    pal = palette(theme)
    node = table_style(theme, FIGURES_TABLE)
    assert xp(node, "w:tblPr/w:tblBorders/w:top/@w:color") == [pal.accent]
    assert xp(node, "w:tcPr/w:shd/@w:fill") == [pal.panel]


def test_every_table_style_sets_tight_paragraphs_and_the_box_has_no_borders(theme: Any) -> None:
    for name in (DATA_TABLE, FACTS_TABLE, FIGURES_TABLE, BOX_TABLE):
        assert xp(table_style(theme, name), "w:pPr/w:spacing/@w:after") == ["0"], name
    assert xp(table_style(theme, BOX_TABLE), "w:tblPr/w:tblBorders") == []
