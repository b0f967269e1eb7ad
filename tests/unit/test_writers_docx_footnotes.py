"""writers.docx.footnotes: which sections' notes become Word footnotes (all of a section's or
none), the reference and its footnote (Footnote Text, opened by the `w:footnoteRef` mark),
a second reference as a NOTEREF field to a bookmark around the first, references inside
a note resolved at the section's notes, links related from the footnotes part."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import text, xp
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.writers.docx.footnotes import finish, listed, note_anchor, plan
from briefgen.writers.docx.package.ooxml import el

T = m.Text


def para(*inlines: m.Inline) -> m.Paragraph:
    return m.Paragraph(tuple(inlines))


def notes(*notes: m.Note) -> m.Notes:
    return m.Notes(tuple(notes))


def section(sid: str, *blocks: m.Block) -> m.Section:
    return m.Section(sid, sid.title(), 1, tuple(blocks), Pos(f"{sid}.md", 1))


def document(*sections: m.Section) -> m.Document:
    return m.Document(meta(), tuple(sections))


def test_plan_takes_every_note_of_a_section_or_none() -> None:
    table = m.Table(header=((m.Cell((T("h"), m.NoteRef(2))),),), rows=())
    whole = section(
        "a",
        para(T("x"), m.Strong((m.NoteRef(1),))),
        m.BulletList((m.ListItem((table,)),)),
        notes(m.Note(1, (para(T("one")), m.BulletList((m.ListItem((para(T("i")),)),)))), m.Note(2, (para(T("two")),))),
    )
    boxed = section("b", para(m.NoteRef(1)), notes(m.Note(1, (m.Table(header=(), rows=()),))))
    unreferenced = section("c", para(m.NoteRef(1)), notes(m.Note(1, (para(T("one")),)), m.Note(2, (para(T("two")),))))
    state = plan(document(whole, boxed, unreferenced, section("d", para(T("no notes")))))
    assert sorted(state.notes) == [("a", 1), ("a", 2)]  # references nested in lists, tables and spans count


def write(theme: Any, doc: m.Document) -> tuple[Any, Any]:
    """`doc`'s sections rendered as write_docx does: (ctx, body)."""
    c = docxkit.ctx(
        theme,
        anchors=[
            note_anchor(s.id, n.number)
            for s in doc.sections
            for b in s.blocks
            if isinstance(b, m.Notes)
            for n in b.notes
        ],
    )
    c.footnotes = plan(doc)
    for s in doc.sections:
        c.section_id = s.id
        docxkit.render(c, *s.blocks)
    finish(c)
    return c, docxkit.body(c)


def part_of(c: Any) -> Any:
    return c.footnotes.part.element


def test_a_reference_becomes_a_footnote_opened_by_its_mark(theme: Any) -> None:
    doc = document(
        section(
            "a",
            para(T("claim"), m.NoteRef(1)),
            notes(m.Note(1, (para(T("the "), m.Emph((T("source"),))), para(T("more"))))),
        ),
    )
    c, body = write(theme, doc)
    assert xp(body, "w:p/w:r/w:footnoteReference/@w:id") == ["1"]
    assert xp(body, "w:p/w:r[w:footnoteReference]/w:rPr/w:rStyle/@w:val") == ["FootnoteReference"]
    assert xp(body, "w:p[w:pPr/w:pStyle/@w:val='NotesRule']") == []  # no notes list left behind
    [note] = xp(part_of(c), "w:footnote[@w:id='1']")
    assert xp(note, "w:p/w:pPr/w:pStyle/@w:val") == ["FootnoteText", "FootnoteText"]
    first = xp(note, "w:p[1]/w:r")
    assert xp(first[0], "w:footnoteRef") and xp(first[0], "w:rPr/w:rStyle/@w:val") == ["FootnoteReference"]
    assert [text(p) for p in xp(note, "w:p")] == [" the source", "more"]
    assert xp(note, ".//w:rStyle/@w:val").count("Emphasis") == 1


def test_footnotes_are_numbered_on_through_the_sections_in_reference_order(theme: Any) -> None:
    doc = document(
        section("a", para(m.NoteRef(2), m.NoteRef(1)), notes(m.Note(1, (para(T("a1")),)), m.Note(2, (para(T("a2")),)))),
        section("b", para(m.NoteRef(1)), notes(m.Note(1, (para(T("b1")),)))),
    )
    c, body = write(theme, doc)
    assert xp(body, ".//w:footnoteReference/@w:id") == ["1", "2", "3"]  # Word numbers them in this order
    assert [text(n).strip() for n in xp(part_of(c), "w:footnote[not(@w:type)]")] == ["a2", "a1", "b1"]


