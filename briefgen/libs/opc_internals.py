"""Every use of python-docx (and its OPC package layer) beyond its documented API, in one place.

Each function names the python-docx version it was checked against and why briefgen
needs it; `tests/unit/test_opc_internals.py` checks each one against the installed
python-docx, so an upgrade that moves one of them fails there, by name. The pin in
pyproject.toml stops at the next major version.

python-docx's public API builds documents from its own proxies (`Document`,
`Paragraph`, `Table`); the DOCX writer writes most XML itself, in schema order, and
needs the elements behind the proxies, the proxies for elements it made, and a package
it can zip reproducibly. The OPC objects it also uses (`Part`, `package.parts`, `rels`,
`relate_to`, `next_partname`) have no leading underscore and are left as they are.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import IO, Any

from lxml.etree import _Element

CHECKED = "1.2.0"  # the python-docx version every function here was last checked against


def body(document: Any) -> Any:
    """The document body as a block container (`Document._body`, a `_Body`).

    Checked against python-docx 1.2.0: `Document` offers `add_paragraph` and `add_table`
    on the body, but the writer passes the body itself to the same handlers that fill
    table cells, so they can treat both alike.
    """
    return document._body


def element(container: Any) -> _Element:
    """The XML element behind a block container: `w:body`, `w:tc`, `w:hdr` or `w:ftr`.

    Checked against python-docx 1.2.0: every `BlockItemContainer` (body, cell, header,
    footer) keeps its element in `_element`; for a header or footer it is a property
    that makes the part on first use. The writer appends its own XML there.
    """
    return container._element


def insert_table(container: Any, tbl: _Element) -> None:
    """Put the `w:tbl` element `tbl` at the end of the container's blocks, in schema order.

    Checked against python-docx 1.2.0: the container elements' generated `_insert_tbl`
    places a table before the body's closing `w:sectPr` (which `append` would not).
    The writer builds its tables as XML (column widths, borders, fixed layout) rather
    than through `add_table`, which would make and then restyle a default table.
    """
    element(container)._insert_tbl(tbl)


def cell(tc: _Element, parent: Any) -> Any:
    """A python-docx cell proxy (`docx.table._Cell`) for a `w:tc` the writer made.

    Checked against python-docx 1.2.0: `_Cell(tc, parent)` is how python-docx itself
    wraps a cell; handlers then fill it like any other block container.
    """
    from docx.table import _Cell

    return _Cell(tc, parent)


def element_maker() -> Callable[..., _Element]:
    """The function `OxmlElement` makes every element with: `make(clark_tag, nsmap=...)`.

    Checked against python-docx 1.2.0: `docx.oxml.parser.OxmlElement(tag)` splits the
    prefixed tag and builds its namespace map on every call, then returns
    `oxml_parser.makeelement(clark_tag, attrib=None, nsmap={prefix: uri})` (the parser
    whose class lookup gives `w:p` its `CT_P`). The writer makes thousands of elements
    per document, each tag's name and map resolved once (`package.ooxml.el`).
    """
    from docx.oxml.parser import oxml_parser

    return oxml_parser.makeelement  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _maker() -> Callable[..., _Element]:
    return element_maker()


def add_paragraph_element(container: Any) -> _Element:
    """A new empty `w:p` at the end of `container`'s blocks, as `container.add_paragraph()`
    places it, without the `Paragraph` proxy.

    Checked against python-docx 1.2.0: the generated `add_p` of `w:body` inserts before
    the first `w:sectPr` (its only successor); those of `w:tc`, `w:hdr`, `w:ftr` append.
    The body's `w:sectPr` is its last child, so it is looked for there first.
    """
    parent = element(container)
    p = _maker()(_P, nsmap=_W_MAP)
    if parent.tag == _BODY:
        last = next(reversed(parent), None)  # (not len(): lxml counts children by walking them)
        successor = last if last is not None and last.tag == _SECT_PR else parent.find(_SECT_PR)
        if successor is not None:
            successor.addprevious(p)
            return p  # type: ignore[no-any-return]
    parent.append(p)
    return p  # type: ignore[no-any-return]


_W_MAP = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_BODY, _SECT_PR, _P = (f"{{{_W_MAP['w']}}}{name}" for name in ("body", "sectPr", "p"))


def picture_inline(part: Any, source: str | IO[bytes], cx: int, cy: int) -> _Element:
    """The `wp:inline` of a picture `cx` by `cy` EMU, its image part found or added and
    related from the story `part`: what `Run.add_picture(source, Emu(cx), Emu(cy))` puts
    in its run (the caller appends it with the run's `add_drawing`).

    Checked against python-docx 1.2.0: `StoryPart.new_pic_inline` reads and parses the
    image (`Image.from_file`), hashes it and every image part already in the package to
    find a copy (`ImageParts.get_or_add_image_part`, `_get_by_sha1`), adds a part
    otherwise (`_add_image_part`), relates it (`relate_to`), takes the part's own
    `image.filename`, the part's `next_id`, and builds `CT_Inline.new_pic_inline`.
    The same steps here, with each image read, parsed and hashed once per process:
    a batch puts the same maps and logos in every deliverable.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    image = _image_of_file(source, *_stamp(source)) if isinstance(source, str) else _image_of_blob(_read(source))
    parts = part.package.image_parts
    digest = _sha1(image.blob)
    found = next((known for known in parts if _sha1(known.blob) == digest), None)
    image_part = found if found is not None else parts._add_image_part(image)
    rid = part.relate_to(image_part, RT.IMAGE)
    return CT_Inline.new_pic_inline(part.next_id, rid, image_part.image.filename, Emu(cx), Emu(cy))  # type: ignore[no-any-return]


def _read(stream: IO[bytes]) -> bytes:
    stream.seek(0)
    return stream.read()


def _stamp(path: str) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_mtime_ns, found.st_size


@lru_cache(maxsize=64)
def _image_of_file(path: str, mtime_ns: int, size: int) -> Any:
    # (a file edited while `serve` runs has another time or size: read again)
    from docx.image.image import Image

    return Image.from_file(path)


@lru_cache(maxsize=64)
def _image_of_blob(blob: bytes) -> Any:
    from docx.image.image import Image

    return Image.from_blob(blob)


@lru_cache(maxsize=256)
def _sha1(blob: bytes) -> str:
    return hashlib.sha1(blob).hexdigest()


def unlinked_story(hdrftr: Any) -> _Element:
    """The `w:hdr` or `w:ftr` of the header or footer `hdrftr` (`section.header`,
    `section.first_page_footer`, ...), given a definition of its own if it has none: what
    `hdrftr.is_linked_to_previous = False` and then `element(hdrftr)` give.

    Checked against python-docx 1.2.0: `_Header._add_definition` (and `_Footer`'s) adds
    the part `HeaderPart.new` makes (the next free partname; the default XML read from
    python-docx's template file and parsed), related from the document part
    (`relate_to`) and referenced from the section's `w:sectPr` (`add_headerReference`,
    with the proxy's `_hdrftr_index`). The same steps, with the default XML parsed once
    per process; a header or footer defined already is left to python-docx.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.parts.hdrftr import FooterPart, HeaderPart
    from docx.section import _Header

    if hdrftr._has_definition:
        return element(hdrftr)
    header = isinstance(hdrftr, _Header)
    document_part = hdrftr._document_part
    package = document_part.package
    kind, content_type, reltype = (
        (HeaderPart, CT.WML_HEADER, RT.HEADER) if header else (FooterPart, CT.WML_FOOTER, RT.FOOTER)
    )
    partname = package.next_partname("/word/header%d.xml" if header else "/word/footer%d.xml")
    part = kind(partname, content_type, copy.deepcopy(_default_story(header)), package)
    rid = document_part.relate_to(part, reltype)
    sect_pr = hdrftr._sectPr
    (sect_pr.add_headerReference if header else sect_pr.add_footerReference)(hdrftr._hdrftr_index, rid)
    return part.element  # type: ignore[no-any-return]


@lru_cache(maxsize=2)
def _default_story(header: bool) -> _Element:
    from docx.oxml.parser import parse_xml
    from docx.parts.hdrftr import FooterPart, HeaderPart

    return parse_xml(HeaderPart._default_header_xml() if header else FooterPart._default_footer_xml())


def paragraph_element(paragraph: Any) -> _Element:
    """The `w:p` behind a python-docx `Paragraph` (checked against python-docx 1.2.0: `_p`)."""
    return paragraph._p


def set_blob(part: Any, data: bytes) -> None:
    """Replace the bytes of a part python-docx loads as a plain `Part` (font table, theme, app.xml).

    Checked against python-docx 1.2.0: a part without a part class of its own keeps its
    bytes in `_blob`, which `blob` returns when the package is saved; there is no
    setter. The writer rewrites these parts of the template with the brand.
    """
    part._blob = data


def content_types_xml(parts: Iterable[Any]) -> bytes:
    """`[Content_Types].xml` for `parts`, as python-docx's own package writer makes it.

    Checked against python-docx 1.2.0: `opc.pkgwriter._ContentTypesItem`. The writer
    zips the package itself (fixed entry times and order, repeated parts deflated once),
    so it needs the content types without python-docx's zip writer.
    """
    from docx.opc.pkgwriter import _ContentTypesItem

    return _ContentTypesItem.from_parts(parts).blob


def story_container(part: Any) -> Any:
    """A block container over a fresh, detached `w:body`, whose proxies belong to `part`.

    Checked against python-docx 1.2.0: `BlockItemContainer(element, parent)` is the base
    of the body, cells, headers and footers, and asks its parent only for `.part`;
    a `w:body` made by `OxmlElement` has the generated `add_p` and `_insert_tbl`.
    python-docx has no footnote proxy: the writer fills this container with the same
    handlers as the body and moves the blocks into the `w:footnote` it made.
    """
    from docx.blkcntnr import BlockItemContainer
    from docx.oxml import OxmlElement

    class _Story:
        def __init__(self, owner: Any) -> None:
            self.part = owner

    return BlockItemContainer(OxmlElement("w:body"), _Story(part))
