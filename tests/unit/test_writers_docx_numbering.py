"""writers.docx.styles.numbering: the six list styles' bullets and numbers restyled in
place (found through each style's own numbering link), and a fresh count per ordered list."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import xp

from briefgen.writers.docx.package.ooxml import el
from briefgen.writers.docx.styles import numbering
from briefgen.writers.docx.styles.styles import palette


def test_list_styles_by_kind_and_depth_stop_at_three() -> None:
    assert [numbering.list_style(False, d) for d in (1, 2, 3, 7)] == [
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Bullet 3",
    ]
    assert numbering.list_style(True, 0) == "List Number"


def level_of(document: Any, style: str) -> Any:
    """The `w:lvl` the style's own numbering link leads to."""
    styles, numbers = document.styles.element, document.part.numbering_part.element
    sid = style.replace(" ", "")
    [num_id] = xp(styles, f"w:style[@w:styleId='{sid}']/w:pPr/w:numPr/w:numId/@w:val")
    [abstract] = xp(numbers, f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
    [lvl] = xp(numbers, f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl")
    return lvl


def test_bullets_change_by_depth_in_the_accent_colour(theme: Any) -> None:
    document = docxkit.ctx(theme).docx
    accent = palette(theme).accent
    for depth, bullet in zip((1, 2, 3), numbering.BULLETS, strict=True):
        lvl = level_of(document, numbering.list_style(False, depth))
        assert xp(lvl, "w:lvlText/@w:val") == [bullet] and xp(lvl, "w:numFmt/@w:val") == ["bullet"]
        assert xp(lvl, "w:rPr/w:color/@w:val") == [accent]
        assert xp(lvl, "w:pPr/w:ind/@w:left") == [str(numbering.LIST_INDENT * depth)]


def test_numbers_are_bold_decimals_with_a_full_stop(theme: Any) -> None:
    lvl = level_of(docxkit.ctx(theme).docx, "List Number 2")
    assert xp(lvl, "w:lvlText/@w:val") == ["%1."] and xp(lvl, "w:numFmt/@w:val") == ["decimal"]
    assert xp(lvl, "w:rPr/w:b")


def test_restart_makes_a_new_sequence_and_apply_attaches_a_paragraph(theme: Any) -> None:
    document = docxkit.ctx(theme).docx
    a, b = numbering.restart(document, "List Number", 1), numbering.restart(document, "List Number", 7)
    assert a is not None and b is not None and a != b
    numbers = document.part.numbering_part.element
    assert xp(numbers, f"w:num[@w:numId='{b}']//w:startOverride/@w:val") == ["7"]
    p = el("w:p")
    numbering.apply(p, b)
    assert xp(p, "w:pPr/w:numPr/w:numId/@w:val") == [str(b)] and xp(p, "w:pPr/w:numPr/w:ilvl/@w:val") == ["0"]


def test_a_style_without_numbering_gets_no_sequence(theme: Any) -> None:
    assert numbering.restart(docxkit.ctx(theme).docx, "Normal", 1) is None
