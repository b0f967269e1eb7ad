"""The .docx package: template leftovers removed, Word settings, and a reproducible zip.

python-docx would stamp zip entries with the current time; we write the archive from
its parts with one fixed timestamp and a fixed entry order, so the same input gives the
same bytes (python-docx's own package writer supplies the content types:
`libs.opc_internals.content_types_xml`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from briefgen.libs import opc_internals as opc
from briefgen.model.memo import Memo
from briefgen.writers.docx.package.zipout import ZipOut

# Template parts that would mislead: a thumbnail of someone else's page, the
# Word 2010 copy of the *unbranded* styles, and an empty bibliography store.
_DROP_PACKAGE = {RT.THUMBNAIL}
_DROP_DOCUMENT = {RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}


def tidy(document: DocxDocument) -> None:
    """Drop template leftovers and set Word 2013+ layout (compatibility mode 15)."""
    package = document.part.package
    for rid in [r for r, rel in package.rels.items() if rel.reltype in _DROP_PACKAGE]:
        package.rels.pop(rid)
    rels = document.part.rels
    for rid in [r for r, rel in rels.items() if rel.reltype in _DROP_DOCUMENT]:
        rels.pop(rid)
    settings = document.settings.element
    for node in settings.iter(qn("w:compatSetting")):
        if node.get(qn("w:name")) == "compatibilityMode":
            node.set(qn("w:val"), "15")
    # Word shows "Update fields?" for files asking updateFields; we ship filled results.
    for node in settings.findall(qn("w:updateFields")):
        settings.remove(node)
    for node in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(node)


def save(
    document: DocxDocument, out: BinaryIO | Path, stamp: datetime, before_body: Callable[[], None] | None = None
) -> None:
    """Write `document` to `out` with fixed entry times and order.

    Every other part is compressed first; `before_body` then runs (the contents may still
    be waiting for page numbers) and `word/document.xml` goes in last.
    """
    package = document.part.package
    parts = package.parts  # (a walk of the whole relationship graph: once)
    for part in parts:
        part.before_marshal()
    body = document.part.partname.membername
    archive = ZipOut(stamp)
    archive.add("[Content_Types].xml", _content_types(parts), reuse=True)  # first, as Word writes it
    archive.add("_rels/.rels", _rels_xml("/", package.rels), reuse=True)
    others = {part.partname.membername: part for part in parts if part is not document.part}
    rels = {part.partname.rels_uri.membername: part for part in parts if len(part.rels)}
    for name in sorted({*others, *rels}):
        if name in others:
            archive.add(name, others[name].blob, reuse=True)
        else:
            archive.add(name, _rels_xml(rels[name].partname, rels[name].rels), reuse=True)
    if before_body:
        before_body()
    archive.add(body, document.part.blob)
    data = archive.getvalue()
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)


# A batch's documents mostly have the same parts and relationships (a few more pictures
# or headers here and there): their two generated listings are remembered by everything
# they are made of, as python-docx writes them.
_LISTINGS: Memo[bytes] = Memo("package listings (DOCX)", 512)


def _content_types(parts: list[Any]) -> bytes:
    """`[Content_Types].xml` of `parts`, by their names and content types."""
    key = ("types", *((part.partname, part.content_type) for part in parts))
    found = _LISTINGS.get(key)
    return found if found is not None else _LISTINGS.put(key, opc.content_types_xml(parts))


def _rels_xml(source: str, rels: Any) -> bytes:
    """The `.rels` listing of the part named `source` ("/": the package), by each
    relationship's id, type and target (every target is relative to the source)."""
    key = (
        "rels",
        source,
        *(
            (r.rId, r.reltype, r.is_external, r.target_ref if r.is_external else r.target_part.partname)
            for r in rels.values()
        ),
    )
    found = _LISTINGS.get(key)
    return found if found is not None else _LISTINGS.put(key, rels.xml)
