"""The .docx package: template leftovers removed, Word settings, and a reproducible zip.

python-docx stamps zip entries with the current time; we rewrite the archive with one
fixed timestamp and a fixed entry order, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

# Template parts that would mislead: a thumbnail of someone else's page, the
# Word 2010 copy of the *unbranded* styles, and an empty bibliography store.
_DROP_PACKAGE = {RT.THUMBNAIL}
_DROP_DOCUMENT = {RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")


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


def save(document: DocxDocument, out: BinaryIO | Path, stamp: datetime) -> None:
    """Write `document` to `out` with fixed entry times and order."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    fixed = io.BytesIO()
    when = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        ordered_names = [n for n in FIRST_ENTRIES if n in names] + sorted(n for n in names if n not in FIRST_ENTRIES)
        for name in ordered_names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, src.read(name))
    data = fixed.getvalue()
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
