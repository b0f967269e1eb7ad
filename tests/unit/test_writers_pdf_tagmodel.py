"""writers/pdf/tagmodel.py: structure elements from model blocks, in drawing order."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table

from briefgen.model import nodes as m
from briefgen.writers.pdf.tagging import Elem, Tagger
from briefgen.writers.pdf.tagmodel import Tags


def _kinds(elem: Elem) -> list[str]:
    return [k.kind for k in elem.kids if isinstance(k, Elem)]


def test_headings_never_skip_a_level_and_sections_nest() -> None:
    tags = Tags(Tagger())
    assert [tags.heading(n) for n in (2, 4, 4, 1, 3)] == ["H1", "H2", "H3", "H1", "H2"]
    tags.section(1)
    outer = tags.current
    tags.section(2)
    assert tags.current.parent is outer
    tags.section(1)
    assert tags.current.parent is tags.stack[0]


def test_list_items_and_notes_group_their_blocks() -> None:
    tags = Tags(Tagger())
    elem = tags.open(m.BulletList((m.ListItem((m.Paragraph((m.Text("x"),)),)),)))
    body = tags.group()
    assert body is not None and body.kind == "LBody" and body.parent.kind == "LI"
    tags.end_group(body)
    assert tags.current is elem


def test_a_data_table_gets_rows_header_cells_and_a_caption() -> None:
    tags = Tags(Tagger())
    style = ParagraphStyle("s")
    cell = m.Cell((m.Text("x"),))
    block = m.Table(header=((cell, cell),), rows=((cell, cell),), caption=(m.Text("c"),))
    elem = tags.open(block)
    cells = [[Paragraph("h1", style), Paragraph("h2", style)], [Paragraph("a", style), Paragraph("b", style)]]
    caption = Paragraph("c", style)
    tags.close(elem, block, [Table(cells), caption])
    assert elem is not None and _kinds(elem) == ["TR", "TR", "Caption"]
    head = elem.kids[0]
    assert isinstance(head, Elem) and [(k.kind, k.scope) for k in head.kids] == [("TH", "Column")] * 2
    assert cells[1][0].pdf_tag.kind == "TD" and caption.pdf_tag.kind == "Caption"


def test_the_cover_is_read_first_its_title_a_heading() -> None:
    tagger = Tagger()
    tags = Tags(tagger)
    tags.section(1)
    kicker, title = Paragraph("k", ParagraphStyle("cover_kicker")), Paragraph("t", ParagraphStyle("cover_title"))
    tags.cover(kicker)
    tags.cover(title)
    assert _kinds(tagger.root) == ["Sect", "Sect"]
    assert tagger.root.kids[0] is kicker.pdf_tag.parent and _kinds(kicker.pdf_tag.parent) == ["P", "H1"]
