"""writers.pdf.contents: the contents list laid out once, each line's height independent
of its page number (a form filled in at save), level-2 entries with dot leaders drawn as
a rule, so copying the contents gives "Title 12", not a row of periods."""

from __future__ import annotations

import io
from typing import Any

import pdfkit
from reportlab.lib.styles import ParagraphStyle
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.writers.pdf.contents import NUMBER_COLUMN, ContentsLine, contents_flowables, number_box, number_form
from briefgen.writers.pdf.pages import NumberedCanvas

STYLE = ParagraphStyle("toc", fontName="Helvetica", fontSize=10, leading=12)


def test_the_number_form_and_box_are_named_and_sized_per_entry() -> None:
    assert number_form("intro") == "contents-page-intro" != number_form("intro2")
    assert number_box(10) == (60, 20)


def test_a_line_wraps_its_title_beside_the_number_column() -> None:
    line = ContentsLine("A title long enough to wrap " * 4, "k", STYLE, "Helvetica", dots=False)
    width, height = line.wrap(300, 500)
    assert width == 300 and height > STYLE.leading
    assert line.para.width == 300 - NUMBER_COLUMN


def test_contents_list_sections_and_headings_in_their_styles(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    sec = m.Section("intro", "Introduction", 1, (m.Heading(2, (m.Text("Why  now"),), "why"),), Pos("a.md"))
    doc = m.Document(meta(), (sec,))
    title, first, second = contents_flowables(doc, r.styles, r.inline, ("F1", "F2"))
    assert title.text == "Contents" and title.style is r.styles["toc_title"]
    assert (first.key, first.style, first.number_font, first.dots) == ("intro", r.styles["toc1"], "F1", False)
    assert (second.key, second.para.text, second.dots) == ("why", "Why now", True)
    assert contents_flowables(m.Document(meta(), ()), r.styles, r.inline, ("F1", "F2")) == []


def test_numbers_are_filled_in_at_save_and_leaders_are_not_text(theme: Any) -> None:
    out = io.BytesIO()
    c = NumberedCanvas(out, pagesize=(400, 400))
    c.anchor_pages = {"why": 7}
    line = ContentsLine("Why now", "why", STYLE, "Helvetica", dots=True)
    line.wrap(300, 400)
    line.drawOn(c, 20, 300)
    c.bookmarkPage("why")  # the heading it links to, as the document would place it
    assert c.page_numbers["why"][0] == "Helvetica"
    c.showPage()
    c.save()
    [text] = pdfkit.pages(out.getvalue())
    assert "Why now" in text and "7" in text and "." not in text
