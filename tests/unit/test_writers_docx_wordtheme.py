"""writers.docx.styles.wordtheme: Word's theme part points at the brand, so what a client
adds in Word (a new table style, a chart) picks brand colours and fonts too."""

from __future__ import annotations

from typing import Any

import docxkit
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefgen.writers.docx.styles.styles import palette
from briefgen.writers.docx.styles.wordtheme import A


def theme_xml(theme: Any) -> Any:
    document = docxkit.ctx(theme).docx
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.THEME)
    return etree.fromstring(part.blob)


def test_the_colour_scheme_is_the_brands(theme: Any) -> None:
    pal, root = palette(theme), theme_xml(theme)
    scheme = root.find(f"{{{A}}}themeElements/{{{A}}}clrScheme")
    colour = {etree.QName(slot).localname: slot.find(f"{{{A}}}srgbClr") for slot in scheme}
    assert scheme.get("name") == theme.name
    assert colour["accent1"].get("val") == pal.primary and colour["accent2"].get("val") == pal.accent
    assert colour["hlink"].get("val") == pal.primary
    tints = {colour[k].get("val") for k in ("accent4", "accent5", "accent6")}
    assert len(tints) == 3 and pal.primary not in tints  # lighter mixes, not the brand colours again


def test_the_theme_fonts_are_the_brand_families(theme: Any) -> None:
    pal, root = palette(theme), theme_xml(theme)
    fonts = root.find(f"{{{A}}}themeElements/{{{A}}}fontScheme")
    assert fonts.find(f"{{{A}}}majorFont/{{{A}}}latin").get("typeface") == pal.head_font
    assert fonts.find(f"{{{A}}}minorFont/{{{A}}}latin").get("typeface") == pal.body_font
