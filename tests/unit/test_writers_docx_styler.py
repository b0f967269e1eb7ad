"""writers.docx.styles.styler: every role's leading exact in points (the PDF's), the
spacers as tall as the PDF's spacers, list steps as the PDF's list indents, and a rule
drawn as a border measured with the height Word and LibreOffice give the border."""

from __future__ import annotations

from typing import Any

import pytest
from docxkit import xp

from briefgen.design.system import design_of, scaled
from briefgen.writers.docx.styles.styler import Styler, Word, border_excess, list_gap, list_step, rhythm, spacer
from briefgen.writers.docx.styles.styles import palette
from briefgen.writers.docx.styles.tablestyles import rule_height


def test_a_role_without_its_own_line_sets_the_role_s_leading_exact(theme: Any) -> None:
    st = Styler(palette(theme), theme.base_size, compact=False)
    for role in ("body", "h1", "h2", "caption", "fact_label"):
        s = scaled(design_of(theme).text(role), theme.base_size)
        node = st.spacing(Word("X", role))
        assert xp(node, "@w:lineRule") == ["exact"], role
        assert xp(node, "@w:line") == [str(round(s.leading * 20))], role
        assert xp(node, "@w:before") == [str(round(s.before * 20))] and xp(node, "@w:after") == [
            str(round(s.after * 20))
        ]
    # a style's own line stays its own: a multiple unless marked exact
    assert xp(st.spacing(Word("Y", None, line=1.0)), "@w:lineRule") == ["auto"]


def test_the_summary_tightens_spacing_but_not_the_leading(theme: Any) -> None:
    st = Styler(palette(theme), theme.base_size, compact=True)
    s = scaled(design_of(theme).text("h2"), theme.base_size)
    node = st.spacing(Word("X", "h2"))
    assert xp(node, "@w:before") == [str(round(s.before * rhythm(True) * 20))]
    assert xp(node, "@w:line") == [str(round(s.leading * 20))]


def test_a_spacer_is_an_exact_empty_line_of_its_height() -> None:
    w = spacer("Figure Spacer", 8.0)
    assert (w.line, w.exact, w.gap, w.options["based_on"]) == (8.0, True, (0, 0), "Table Spacer")


def test_list_steps_are_the_pdf_s_indents_and_a_list_ends_with_its_own_gap() -> None:
    assert list_step(False, 10.5) == 273 and list_step(True, 10.5) == 378  # 1.3 em and 1.8 em, in twips
    assert list_gap(10.5, compact=False) == pytest.approx(4.2)
    assert list_gap(10.5, compact=True) == pytest.approx(4.2 * rhythm(True))


def test_a_border_adds_its_width_in_whole_twips_to_its_paragraph_or_row() -> None:
    assert rule_height(2.2) == 2.25  # 18 eighths
    assert rule_height(0.4) == 0.35  # 3 eighths: 7.5 twips, of which LibreOffice keeps 7
    assert rule_height(0.1) == 0.25  # Word's thinnest border, 2 eighths
    assert border_excess(2.2, 2.0) == pytest.approx(2.0 + 2.25 - 2.2)
