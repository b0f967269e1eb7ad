"""writers.docx.styles.numbering: the list styles' bullets and numbers restyled in place
(found through each style's own numbering link), nine real levels for "List Bullet" and
"List Number" so every list paragraph carries its nesting, and a fresh count per ordered
list at its level."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import xp

from briefgen.writers.docx.package.ooxml import el
from briefgen.writers.docx.styles import numbering
from briefgen.writers.docx.styles.parastyles import list_step
from briefgen.writers.docx.styles.styles import palette


def test_list_styles_by_kind_and_depth_stop_at_three() -> None:
    assert [numbering.list_style(False, d) for d in (1, 2, 3, 7)] == [
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Bullet 3",
    ]
    assert numbering.list_style(True, 0) == "List Number"


def test_levels_and_indents_follow_the_depth_up_to_words_nine() -> None:
    assert [numbering.level_of(d) for d in (1, 2, 9, 12)] == [0, 1, 8, numbering.MAX_LEVEL]
    assert numbering.indent_of(2, 273) == 3 * 273


def abstract_of(document: Any, style: str) -> Any:
    """The `w:abstractNum` the style's own numbering link leads to."""
    styles, numbers = document.styles.element, document.part.numbering_part.element
    sid = style.replace(" ", "")
    [num_id] = xp(styles, f"w:style[@w:styleId='{sid}']/w:pPr/w:numPr/w:numId/@w:val")
    [abstract] = xp(numbers, f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
    [node] = xp(numbers, f"w:abstractNum[@w:abstractNumId='{abstract}']")
    return node


def test_bullets_have_nine_levels_that_cycle_their_marks_in_the_accent_colour(theme: Any) -> None:
    node = abstract_of(docxkit.ctx(theme).docx, "List Bullet")
    levels = xp(node, "w:lvl")
    assert [int(x) for x in xp(node, "w:lvl/@w:ilvl")] == list(range(numbering.MAX_LEVEL + 1))
    assert xp(node, "w:multiLevelType/@w:val") == ["multilevel"]
    for ilvl, lvl in enumerate(levels):
        assert xp(lvl, "w:lvlText/@w:val") == [numbering.BULLETS[ilvl % 3]]
        assert xp(lvl, "w:rPr/w:color/@w:val") == [palette(theme).accent]
        assert xp(lvl, "w:pPr/w:ind/@w:left") == [str(numbering.indent_of(ilvl, list_step(False, theme.base_size)))]
    assert xp(levels[0], "w:pStyle/@w:val") == ["ListBullet"] and xp(levels[1], "w:pStyle") == []


def test_numbers_are_bold_decimals_that_name_their_own_level(theme: Any) -> None:
    node = abstract_of(docxkit.ctx(theme).docx, "List Number")
    assert xp(node, "w:lvl[@w:ilvl='0']/w:lvlText/@w:val") == ["%1."]
    assert xp(node, "w:lvl[@w:ilvl='2']/w:lvlText/@w:val") == ["%3."]
    assert set(xp(node, "w:lvl/w:numFmt/@w:val")) == {"decimal"} and xp(node, "w:lvl[1]/w:rPr/w:b")


def test_a_level_two_style_keeps_one_level_with_the_second_levels_look(theme: Any) -> None:
    node = abstract_of(docxkit.ctx(theme).docx, "List Bullet 2")
    [lvl] = xp(node, "w:lvl")
    assert lvl.get(f"{{{docxkit.W}}}ilvl") == "0"
    assert xp(lvl, "w:lvlText/@w:val") == [numbering.BULLETS[1]]
    assert xp(lvl, "w:pPr/w:ind/@w:left") == [str(numbering.indent_of(1, list_step(False, theme.base_size)))]


def test_restart_makes_a_new_sequence_at_its_level_and_apply_attaches_a_paragraph(theme: Any) -> None:
    document = docxkit.ctx(theme).docx
    a, b = numbering.restart(document, 1, 0), numbering.restart(document, 7, 2)
    assert a is not None and b is not None and a != b
    numbers = document.part.numbering_part.element
    assert xp(numbers, f"w:num[@w:numId='{b}']/w:lvlOverride/@w:ilvl") == ["2"]
    assert xp(numbers, f"w:num[@w:numId='{b}']//w:startOverride/@w:val") == ["7"]
    p = el("w:p")
    numbering.apply(p, b, 2)
    assert xp(p, "w:pPr/w:numPr/w:numId/@w:val") == [str(b)] and xp(p, "w:pPr/w:numPr/w:ilvl/@w:val") == ["2"]


def test_all_bullet_lists_share_the_bullet_styles_sequence(theme: Any) -> None:
    document = docxkit.ctx(theme).docx
    [num_id] = xp(document.styles.element, "w:style[@w:styleId='ListBullet']/w:pPr/w:numPr/w:numId/@w:val")
    assert numbering.bullets(document) == int(num_id)
