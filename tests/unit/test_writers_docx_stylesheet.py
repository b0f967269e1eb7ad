"""writers.docx.styles.stylesheet: the whole look installed before any content: Word 2007's
table-look clutter dropped, document defaults naming the brand fonts outright, and the
brand families in the font table with their PANOSE class for substitution."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxkit import xp
from lxml import etree

from briefgen.writers.docx.styles import stylesheet
from briefgen.writers.docx.styles.styles import palette


def installed(theme: Any) -> Any:
    document = docx.Document()
    assert stylesheet.install(document, theme, 1.0, compact=False) is palette(theme)
    return document


def test_legacy_table_looks_are_dropped_but_table_normal_stays(theme: Any) -> None:
    before = xp(docx.Document().styles.element, "w:style[starts-with(@w:styleId, 'LightShading')]")
    styles = installed(theme).styles.element
    assert before and xp(styles, "w:style[starts-with(@w:styleId, 'LightShading')]") == []
    assert xp(styles, "w:style[@w:styleId='TableNormal']")


def test_document_defaults_name_the_body_font_size_and_language(theme: Any) -> None:
    pal = palette(theme)
    styles = installed(theme).styles.element
    rpr = xp(styles, "w:docDefaults/w:rPrDefault/w:rPr")[0]
    assert xp(rpr, "w:rFonts/@w:ascii") == [pal.body_font]
    assert xp(rpr, "w:sz/@w:val") == [str(round(theme.base_size * 2))]
    assert xp(rpr, "w:lang/@w:val") == ["en-GB"]


def test_the_font_table_lists_the_brand_families_with_panose(theme: Any) -> None:
    document = installed(theme)
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.FONT_TABLE)
    root = etree.parse(io.BytesIO(part.blob)).getroot()
    pal = palette(theme)
    for family in {pal.body_font, pal.head_font}:
        [font] = xp(root, f"w:font[@w:name='{family}']")
        assert len(xp(font, "w:panose1/@w:val")[0]) == 20  # ten bytes in hex
        assert xp(font, "w:sig/@w:usb0")
