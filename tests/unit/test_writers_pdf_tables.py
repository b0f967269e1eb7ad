"""writers.pdf.tables: data tables on the shared column plan (header rows banded and
repeated, zebra rows, caption below), fact tables of label and value, headline figures
three to a row, and every table set in the brand font."""

from __future__ import annotations

from typing import Any

import pdfkit
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Table

from briefgen.model import nodes as m
from briefgen.writers.common.facts import LABEL_SHARES
from briefgen.writers.pdf import tables

T = m.Text


def row(*words: str) -> tuple[m.Cell, ...]:
    return tuple(m.Cell((T(w),)) for w in words)


def test_a_data_table_fills_the_width_repeats_its_header_and_prints_its_cells(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    t = m.Table(header=(row("Port", "Ships"),), rows=(row("Alpha", "12"), row("Beta", "7")), caption=(T("Traffic"),))
    grid, caption, _space = tables.table(t, r)
    assert isinstance(grid, Table) and grid.repeatRows == 1
    assert abs(sum(grid._colWidths) - r.width) < 0.01
    assert caption.style is r.styles["caption"]
    assert pdfkit.words([grid, caption]) == "Port Ships Alpha 12 Beta 7 Traffic"
    assert grid._cellvalues[0][0][0].style.parent is r.styles["cell_head"]  # reportlab keeps a cell as a tuple
    assert grid._cellvalues[1][0][0].style.parent is r.styles["cell"]


def test_a_right_aligned_cell_is_set_right_and_short_rows_are_padded(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    t = m.Table(header=(), rows=((m.Cell((T("a"),)), m.Cell((T("9"),), align="right")), row("b")))
    grid = tables.table(t, r)[0]
    assert grid._cellvalues[0][1].style.alignment == TA_RIGHT
    assert len(grid._cellvalues[1]) == 2


def test_an_empty_table_prints_nothing(theme: Any) -> None:
    assert tables.table(m.Table(header=(), rows=()), pdfkit.renderer(theme)) == []


def test_the_table_style_sets_the_brand_font_first(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    style = tables.table_style([("VALIGN", (0, 0), (-1, -1), "TOP")], r)
    assert style.getCommands()[0] == ("FONTNAME", (0, 0), (-1, -1), r.styles["body"].fontName)
    assert style.getCommands()[-1][0] == "VALIGN"


def test_facts_are_label_and_value_with_extra_cells_joined_into_the_value(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    facts = m.Table(header=(), rows=(row("Capital", "Nordby", "(port)"), row("Alone")), kind="facts")
    [grid] = tables.table(facts, r)
    label_w, value_w = grid._colWidths
    assert round(label_w + value_w) == round(r.width)  # the two columns share the text width
    assert min(LABEL_SHARES) <= label_w / r.width <= max(LABEL_SHARES)
    label, value = grid._cellvalues[0]
    assert label.style is r.styles["fact_label"] and value.style is r.styles["fact_value"]
    assert grid._cellvalues[1][1] == ""
    assert pdfkit.words([grid]) == "Capital Nordby(port) Alone"


def test_headline_figures_are_three_to_a_row(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    figs = m.Table(header=(), rows=tuple(row(f"{n}%", f"label {n}") for n in range(1, 5)), kind="figures")
    grid, _space = tables.table(figs, r)
    assert len(grid._cellvalues) == 2 and len(grid._cellvalues[0]) == 3
    assert grid._cellvalues[1][1:] == ["", ""]
    value, label = grid._cellvalues[0][0]
    assert value.style is r.styles["figure_value"] and label.style is r.styles["caption"]
