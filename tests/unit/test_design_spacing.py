"""design/spacing.py: the design's named paddings, indents, offsets and strokes."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from typing import Any

import pytest

from briefgen.design.spacing import BoxSpace, ChartLines, Pad, TableSpace
from briefgen.design.system import design_of


def test_every_group_is_on_the_design_and_frozen(theme: Any) -> None:
    design = design_of(theme)
    for group in ("table", "box", "lists", "block", "page", "chart", "watermark"):
        value = getattr(design, group)
        name = fields(value)[0].name
        with pytest.raises(FrozenInstanceError):
            setattr(value, name, 0)


def test_a_box_pads_its_left_side_past_its_bar() -> None:
    pad = BoxSpace().pad
    assert pad.left > pad.right and pad.top > pad.bottom
    assert pad == Pad(9.0, 9.0, 7.0, 11.0)


def test_word_and_the_pdf_share_a_data_cell_s_side_padding() -> None:
    t = TableSpace()
    assert (t.data.left, t.data.right) == (5.0, 5.0)
    # Word's margin above a cell's text plus its paragraphs' spacing is near the PDF's padding
    assert t.data_word_y < t.data.top


def test_chart_type_never_goes_below_seven_points() -> None:
    lines = ChartLines()
    assert min(lines.title, lines.label, lines.small) >= 7.0
    assert lines.grid < lines.axis < lines.series  # data louder than the frame
