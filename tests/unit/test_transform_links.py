"""transform.links: every `#anchor` must point into the document; figures are numbered in order."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from unitkit import messages

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.transform.links import anchors, figure_numbers, resolve_links

META = m.Meta("T", "", "", "", (), "full", "", "report", "general")
AT = Pos("a.md", 7)


def chart(anchor: str, numbered: bool = True) -> m.Chart:
    return m.Chart(SimpleNamespace(numbered=numbered), "alt", anchor)


def figure() -> m.Figure:
    return m.Figure(Path("x.png"), (), "alt", 10, 10)


def link(target: str, *text: str) -> m.Link:
    return m.Link(target, tuple(m.Text(t) for t in text))


def doc(*blocks: m.Block) -> m.Document:
    sections = (
        m.Section("intro", "Intro", 1, (m.Heading(2, (m.Text("Why"),), "why"), *blocks), Pos("a.md", 1)),
        m.Section("end", "End", 1, (figure(), chart("fig-late")), Pos("b.md", 1)),
    )
    return m.Document(META, sections)


def test_anchors_are_section_ids_headings_and_chart_anchors() -> None:
    assert anchors(doc(chart("fig-aid"))) == {"intro", "why", "fig-aid", "end", "fig-late"}


def test_figures_count_images_and_numbered_charts_but_not_locators() -> None:
    numbers = figure_numbers(doc(chart("", numbered=False), chart("fig-aid"), figure()))
    assert numbers == {"fig-aid": 1, "fig-late": 4}


def test_an_empty_link_to_a_figure_reads_figure_n() -> None:
    para = m.Paragraph((m.Text("See "), link("#fig-late"), m.Text(".")), AT)
    fixed, problems = resolve_links(doc(para), strict=True)
    assert problems == []
    assert fixed.sections[0].blocks[1].children == (m.Text("See "), link("#fig-late", "Figure 2"), m.Text("."))


def test_a_dangling_link_becomes_its_text_with_a_warning_at_its_line() -> None:
    para = m.Paragraph((m.Strong((link("#gone", "the ", "part"),)), link("#why", "ok")), AT)
    fixed, problems = resolve_links(doc(para), strict=False)
    assert messages(problems) == [
        "a.md:7: warning: link to '#gone' has no target in this document (link to a section id or heading)"
    ]
    assert fixed.sections[0].blocks[1].children == (m.Strong((m.Text("the "), m.Text("part"))), link("#why", "ok"))


def test_in_strict_mode_a_dangling_link_is_an_error() -> None:
    with pytest.raises(BriefgenError) as caught:
        resolve_links(doc(m.Paragraph((link("#gone", "x"),), AT)), strict=True)
    assert messages(caught.value) == [
        "a.md:7: error: link to '#gone' has no target in this document (link to a section id or heading)"
    ]


def test_a_document_without_internal_links_is_passed_through_untouched() -> None:
    original = doc(m.Paragraph((link("https://example.org", "web"),), AT))
    fixed, problems = resolve_links(original, strict=True)
    assert problems == [] and fixed == original
    assert all(a.blocks is b.blocks for a, b in zip(fixed.sections, original.sections, strict=True))


def test_a_shared_memo_replays_the_warnings_of_a_block_it_has_seen() -> None:
    memo: dict = {}
    para = m.Paragraph((link("#gone", "x"),), AT)
    first = resolve_links(doc(para), strict=False, memo=memo)
    again = resolve_links(doc(para), strict=False, memo=memo)
    assert messages(again[1]) == messages(first[1]) and len(again[1]) == 1
    assert again[0] == first[0]


def test_a_dropped_reference_in_a_table_cell_is_reported_at_its_row() -> None:
    def cell(*inlines: m.Inline) -> m.Cell:
        return m.Cell(tuple(inlines))

    rows = (
        (cell(m.Text("a")), cell(m.Text("b"))),
        (cell(m.Text("c")), cell(m.Text("Aid (see the "), link("#gone", "port profile"), m.Text(")"))),
        (cell(link("#lost", "x")), cell(m.Text("d"))),
    )
    table = m.Table(
        ((cell(m.Text("h")), cell(m.Text("i"))),), rows, AT, row_pos=(Pos("a.md", 9), Pos("a.md", 10), Pos("a.md", 11))
    )
    fixed, problems = resolve_links(doc(table), strict=False)
    assert [p.pos.line for p in problems] == [10, 11]
    assert "cross-reference '(see the port profile)' dropped" in problems[0].message
    assert fixed.sections[0].blocks[1].rows[1][1].children == (m.Text("Aid"),)
