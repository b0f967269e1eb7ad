"""The Word theme part (theme1.xml) in brand colours and fonts.

Our styles name fonts and colours outright, but whatever a client adds in Word (a new
table style, a chart, "Heading" from the gallery of another template) picks theme
colours and fonts; pointing those at the brand keeps later edits on-brand too.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefgen.design.contrast import WHITE
from briefgen.libs import opc_internals as opc
from briefgen.writers.docx.styles.styles import Palette, mix
from briefgen.writers.docx.text import plain

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def brand_theme(document: DocxDocument, pal: Palette, name: str) -> None:
    rel = next((r for r in document.part.rels.values() if r.reltype == RT.THEME), None)
    if rel is None:
        return
    part = rel.target_part
    root = etree.fromstring(part.blob)
    scheme = root.find(f"{{{A}}}themeElements/{{{A}}}clrScheme")
    if scheme is not None:
        scheme.set("name", plain(name))
        colors = {
            "dk2": pal.primary,
            "lt2": pal.panel,
            "accent1": pal.primary,
            "accent2": pal.accent,
            "accent3": pal.muted,
            "accent4": mix(pal.primary, WHITE, 0.45),
            "accent5": mix(pal.accent, WHITE, 0.45),
            "accent6": mix(pal.muted, WHITE, 0.45),
            "hlink": pal.primary,
            "folHlink": pal.muted,
        }
        for slot, color in colors.items():
            node = scheme.find(f"{{{A}}}{slot}")
            if node is None:
                continue
            for child in list(node):
                node.remove(child)
            etree.SubElement(node, f"{{{A}}}srgbClr").set("val", color)
    fonts = root.find(f"{{{A}}}themeElements/{{{A}}}fontScheme")
    if fonts is not None:
        fonts.set("name", plain(name))
        for which, family in (("majorFont", pal.head_font), ("minorFont", pal.body_font)):
            latin = fonts.find(f"{{{A}}}{which}/{{{A}}}latin")
            if latin is not None:
                latin.set("typeface", family)
    opc.set_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
