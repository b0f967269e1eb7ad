"""Embedding the brand's fonts: subset TrueType files, obfuscated and listed as Word does it.

The body and heading families, and the code font and the symbol fallback as the PDF
sets them, each named in the DOCX by its own family name.

A client without Noto installed would otherwise see Word substitute other fonts, with
other widths: line breaks move and the one-page summary can spill onto a second page.
The brand fonts are SIL OFL, so they may travel inside the document.

Word's own way (ECMA-376 Part 1 §17.8.1): each face of a family is a part
`word/fonts/fontN.odttf` (content type `obfuscatedFont`), related from fontTable.xml and
named by `w:embedRegular` / `w:embedBold` / `w:embedItalic` / `w:embedBoldItalic` in
the family's `w:font`, with a `w:fontKey` GUID. Obfuscation XORs the font's first 32
bytes with the GUID's 16 bytes in reverse order. settings.xml then says
`w:embedTrueTypeFonts` and, since every face is cut down to the characters the document
uses (`ttfsubset`), `w:saveSubsetFonts`.

Builds stay byte-identical: the subset is deterministic (no timestamp is recomputed) and
the GUID is a uuid5 of the family, the face and the subset's bytes, never of a path.
"""

from __future__ import annotations

import hashlib
import struct
import uuid
from functools import lru_cache
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from briefgen.design.theme import FontSet, Theme
from briefgen.errors import Pos, fail
from briefgen.fonts.fontfile import family_name, font_bytes, tables
from briefgen.fonts.ttfsubset import subset_ttf
from briefgen.libs import opc_internals as opc
from briefgen.writers.docx.package.ooxml import el, local
from briefgen.writers.docx.text import plain

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (
    ("regular", "embedRegular"),
    ("bold", "embedBold"),
    ("italic", "embedItalic"),
    ("bold_italic", "embedBoldItalic"),
)
_KEY_NAMESPACE = uuid.UUID("6f1d3c5e-8a52-4b8e-9a41-0d7c2b9e4f10")  # briefgen's own uuid5 namespace
_V = "urn:schemas-microsoft-com:vml"

# Always kept, whatever the text: what Word itself may set in these fonts (page and list
# numbers, TOC leaders, hyphens) and what a client is likely to type when correcting a
# date or a figure. It also keeps each face above LibreOffice's 26-glyph floor, below
# which it ignores a subsetted font in a document opened for editing.
BASE_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F)) | {"\u00a0", "\u00ad", "\u00b7"}
# Latin (ASCII to Latin Extended-A) and general punctuation with currency signs: embedded
# whole in every document, so that most deliverables ask for the very same subsets.
BASE_PAGES = frozenset({0, 1, 2, 0x2000 >> 7, 0x2080 >> 7})

# CT_Settings is a sequence: these are the elements that may come before ours.
_BEFORE_EMBED = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
)
_BEFORE_SUBSET = (*_BEFORE_EMBED, "embedTrueTypeFonts", "embedSystemFonts")

# OS/2 fsType bits: restricted licence (no embedding), bitmap only, no subsetting.
_RESTRICTED, _NO_SUBSETTING, _BITMAP_ONLY = 0x0002, 0x0100, 0x0200


