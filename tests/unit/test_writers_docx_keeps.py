"""writers.docx.keeps: a paragraph that leads into a table, box or list keeps with it in
Word, as the PDF's make-up keeps it (after a heading; or ending in a colon)."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import xp

from briefgen.model import nodes as m
from briefgen.writers.docx.keeps import leads_in, lines, render_keeping

T = m.Text
SHORT = m.Paragraph((T("The figures below:"),))
LONG = m.Paragraph((T(" ".join(["A sentence that runs on across the column."] * 12)),))
TABLE = m.Table(
    header=((m.Cell((T("Year"),)), m.Cell((T("Value"),))),), rows=((m.Cell((T("2021"),)), m.Cell((T("1"),))),)
)
BOX = m.Callout("Note", (m.Paragraph((T("Inside."),)),), kind="callout")
LIST = m.BulletList((m.ListItem((m.Paragraph((T("one"),)),)),))
PLAIN = m.Paragraph((T("A plain paragraph of text."),))


def test_lines_are_counted_across_the_column(theme: Any) -> None:
    c = docxkit.ctx(theme)
    assert lines(SHORT, c) == 1
    assert 5 <= lines(LONG, c) <= 8  # some 500 characters at about 70 a line


def test_after_a_heading_a_short_lead_in_keeps_with_a_table_or_box_a_one_liner_with_anything(theme: Any) -> None:
    c = docxkit.ctx(theme)
    assert leads_in(SHORT, TABLE, True, c) and leads_in(SHORT, BOX, True, c)
    assert leads_in(SHORT, PLAIN, True, c) and leads_in(SHORT, LIST, True, c)
    assert not leads_in(LONG, TABLE, True, c)  # over three lines: it splits as any paragraph
    assert not leads_in(SHORT, None, True, c)
    assert not leads_in(PLAIN, TABLE, False, c)  # not after a heading, no colon
    assert leads_in(SHORT, TABLE, False, c)  # "…below:" introduces its table
    assert not leads_in(SHORT, PLAIN, False, c)


def test_the_lead_in_paragraph_gets_keep_with_next(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.container(c)
    render_keeping((SHORT, TABLE, PLAIN, LONG), body, c, lambda: xp(docxkit.body(c), "w:p")[-1])
    kept = [docxkit.text(p) for p in xp(docxkit.body(c), "w:p[w:pPr/w:keepNext]")]
    assert "The figures below:" in kept
    assert not any(t.startswith(("A plain", "A sentence")) for t in kept)


def test_the_contact_page_and_its_colophon_keep_together(theme: Any) -> None:
    from test_writers_docx_body import doc, section

    from briefgen.model.layout import BreakBefore
    from briefgen.writers.docx.body import write_sections

    c = docxkit.ctx(theme)
    box = m.Callout(None, (m.Paragraph((T("Write to us."),)),), kind="contact")
    contact = section("contact", 1, box, PLAIN, m.Paragraph((T("© The end."),)), kind="contact")
    write_sections(doc(section("a"), contact, rule=BreakBefore.AUTO), docxkit.container(c), c, break_first=False)
    body = docxkit.body(c)
    texts = [docxkit.text(p) for p in xp(body, ".//w:p[w:pPr/w:keepNext and w:pPr/w:keepLines]")]
    assert "Contact" in texts and "Write to us." in texts and "A plain paragraph of text." in texts
    assert "© The end." not in texts  # the last keeps with nothing
    assert "a text" not in texts  # the section before is not held
