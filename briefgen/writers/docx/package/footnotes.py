"""The footnotes part, `word/footnotes.xml`, wired into the package as Word writes it.

Word wants, besides the notes themselves, the two separator notes its page layout uses
(the rule above the notes of a page, id -1, and the longer rule when a note runs on to
the next page, id 0), named again in settings.xml's `w:footnotePr`; the part's own
relationships (`word/_rels/footnotes.xml.rels`) hold the hyperlinks its notes make.
The part is made on a document's first footnote: a file without notes has none.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from lxml.etree import _Element

from briefgen.writers.docx.package.ooxml import el, local, spacing

PARTNAME = "/word/footnotes.xml"
SEPARATORS = ((-1, "separator"), (0, "continuationSeparator"))

# CT_Settings is a sequence: `w:footnotePr` goes before the first of these.
_AFTER_FOOTNOTE_PR = frozenset(
    {
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    }
)


def footnotes_part(document: DocxDocument) -> XmlPart:
    """The document's footnotes part: the one made before, or a new one with its separators."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    root = OxmlElement("w:footnotes", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
    for ident, kind in SEPARATORS:
        mark = el("w:r", None, el(f"w:{kind}"))
        # Single line, nothing after: the rule takes no more room than Word's own.
        p = el("w:p", None, el("w:pPr", None, spacing(after=0, line=1.0)), mark)
        root.append(el("w:footnote", {"type": kind, "id": ident}, p))
    package = document.part.package
    part = XmlPart(PackURI(PARTNAME), CT.WML_FOOTNOTES, root, package)
    document.part.relate_to(part, RT.FOOTNOTES)
    _footnote_pr(document.settings.element)
    return part


def add_footnote(part: XmlPart, ident: int) -> _Element:
    """A new, empty `w:footnote` with id `ident` at the end of the part."""
    note = el("w:footnote", {"id": ident})
    part.element.append(note)
    return note


def _footnote_pr(settings: _Element) -> None:
    """settings.xml's `w:footnotePr` naming the separators, in its place in the schema's sequence."""
    for old in settings.findall(qn("w:footnotePr")):
        settings.remove(old)
    pr = el("w:footnotePr", None, *(el("w:footnote", {"id": ident}) for ident, _ in SEPARATORS))
    at = next(
        (i for i, child in enumerate(settings) if isinstance(child.tag, str) and local(child) in _AFTER_FOOTNOTE_PR),
        len(settings),
    )
    settings.insert(at, pr)
