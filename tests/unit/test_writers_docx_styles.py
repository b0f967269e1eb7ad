"""writers.docx.styles.styles: style ids as Word spells them, the design's colours in Word's
form, run properties in schema order, and (re)defining a style: custom ones marked,
built-ins keeping their list link and their linked character style in step."""

from __future__ import annotations

from typing import Any

import docxkit
import pytest
from docxkit import w, xp

from briefgen.design.system import design_of
from briefgen.writers.docx.package.ooxml import el, local, val
from briefgen.writers.docx.styles.styles import define, mix, palette, run_props, style_id, text_width_twips


@pytest.mark.parametrize(
    ("name", "sid"), [("List Bullet 2", "ListBullet2"), ("Normal", "Normal"), ("Normal Table", "TableNormal")]
)
def test_style_ids_are_words_own(name: str, sid: str) -> None:
    assert style_id(name) == sid


def test_the_palette_is_the_designs_colours_in_words_form(theme: Any) -> None:
    pal = palette(theme)
    colours = design_of(theme).colors
    assert pal.primary == colours.primary.lstrip("#").upper() and pal.line == colours.rule.lstrip("#").upper()
    assert palette(theme) is pal  # made once per theme
    assert pal.body_em > 1.0  # a font's single line is taller than its em
    assert mix("#000000", "FFFFFF", 0.5) == "808080"


def test_run_props_are_in_schema_order_with_sizes_in_half_points() -> None:
    rpr = run_props("Face", 10.5, "112233", bold=True, italic=True, caps=True, tracking=0.5)
    assert [local(c) for c in rpr] == ["rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz", "szCs"]
    assert xp(rpr, "w:sz/@w:val") == ["21"] and xp(rpr, "w:spacing/@w:val") == ["10"]
    assert len(run_props()) == 0


def test_a_new_style_is_custom_and_a_builtin_keeps_its_list_link(theme: Any) -> None:
    styles = docxkit.ctx(theme).docx.styles.element
    node = define(styles, "Unit Style", ppr=[el("w:keepNext")], rpr=run_props(size=9), based_on="Normal")
    assert node.get(w("customStyle")) == "1" and xp(node, "w:basedOn/@w:val") == ["Normal"]
    assert [local(c) for c in node] == ["name", "basedOn", "uiPriority", "pPr", "rPr"]  # schema order
    before = xp(styles, "w:style[@w:styleId='ListBullet']/w:pPr/w:numPr/w:numId/@w:val")
    bullet = define(styles, "List Bullet", ppr=[val("w:jc", "left")])
    assert bullet.get(w("customStyle")) is None  # a Word built-in stays one
    assert before and xp(bullet, "w:pPr/w:numPr/w:numId/@w:val") == before


def test_redefining_a_linked_style_restyles_its_character_twin(theme: Any) -> None:
    styles = docxkit.ctx(theme).docx.styles.element
    [link] = xp(styles, "w:style[@w:styleId='Heading1']/w:link/@w:val") or [None]
    if link is None:
        pytest.skip("this python-docx template links no character style to Heading 1")
    define(styles, "Heading 1", rpr=run_props(color="ABCDEF"))
    assert xp(styles, f"w:style[@w:styleId='{link}']/w:rPr/w:color/@w:val") == ["ABCDEF"]
    assert xp(styles, "w:style[@w:styleId='Heading1']/w:name/@w:val") == ["heading 1"]  # Word's internal name


def test_the_text_width_is_the_page_between_the_margins(theme: Any) -> None:
    width, _ = theme.page_mm
    _, right, _, left = theme.margins_mm
    assert text_width_twips(theme) == round((width - left - right) / 25.4 * 1440)
