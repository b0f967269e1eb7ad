"""File properties: what File › Properties shows, and the fixed build time.

Title, author, subject, keywords, client and document id come from the model's `Meta`.
Every timestamp is the briefing's date (or SOURCE_DATE_EPOCH when set), so two builds
of the same input are byte-identical.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from briefgen.design.theme import Theme
from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.writers.docx.text import plain

EPOCH_FLOOR = datetime(1980, 1, 1)  # the earliest time a zip entry can carry
_EXT = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def build_time(meta: m.Meta) -> datetime:
    """The one timestamp of a build (naive UTC): SOURCE_DATE_EPOCH, else the briefing date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    else:
        try:
            parts = [int(x) for x in meta.date.split("-")[:3]]
            parts += [1] * (3 - len(parts))  # '2021-09' -> 1 September 2021
            stamp = datetime(*parts)
        except (ValueError, TypeError):
            stamp = EPOCH_FLOOR
    return max(stamp, EPOCH_FLOOR)


def set_properties(document: DocxDocument, meta: m.Meta, theme: Theme) -> None:
    stamp = build_time(meta)
    props = document.core_properties
    props.title = plain(meta.title)
    props.subject = plain(meta.cut_title or meta.subtitle)
    props.author = plain(", ".join(meta.authors) or theme.name)
    props.keywords = plain(", ".join(meta.keywords))
    props.category = plain(meta.client_name)
    props.identifier = plain(meta.document_id)
    notes = []
    if meta.client_name:
        notes.append(meta.prepared_for)
    if meta.document_id:
        notes.append(f"Document ID: {meta.document_id}")
    props.comments = plain(" · ".join(notes))
    props.content_status = plain(meta.marking.text if meta.marking else "")
    props.last_modified_by = plain(theme.name)
    props.language = meta.lang
    props.version = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = stamp
    _app_properties(document, theme)
    set_language(document, meta.lang)


def set_language(document: DocxDocument, language: str) -> None:
    """The text's language, for spelling and screen readers: the document defaults' `w:lang`
    (the styled blank is shared by every project, so it is set per document here)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    found = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    if found is not None:
        found.set(qn("w:val"), language)
        found.set(qn("w:eastAsia"), language)


def _app_properties(document: DocxDocument, theme: Theme) -> None:
    """Replace the template's app.xml (it claims "Microsoft Macintosh Word" and 1 page)."""
    package = document.part.package
    rel = next((r for r in package.rels.values() if r.reltype == RT.EXTENDED_PROPERTIES), None)
    if rel is None:
        return
    root = etree.Element(f"{{{_EXT}}}Properties", nsmap={None: _EXT})
    for tag, value in (
        ("Template", "Normal.dotm"),
        ("TotalTime", "0"),
        ("Application", "briefgen"),
        ("DocSecurity", "0"),
        ("ScaleCrop", "false"),
        ("Company", plain(theme.name)),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
        ("AppVersion", "16.0000"),
    ):
        etree.SubElement(root, f"{{{_EXT}}}{tag}").text = value
    opc.set_blob(rel.target_part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
