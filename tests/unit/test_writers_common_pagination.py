"""writers.common.pagination: the PDF reports each box it floated with the block it drew
before it (`PdfPages.floats`), and the DOCX, which cannot float, puts the box there; it
reports the breaks it skipped (`followed`) and the sections that begin a page (`tops`),
and the DOCX makes the same breaks."""

from __future__ import annotations

import io
import pickle
import zipfile
from typing import Any

from lxml import etree
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.model.layout import BreakBefore, Layout
from briefgen.writers.common.pagination import PdfPages, block_key
from briefgen.writers.docx import write_docx
from briefgen.writers.pdf.document import write_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para(label: str, lines: int) -> m.Paragraph:
    return m.Paragraph((m.Text(f"{label} " + " ".join(["word"] * 11 * lines)),))


def _floating(**changes: Any) -> m.Document:
    """Text to most of a page, a box too tall for what is left, then more text (the box
    waits until the story's end: floats.py once left it unplaced there)."""
    box = m.Callout("Boxed", tuple(_para(f"Inbox{i}", 4) for i in range(6)))
    blocks = (_para("Before", 40), box, _para("After", 30), _para("Later", 10))
    return m.Document(meta(**changes), (m.Section("s", "Section", 1, blocks, Pos("s.md", 1)),))


WORDS = ("Before", "Boxed", "After", "Later")


def _order(docx: bytes) -> list[str]:
    """Which of `WORDS` each body paragraph and table of the DOCX begins with, in order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    texts = ["".join(child.itertext()) for child in root.find(f"{W}body")]
    return [word for text in texts for word in WORDS if text.startswith(word)]


def test_pdf_pages_are_a_mapping_that_carries_its_floats_and_breaks_through_a_pipe() -> None:
    pages = PdfPages({"a": 3}, {block_key("a", 1): block_key("a", 2)}, followed={"b"}, tops=["c"])
    back = pickle.loads(pickle.dumps(pages.copy()))
    assert back == {"a": 3} and back.floats == {"a#1": "a#2"}
    assert (back.followed, back.tops) == ({"b"}, {"c"})


def _breaks(docx: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return ["".join(p.itertext()) for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]


def test_the_docx_makes_the_breaks_the_pdf_made(theme: Any) -> None:
    # `break_before: chapter`: after a page of one line, B follows on; C, after B's long
    # text, begins a page; the contact page, following on, moves whole past a full page.
    def section(sid: str, *blocks: m.Block, **kw: Any) -> m.Section:
        return m.Section(sid, sid.upper(), 1, blocks, Pos(f"{sid}.md", 1), **kw)

    doc = m.Document(
        meta(break_before=BreakBefore.CHAPTER),
        (
            section("a", _para("Short", 1)),
            section("b", _para("Long", 70)),
            section("c", _para("Tail", 46)),
            section(
                "contact",
                m.Callout("Write to us", (_para("Box", 3),), kind="contact"),
                _para("Colophon", 2),
                kind="contact",
                new_page=False,
            ),
        ),
    )
    pages = write_pdf(doc, theme).anchor_pages
    assert pages.followed == {"b"}
    assert {"c", "contact"} <= pages.tops and "b" not in pages.tops
    assert pages["contact"] == pages["c"] + 1  # it would not fit under C's text: it moved whole
    out = io.BytesIO()
    write_docx(doc, theme, out, toc_pages=pages)
    assert _breaks(out.getvalue())[-2:] == ["C", "CONTACT"]  # B's break dropped; C's and the contact page's made
    bare = io.BytesIO()
    write_docx(doc, theme, bare, toc_pages=dict(pages))  # page numbers alone: the contact page is not told
    assert "CONTACT" not in _breaks(bare.getvalue())


def test_the_docx_puts_a_floated_box_where_the_pdf_drew_it(theme: Any) -> None:
    doc = _floating()
    result = write_pdf(doc, theme)
    assert result.anchor_pages.floats == {"s#1": "s#3"}  # the box went after the text that followed it
    placed, kept = io.BytesIO(), io.BytesIO()
    write_docx(doc, theme, placed, toc_pages=result.anchor_pages)
    write_docx(doc, theme, kept, toc_pages=dict(result.anchor_pages))
    assert _order(kept.getvalue()) == ["Before", "Boxed", "After", "Later"]
    assert _order(placed.getvalue()) == ["Before", "After", "Later", "Boxed"]
    # an annex's DOCX follows the PDF's floats too (its PDF is laid out even for a DOCX alone)
    annex_doc = _floating(layout=Layout.ANNEX)
    annex_pages = write_pdf(annex_doc, theme).anchor_pages
    assert annex_pages.floats == {"s#1": "s#3"}
    annex = io.BytesIO()
    write_docx(annex_doc, theme, annex, toc_pages=annex_pages)
    assert _order(annex.getvalue()) == ["Before", "After", "Later", "Boxed"]