def test_a_second_reference_is_a_noteref_to_a_bookmark_round_the_first(theme: Any) -> None:
    doc = document(section("a", para(m.NoteRef(1), T(" and again"), m.NoteRef(1)), notes(m.Note(1, (para(T("n")),)))))
    c, body = write(theme, doc)
    [p] = xp(body, "w:p[.//w:footnoteReference]")
    kids = [el.tag.rsplit("}", 1)[1] for el in p if el.tag.rsplit("}", 1)[1] != "pPr"]
    assert kids[:3] == ["bookmarkStart", "r", "bookmarkEnd"]  # the mark, bookmarked
    assert xp(p, "w:bookmarkStart/@w:name") == ["_RefNote1"]
    assert xp(p, ".//w:instrText/text()") == [" NOTEREF _RefNote1 \\f \\h "]
    assert text(p).endswith("and again1")  # the field shows the same number
    assert len(xp(part_of(c), "w:footnote[not(@w:type)]")) == 1  # Word has no shared footnote: one note


def test_a_reference_inside_a_note_waits_for_the_notes_then_points_at_its_footnote(theme: Any) -> None:
    doc = document(
        section(
            "a",
            para(m.NoteRef(1), m.NoteRef(2)),
            notes(m.Note(1, (para(T("see"), m.NoteRef(2)),)), m.Note(2, (para(T("two")),))),
        )
    )
    c, body = write(theme, doc)
    [one] = xp(part_of(c), "w:footnote[@w:id='1']")
    assert xp(one, ".//w:footnoteReference") == []  # no footnote inside a footnote
    assert xp(one, ".//w:instrText/text()") == [" NOTEREF _RefNote2 \\f \\h "] and text(one).endswith("see2")
    assert xp(body, "w:p/w:bookmarkStart/@w:name") == ["_RefNote2"] and c.footnotes.waiting == []


def test_a_link_in_a_note_is_related_from_the_footnotes_part(theme: Any) -> None:
    link = m.Link("https://example.org/in-a-note", (T("link"),))
    c, _ = write(theme, document(section("a", para(m.NoteRef(1)), notes(m.Note(1, (para(link),))))))
    part = c.footnotes.part
    rid = xp(part_of(c), ".//w:hyperlink/@r:id")[0]
    assert part.rels[rid].target_ref == "https://example.org/in-a-note"
    assert all(r.target_ref != "https://example.org/in-a-note" for r in c.docx.part.rels.values() if r.is_external)


def test_a_section_whose_notes_cannot_all_be_footnotes_keeps_its_list(theme: Any) -> None:
    held = notes(m.Note(1, (para(T("plain")),)), m.Note(2, (m.Table(header=(), rows=((m.Cell((T("c"),)),),)),)))
    c, body = write(theme, document(section("a", para(m.NoteRef(1), m.NoteRef(2)), held)))
    assert c.footnotes.part is None and xp(body, ".//w:footnoteReference") == []
    assert xp(body, "w:p/w:hyperlink/@w:anchor") == [note_anchor("a", 1), note_anchor("a", 2)]
    assert xp(body, "w:p/w:pPr/w:pStyle/@w:val").count("Notes") == 2


def test_listed_resolves_this_sections_waiting_references_and_lists_what_was_not_made(theme: Any) -> None:
    c = docxkit.ctx(theme)
    c.section_id = "a"
    c.footnotes.notes = {("a", 1): m.Note(1, (para(T("one")),)), ("a", 2): m.Note(2, (para(T("two")),))}
    c.footnotes.made = {("a", 1): 1}
    c.footnotes.marks = {1: el("w:r")}
    holder = el("w:p", None, c.footnotes.marks[1])
    waiting = el("w:r")
    p = el("w:p", None, waiting)
    c.footnotes.waiting = [(waiting, ("a", 1)), (el("w:r"), ("b", 1))]
    left = listed(notes(*c.footnotes.notes.values()), c)
    assert [n.number for n in left] == [2]  # the note Word did not take is listed
    assert xp(p, ".//w:instrText/text()") == [" NOTEREF _RefNote1 \\f \\h "] and waiting.getparent() is None
    assert xp(holder, "w:bookmarkStart/@w:name") == ["_RefNote1"]
    assert [key for _, key in c.footnotes.waiting] == [("b", 1)]  # another section's wait on


def test_finish_gives_a_reference_still_waiting_its_number(theme: Any) -> None:
    c = docxkit.ctx(theme)
    waiting = el("w:r")
    p = el("w:p", None, waiting)
    c.footnotes.waiting = [(waiting, ("gone", 4))]
    finish(c)
    assert text(p) == "4" and xp(p, "w:r/w:rPr/w:rStyle/@w:val") == ["FootnoteReference"] and not c.footnotes.waiting


def test_the_embedded_fonts_cover_the_footnotes_text(theme: Any) -> None:
    from briefgen.writers.docx.package.embedfonts import used_chars

    c, _ = write(theme, document(section("a", para(m.NoteRef(1)), notes(m.Note(1, (para(T("\u03bb only here")),))))))
    assert "\u03bb" in used_chars(c.docx)  # the footnotes part is read like the body
