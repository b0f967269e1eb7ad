"""Installing the whole look of a document: defaults, styles, table styles, list numbering, theme.

The one call the writer makes before any content exists; everything after it only
names styles.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from briefgen.design.theme import Theme
from briefgen.fonts.fontfile import signature
from briefgen.libs import opc_internals as opc
from briefgen.writers.docx.package.ooxml import el, ordered, spacing, val
from briefgen.writers.docx.styles import numbering, parastyles
from briefgen.writers.docx.styles.styles import Palette, mono_path, palette, run_props, text_width_twips
from briefgen.writers.docx.styles.wordtheme import brand_theme


def install(document: DocxDocument, theme: Theme, scale: float, compact: bool) -> Palette:
    """Restyle `document` from `theme`; `scale` multiplies sizes, `compact` tightens spacing."""
    pal = palette(theme)
    size = theme.base_size * scale
    styles = document.styles.element
    _drop_legacy_table_styles(styles)
    _doc_defaults(styles, pal, size)
    parastyles.define_all(styles, pal, size, text_width_twips(theme, measured=not compact), compact)
    numbering.install(document, pal, size)
    brand_theme(document, pal, theme.name)
    families = [(pal.body_font, theme.fonts.regular), (pal.head_font, theme.heading_fonts.regular)]
    families.append((pal.mono_font, mono_path(theme)))
    if theme.symbols:
        families.append((pal.symbol_font, theme.symbols))
    _font_table(document, tuple(families))
    return pal


# python-docx's template carries Word 2007's 98 table looks ("Light Shading Accent 1"
# and so on) in full: 85% of styles.xml, reparsed and rewritten for every file, and
# clutter in Word's table gallery. Word lists its own table styles without them.
_LEGACY_TABLE_LOOKS = (
    "LightShading",
    "LightList",
    "LightGrid",
    "MediumShading",
    "MediumList",
    "MediumGrid",
    "DarkList",
    "ColorfulShading",
    "ColorfulList",
    "ColorfulGrid",
)


def _drop_legacy_table_styles(styles: _Element) -> None:
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId"), "").startswith(_LEGACY_TABLE_LOOKS):
            styles.remove(style)


def _font_table(document: DocxDocument, families: tuple[tuple[str, Path], ...]) -> None:
    """List the brand fonts in fontTable.xml with their PANOSE class and coverage.

    Word on a machine without Noto then substitutes a serif for the serif and a sans
    for the sans, instead of whatever its default is.
    """
    rel = next((r for r in document.part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if rel is None:
        return
    part = rel.target_part
    root = etree.fromstring(part.blob)
    known = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, path in families:
        sig = signature(path)
        if name in known or sig is None:
            continue
        known.add(name)
        usb = {f"usb{i}": f"{v:08X}" for i, v in enumerate(sig.usb)}
        csb = {f"csb{i}": f"{v:08X}" for i, v in enumerate(sig.csb)}
        root.append(
            el(
                "w:font",
                {"name": name},
                val("w:panose1", sig.panose),
                val("w:charset", "00"),
                val("w:family", sig.family),
                val("w:pitch", sig.pitch),
                el("w:sig", {**usb, **csb}),
            )
        )
    opc.set_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _doc_defaults(styles: _Element, pal: Palette, size: float) -> None:
    """Document defaults name the brand fonts outright: theme fonts would otherwise win.

    No pair kerning (`w:kern` 0), as the PDF sets type: said outright, so no application
    that kerns by default fits a word more on a line than the PDF does.
    """
    defaults = styles.find(qn("w:docDefaults"))
    lang = el("w:lang", {"val": "en-GB", "eastAsia": "en-GB", "bidi": "ar-SA"})
    for child in list(defaults):
        defaults.remove(child)
    no_kerning = val("w:kern", 0)
    defaults.append(el("w:rPrDefault", None, run_props(pal.body_font, size, pal.text, extra=(no_kerning, lang))))
    defaults.append(el("w:pPrDefault", None, ordered("w:pPr", [spacing(after=0, line=1.0)])))
