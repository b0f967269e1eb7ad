"""model.nodes: frozen nodes compared by value (row positions aside), the tables of types a
writer must handle, and the cover label a `Meta` words for each layout."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import FrozenInstanceError

import pytest
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.model.layout import Layout


def test_nodes_are_frozen_and_equal_by_value() -> None:
    a = m.Paragraph((m.Text("x"), m.Strong((m.Text("y"),))), Pos("s.md", 3))
    b = m.Paragraph((m.Text("x"), m.Strong((m.Text("y"),))), Pos("s.md", 3))
    assert a == b and hash(a) == hash(b)
    assert a != dataclasses.replace(b, style="lead")
    with pytest.raises(FrozenInstanceError):
        a.style = "small"  # type: ignore[misc]


def test_a_tables_row_positions_and_a_sections_meta_do_not_change_its_identity() -> None:
    row = ((m.Cell((m.Text("1"),)),),)
    one = m.Table(header=row, rows=row, row_pos=(Pos("a.md", 4),))
    other = m.Table(header=row, rows=row, row_pos=(Pos("b.md", 9),))
    assert one == other  # the same table written at other lines is the same table
    s1 = m.Section("s", "S", 1, (), Pos("s.md", 1), meta={"k": 1})
    s2 = m.Section("s", "S", 1, (), Pos("s.md", 1), meta={"k": 2})
    assert s1 == s2 and hash(s1) == hash(s2)


def test_block_types_name_every_block_but_the_div_resolved_before_writing() -> None:
    blocks = set(typing.get_args(m.Block))
    assert set(m.BLOCK_TYPES) == blocks - {m.Div}
    assert set(m.INLINE_TYPES) == set(typing.get_args(m.Inline))
    assert all(dataclasses.fields(t) is not None for t in m.BLOCK_TYPES)


def test_blocks_default_to_a_generated_position() -> None:
    assert m.Rule().pos == m.NOWHERE == Pos("<generated>")
    assert m.Paragraph(()).style == "body" and m.OrderedList(()).start == 1


def test_the_cover_label_is_the_series_plus_a_cuts_own_title() -> None:
    assert meta().cover_label == "Unit series"
    assert meta(cut="business", cut_title="Business edition").cover_label == "Unit series · Business edition"
    # a cut whose title is the report's own adds nothing, nor does the full report's
    assert meta(cut="business", cut_title="Unit briefing").cover_label == "Unit series"
    assert meta(cut="full", cut_title="Full report").cover_label == "Unit series"
    assert meta(series="", cut="x", cut_title="X").cover_label == "X"


def test_an_annex_is_labelled_by_its_cut_or_as_a_country_annex() -> None:
    assert meta(layout=Layout.ANNEX, cut_title="Regional annex").cover_label == "Regional annex"
    assert meta(layout=Layout.ANNEX, cut_title="").cover_label == "Country annex"