def embed_fonts(document: DocxDocument, theme: Theme) -> int:
    """Embed the body and heading families, subset to the document's text; returns the faces embedded.

    Call it last, once every part holds its final text.
    """
    table = next((r.target_part for r in document.part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if table is None:
        return 0
    package = document.part.package
    usage = Usage(document)
    chars = usage.chars()
    root = etree.fromstring(table.blob)
    embedded, subsetted = 0, False
    for name, faces in families(theme):
        if len(faces) == 1 and not usage.sets(name):
            continue  # the code font or the symbol fallback, which this document never sets
        embeds: list[_Element] = []
        for face, tag in FACES:
            path = faces.get(face)
            if path is None or plain(family_name(path)) != name:
                continue  # Word finds a face through its family name: another family's face would never be used
            found = subset_font(path, chars)
            if found is None:
                continue
            data, cut = found
            key, hidden = _keyed(name, face, data)
            embedded += 1
            subsetted |= cut
            part = Part(PackURI(f"/word/fonts/font{embedded}.odttf"), OBFUSCATED_FONT, hidden, package)
            rid = table.relate_to(part, RT.FONT)
            embeds.append(el(f"w:{tag}", {"r:id": rid, "fontKey": key, **({"subsetted": "1"} if cut else {})}))
        if embeds:
            font = _font_entry(root, name)
            for old in [c for c in font if isinstance(c.tag, str) and local(c).startswith("embed")]:
                font.remove(old)
            font.extend(embeds)  # the last children of CT_Font, in FACES order as the schema wants
    opc.set_blob(table, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    settings = document.settings.element
    if embedded:
        _set_flag(settings, "embedTrueTypeFonts", _BEFORE_EMBED)
    if subsetted:
        _set_flag(settings, "saveSubsetFonts", _BEFORE_SUBSET)
    return embedded


def families(theme: Theme) -> list[tuple[str, dict[str, Path]]]:
    """(Word family name, face -> file) of the body, heading, code and symbol fonts, each
    family once. The code and symbol fonts are single faces: Word sets them upright."""
    out: dict[str, dict[str, Path]] = {}
    for faces in (theme.fonts, theme.heading_fonts):
        out.setdefault(plain(family_name(faces.regular)), _faces(faces))
    for single in (theme.mono or theme.fonts.regular, theme.symbols):
        if single is not None:
            out.setdefault(plain(family_name(single)), {"regular": single})
    return list(out.items())


class Usage:
    """What one document's parts show and set, read in one pass over them (the styles
    part aside): the characters of its text, the font families its runs name, and the
    styles its paragraphs and runs ask for."""

    def __init__(self, document: DocxDocument):
        w_t, w_del, w_lvl, w_fonts = qn("w:t"), qn("w:delText"), qn("w:lvlText"), qn("w:rFonts")
        ascii_, w_val, styles_root = qn("w:ascii"), qn("w:val"), document.styles.element
        self.seen: set[str] = set()
        self.families: set[str | None] = set()
        self.refs: set[str | None] = set()
        # family -> the ids of the styles that set it (a style's font counts where the style is used)
        self.styled: dict[str | None, set[str | None]] = {}
        for style in styles_root.iter(qn("w:style")):
            for f in style.iter(w_fonts):
                self.styled.setdefault(f.get(ascii_), set()).add(style.get(qn("w:styleId")))
        for part in document.part.package.iter_parts():
            root = getattr(part, "element", None)
            if root is None:
                continue
            for node in root.iter(w_t, w_del, w_lvl, f"{{{_V}}}textpath", w_fonts, qn("w:rStyle"), qn("w:pStyle")):
                tag = node.tag
                if tag in (w_t, w_del):
                    self.seen.update(node.text or "")
                elif tag == w_lvl:
                    self.seen.update(node.get(w_val, ""))
                elif tag == w_fonts:
                    if root is not styles_root:
                        self.families.add(node.get(ascii_))
                elif tag.endswith("textpath"):
                    self.seen.update(node.get("string", ""))
                elif root is not styles_root:
                    self.refs.add(node.get(w_val))

    def sets(self, family: str) -> bool:
        """Whether some run or paragraph sets `family`, directly or through its style."""
        return family in self.families or not self.styled.get(family, set()).isdisjoint(self.refs)

    def chars(self) -> frozenset[str]:
        """Every character the document shows, in upper and lower case (styles may set caps), plus BASE_CHARS."""
        cased = {c for ch in self.seen for c in ch.upper() + ch.lower()}
        return _whole_pages(self.seen | cased | BASE_CHARS)


def _faces(faces: FontSet) -> dict[str, Path]:
    return {face: getattr(faces, face) for face, _ in FACES}


def used_chars(document: DocxDocument) -> frozenset[str]:
    """Every character the document shows, in upper and lower case (styles may set caps), plus BASE_CHARS."""
    return Usage(document).chars()


def _whole_pages(chars: set[str]) -> frozenset[str]:
    """Round up to whole 128-code-point pages, so the deliverables of one project ask for
    the same subsets and `subset_font`'s cache serves all but the first (subsetting is
    the slow step); a client editing the file also finds the neighbouring letters."""
    return _pages(frozenset({ord(c) >> 7 for c in chars} | BASE_PAGES))


@lru_cache(maxsize=64)
def _pages(pages: frozenset[int]) -> frozenset[str]:
    # One object per set of pages: `subset_font`'s cache then finds its key by identity.
    return frozenset(chr(p << 7 | i) for p in pages for i in range(128) if not 0xD800 <= (p << 7 | i) <= 0xDFFF)


@lru_cache(maxsize=256)
def subset_font(path: Path, chars: frozenset[str]) -> tuple[bytes, bool] | None:
    """The TrueType font at `path` cut down to `chars`, and whether it was cut.

    None when the font may not or cannot be embedded: its licence restricts embedding,
    or it has no TrueType outlines (Word embeds only those).
    """
    try:
        data = font_bytes(path)
        where = tables(data)
        fs_type = struct.unpack_from(">H", data, where[b"OS/2"] + 8)[0] if b"OS/2" in where else 0
        if b"glyf" not in where or fs_type & (_RESTRICTED | _BITMAP_ONLY):
            return None
        if fs_type & _NO_SUBSETTING:
            return data, False
        return subset_ttf(data, (ord(c) for c in chars)), True
    except (OSError, struct.error, KeyError, ValueError) as exc:
        raise fail(
            Pos(str(path)), f"cannot embed the font in the DOCX: {exc}", "use a valid TrueType (.ttf) file"
        ) from exc


def font_key(family: str, face: str, data: bytes) -> str:
    """The `w:fontKey` GUID, "{XXXXXXXX-XXXX-…}": the same font data always gets the same key."""
    digest = hashlib.sha256(data).hexdigest()
    return "{" + str(uuid.uuid5(_KEY_NAMESPACE, f"{family}/{face}/{digest}")).upper() + "}"


@lru_cache(maxsize=32)
def _keyed(family: str, face: str, data: bytes) -> tuple[str, bytes]:
    """The key of a face's subset and the subset obfuscated with it: the same subsets come
    back for most deliverables (`subset_font`, whole pages of characters), and hashing
    and copying them was a good part of a short DOCX's time. `data` is `subset_font`'s
    own object, so its hash is computed once; a key is a function of all three."""
    key = font_key(family, face, data)
    return key, obfuscate(data, key)


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes, last byte first (its own inverse)."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ secret[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_entry(root: _Element, name: str) -> _Element:
    """The fontTable's `w:font` for `name` (stylesheet writes one per brand family)."""
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) == name:
            return font
    font = el("w:font", {"name": name})
    root.append(font)
    return font


def _set_flag(settings: _Element, name: str, predecessors: tuple[str, ...]) -> None:
    """Set the on/off element `w:name` in settings.xml, in its place in the schema's sequence."""
    for old in settings.findall(qn(f"w:{name}")):
        settings.remove(old)
    at = next(
        (i for i, child in enumerate(settings) if not isinstance(child.tag, str) or local(child) not in predecessors),
        len(settings),
    )
    settings.insert(at, el(f"w:{name}"))
