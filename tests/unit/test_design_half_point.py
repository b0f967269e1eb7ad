"""design.system: every scaled type size is a whole half point, and the PDF's styles and
Word's set each role at that one size (Word's `w:sz` counts half points)."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml.ns import qn

from briefgen.design.system import design_of, half_point, scaled
from briefgen.fonts.register import register
from briefgen.writers.docx.styles.parastyles import Styler
from briefgen.writers.docx.styles.styles import palette
from briefgen.writers.pdf.styles import ROLES, build_styles


def test_half_point_rounds_to_the_nearest_half() -> None:
    assert [half_point(s) for s in (8.82, 9.03, 15.225, 10.5, 8.61)] == [9.0, 9.0, 15.0, 10.5, 8.5]


@pytest.mark.parametrize("scale", [1.0, 0.87])
def test_the_pdf_and_word_set_every_role_at_one_half_point_size(theme: Any, scale: float) -> None:
    design = design_of(theme)
    body = theme.base_size * scale
    pdf = build_styles(theme, register(theme), scale)
    word = Styler(palette(theme), body, compact=False)
    for role in ROLES:
        size = scaled(design.text(role), body).size
        assert (size * 2).is_integer(), role
        assert pdf[role].fontSize == size, role
        sz = word.run(role).find(qn("w:sz"))
        assert sz is not None and int(sz.get(qn("w:val"))) == size * 2, role
