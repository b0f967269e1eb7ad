"""writers.docx.inline: inline nodes → runs with one character style each (the rest as
toggles), hyperlinks to the web or to bookmarks present in this cut, note references,
and an unknown inline type reported at its block, never dropped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import docxkit
import pytest
from docxkit import text, xp

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.writers.docx.inline import inline_text, note_anchor, render_inlines
from briefgen.writers.docx.package.ooxml import el

T = m.Text


def runs(theme: Any, *inlines: m.Inline, anchors: tuple[str, ...] = (), section: str = "s") -> tuple[Any, Any]:
    c = docxkit.ctx(theme, anchors=anchors)
    c.section_id = section
    p = el("w:p")
    render_inlines(inlines, p, c)
    return p, c


def styled(p: Any) -> list[tuple[str, str]]:
    return [("".join(xp(r, "w:rPr/w:rStyle/@w:val")), text(r)) for r in xp(p, ".//w:r")]


def test_each_run_has_the_style_of_its_formatting(theme: Any) -> None:
    p, _ = runs(theme, T("a "), m.Strong((T("b"),)), m.Emph((T("c"),)), m.Strike((T("d"),)), m.Code("e"))
    assert styled(p) == [("", "a "), ("Strong", "b"), ("Emphasis", "c"), ("Strikethrough", "d"), ("Code", "e")]


def test_a_second_formatting_becomes_a_toggle_beside_the_style(theme: Any) -> None:
    p, _ = runs(theme, m.Strong((m.Emph((T("both"),)),)))
    [r] = xp(p, "w:r")
    assert xp(r, "w:rPr/w:rStyle/@w:val") == ["Strong"]
    assert xp(r, "w:rPr/w:i") and xp(r, "w:rPr/w:iCs") and not xp(r, "w:rPr/w:b")


def test_strong_in_a_bold_paragraph_adds_nothing_that_would_toggle_it_off(theme: Any) -> None:
    c = docxkit.ctx(theme)
    c.bold_paragraph = True
    p = el("w:p")
    render_inlines((m.Strong((T("x"),)),), p, c)
    assert xp(p, "w:r/w:rPr") == []


def test_an_external_link_is_a_hyperlink_relationship(theme: Any) -> None:
    p, c = runs(theme, m.Link("https://example.org/a b", (T("site"),)))
    [link] = xp(p, "w:hyperlink")
    rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rel = c.docx.part.rels[rid]
    assert rel.is_external and rel.target_ref == "https://example.org/a b"
    assert styled(link) == [("Hyperlink", "site")]


def test_an_internal_link_points_at_the_bookmark_only_when_its_target_is_in_this_cut(theme: Any) -> None:
    p, _ = runs(theme, m.Link("#risks", (T("see risks"),)), anchors=("risks",))
    assert xp(p, "w:hyperlink/@w:anchor") == ["risks"] and styled(p) == [("CrossReference", "see risks")]
    p, _ = runs(theme, m.Link("#gone", (T("see gone"),)))
    assert xp(p, "w:hyperlink") == [] and text(p) == "see gone"  # the words stay, the link goes


def test_a_link_inside_a_link_keeps_its_words_in_the_outer_one(theme: Any) -> None:
    inner = m.Link("https://b.example", (T("inner"),))
    p, _ = runs(theme, m.Link("https://a.example", (T("outer "), inner)))
    assert len(xp(p, ".//w:hyperlink")) == 1 and text(p) == "outer inner"


def test_a_link_without_words_shows_its_target(theme: Any) -> None:
    p, _ = runs(theme, m.Link("mailto:desk@example.org", ()))
    assert text(p) == "mailto:desk@example.org"


def test_a_note_reference_links_to_its_note_in_the_same_section(theme: Any) -> None:
    # Outside footnotes.plan (a section keeping its notes list); footnotes: test_writers_docx_footnotes.py
    anchor = note_anchor("intro", 2)
    p, _ = runs(theme, m.NoteRef(2), anchors=(anchor,), section="intro")
    assert xp(p, "w:hyperlink/@w:anchor") == [anchor] and styled(p) == [("FootnoteReference", "2")]
    p, _ = runs(theme, m.NoteRef(3), section="intro")  # no such note here: the number alone
    assert xp(p, "w:hyperlink") == [] and styled(p) == [("FootnoteReference", "3")]


def test_a_line_break_is_a_break_run(theme: Any) -> None:
    p, _ = runs(theme, T("a"), m.LineBreak(), T("b"))
    assert len(xp(p, "w:r/w:br")) == 1 and text(p) == "ab"


def test_an_inline_type_without_a_handler_is_an_error_at_the_block(theme: Any) -> None:
    @dataclass(frozen=True)
    class Sparkle:
        text: str

    c = docxkit.ctx(theme)
    c.pos = Pos("sections/a.md", 12)
    with pytest.raises(BriefgenError) as caught:
        render_inlines((Sparkle("*"),), el("w:p"), c)  # type: ignore[arg-type]
    [d] = caught.value.diagnostics
    assert d.pos == Pos("sections/a.md", 12) and "Sparkle cannot be rendered in DOCX" in d.message


def test_inline_text_is_the_words_without_note_numbers() -> None:
    nodes = (T("a "), m.Strong((m.Code("b"),)), m.NoteRef(1), m.LineBreak(), m.Link("#x", (T("c"),)))
    assert inline_text(nodes) == "a b c"
