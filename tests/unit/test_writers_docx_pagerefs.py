"""writers/docx/pagerefs.py: a PAGEREF field to an earlier target, filled with the PDF's page."""

from __future__ import annotations

from typing import Any

from docxkit import ctx, text, w
from lxml.etree import _Element

from briefgen.model import nodes as m
from briefgen.writers.docx.context import bookmark_name
from briefgen.writers.docx.package.ooxml import el
from briefgen.writers.docx.pagerefs import fill_page_refs, page_ref


def test_an_earlier_target_gets_a_field_and_a_later_one_nothing(theme: Any) -> None:
    c = ctx(theme)
    c.bookmarks.add(bookmark_name("intro"))
    p: _Element = el("w:p")
    page_ref(m.PageRef("intro"), p, c, None)
    page_ref(m.PageRef("later"), p, c, None)
    instr = [n.text for n in p.iter(w("instrText"))]
    assert instr == [f" PAGEREF {bookmark_name('intro')} \\h "]
    fill_page_refs(c, {"intro": 14})
    assert text(p) == ", p.\u00a014"  # the later target left no text at all
    fill_page_refs(c, None)  # without the PDF's pages the field shows nothing new
    assert text(p) == ", p.\u00a014"
