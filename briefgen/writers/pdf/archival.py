"""The PDF/UA-1 and PDF/A-2b document parts: XMP metadata, the sRGB output intent, the
catalog's settings (MarkInfo, DisplayDocTitle) and subset tags made from the subset.

The XMP says what the document information dictionary says (title, author, subject,
keywords, creator, producer, dates), as PDF/A requires, and claims the standards chosen
(`pdfuaid:part` 1; `pdfaid:part` 2, conformance B). The output intent's ICC profile is
lcms's sRGB, made by Pillow once per process with a fixed date, so builds stay reproducible.
"""

from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfbase.pdfdoc import format as pdf_format

from briefgen.libs import rl_hooks as hooks
from briefgen.libs import rl_internals as rl


@dataclass(frozen=True)
class Info:
    """What the document information dictionary holds, for the XMP to repeat."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    epoch: int


def subset_tag(face: bytes, code_points: list[int]) -> bytes:
    """Six capitals from a hash of the face and the subset's characters: the same subset
    gets the same tag in every build, different subsets (almost surely) different tags."""
    digest = hashlib.sha256(face + b"\0" + ",".join(map(str, code_points)).encode()).digest()
    return bytes(65 + b % 26 for b in digest[:6])


SUBSETS_KEPT = 64  # font subsets remembered per face (a batch of annexes uses a few per face)


def install() -> None:
    """The process-wide hooks the PDF writer needs (idempotent): the tagged PDF's, and font
    subsets made and deflated once for all the documents of a process."""
    hooks.hash_subset_tags(subset_tag)
    hooks.remember_font_subsets(SUBSETS_KEPT)
    hooks.remember_deflated()
    hooks.hook_flowable_drawing(_draw)
    hooks.hook_bullet_drawing(_draw)


def _draw(flowable: Any, canvas: Any, draw: Any) -> None:
    tagger = canvas.__dict__.get("tagger")
    if tagger is None:
        draw()
    else:
        tagger.draw(flowable, canvas, draw)


def finish(canvas: Any, info: Info, standard: str, lang: str) -> None:
    """The catalog's entries for the chosen standard (`model.nodes.PDF_STANDARDS`), just before saving."""
    canvas.setCatalogEntry("Lang", PDFString(lang))
    if standard == "none":
        return
    tagged = standard in ("both", "ua1")
    archival = standard in ("both", "a2b")
    if tagged:
        canvas.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
        canvas.setViewerPreference("DisplayDocTitle", "true")
    stream = _Plain(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp(info, ua=tagged, archival=archival).encode("utf-8"),
    )
    canvas.setCatalogEntry("Metadata", stream)
    if archival:
        for page in rl.document_pages(canvas):
            for ref in rl.annotation_refs(canvas, page):
                rl.set_annotation_entry(canvas, ref, "F", 4)  # PDF/A: annotations print
        rl.allow_keys(rl.catalog(canvas), "OutputIntents")
        canvas.setCatalogEntry("OutputIntents", PDFArray([rl.reference(canvas, _output_intent())]))


class _Plain(PDFStream):  # type: ignore[misc]
    """A stream written as it is, with no /Filter key at all (PDF/A: the metadata stays
    readable without decoding; reportlab writes an empty filter list)."""

    def format(self, document: Any) -> bytes:
        entries = PDFDictionary({**self.dictionary.dict, "Length": len(self.content)})
        return pdf_format(entries, document) + b"\nstream\n" + self.content + b"\nendstream\n"


def _output_intent() -> PDFDictionary:
    profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    return PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
            "Info": PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": profile,
        }
    )


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (lcms's, through Pillow), its creation date fixed at 2000-01-01."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # the header's dateTimeNumber
    data[84:100] = bytes(16)  # no profile id: it would hash the date lcms wrote
    return bytes(data)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _date(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(epoch))


def xmp(info: Info, *, ua: bool, archival: bool) -> str:
    """The XMP packet: Dublin Core, PDF and XMP basics agreeing with `info`, and the standards' ids."""
    ids = ""
    if ua:
        ids += '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>'
    if archival:
        ids += (
            '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>"
        )
    date = _date(info.epoch)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_esc(info.title)}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq><rdf:li>{_esc(info.author)}</rdf:li></rdf:Seq></dc:creator>"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_esc(info.subject)}</rdf:li></rdf:Alt></dc:description>'
        "</rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Producer>{_esc(info.producer)}</pdf:Producer><pdf:Keywords>{_esc(info.keywords)}</pdf:Keywords>"
        "</rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreatorTool>{_esc(info.creator)}</xmp:CreatorTool><xmp:CreateDate>{date}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate><xmp:MetadataDate>{date}</xmp:MetadataDate>"
        f"</rdf:Description>{ids}</rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
