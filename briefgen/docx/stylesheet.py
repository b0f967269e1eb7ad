"""Installing the whole look of a document: defaults, styles, table styles, list numbering, theme.

The one call the writer makes before any content exists; everything after it only
names styles.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml.etree import _Element

from ..brand import Theme
from . import numbering, parastyles
from .ooxml import el, ordered, spacing
from .styles import Palette, palette, run_props, text_width_twips
from .wordtheme import brand_theme


def install(document: DocxDocument, theme: Theme, scale: float, compact: bool) -> Palette:
    """Restyle `document` from `theme`; `scale` multiplies sizes, `compact` tightens spacing."""
    pal = palette(theme)
    size = theme.base_size * scale
    styles = document.styles.element
    _doc_defaults(styles, pal, size)
    parastyles.define_all(styles, pal, size, text_width_twips(theme), compact)
    numbering.install(document, pal, size)
    brand_theme(document, pal, theme.name)
    return pal


def _doc_defaults(styles: _Element, pal: Palette, size: float) -> None:
    """Document defaults name the brand fonts outright: theme fonts would otherwise win."""
    defaults = styles.find(qn("w:docDefaults"))
    lang = el("w:lang", {"val": "en-GB", "eastAsia": "en-GB", "bidi": "ar-SA"})
    for child in list(defaults):
        defaults.remove(child)
    defaults.append(el("w:rPrDefault", None, run_props(pal.body_font, size, pal.text, extra=(lang,))))
    defaults.append(el("w:pPrDefault", None, ordered("w:pPr", [spacing(after=0, line=1.0)])))
