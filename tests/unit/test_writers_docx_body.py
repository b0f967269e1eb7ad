"""writers.docx.body: every anchor the document will bookmark, found before writing; each
section's kicker, heading (bookmarked), rule and page break by the cut's `break_before`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import docxkit
from docxkit import paragraphs, xp
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.model.layout import BreakBefore
from briefgen.writers.common.pagination import PdfPages
from briefgen.writers.docx.body import anchors, drop_skipped_breaks, write_sections
from briefgen.writers.docx.inline import note_anchor

T = m.Text


def section(sid: str, level: int = 1, *blocks: m.Block, **kw: Any) -> m.Section:
    return m.Section(
        sid, sid.title(), level, tuple(blocks) or (m.Paragraph((T(f"{sid} text"),)),), Pos(f"{sid}.md", 1), **kw
    )


def doc(*sections: m.Section, rule: BreakBefore = BreakBefore.AUTO) -> m.Document:
    return m.Document(replace(meta(), break_before=rule), tuple(sections))


def test_anchors_are_section_ids_headings_anchored_charts_and_notes_nested_anywhere() -> None:
    chart = m.Chart(spec=None, alt="", anchor="fig-1")
    nested = m.BlockQuote((m.Heading(3, (T("Deep"),), "deep"),))
    notes = m.Notes((m.Note(1, ()), m.Note(2, ())))
    found = anchors(doc(section("a", 1, nested, chart, notes), section("b", 2, m.Chart(spec=None, alt=""))))
    assert found == {"a", "b", "deep", "fig-1", note_anchor("a", 1), note_anchor("a", 2)}


def write(theme: Any, *sections: m.Section, break_first: bool = False, rule: BreakBefore = BreakBefore.AUTO) -> Any:
    c = docxkit.ctx(theme)
    write_sections(doc(*sections, rule=rule), docxkit.container(c), c, break_first=break_first)
    return docxkit.body(c)


def breaks(body: Any) -> list[str]:
    """The text of each paragraph that starts a page."""
    return [docxkit.text(p) for p in xp(body, "w:p[w:pPr/w:pageBreakBefore]")]


def test_each_section_is_a_bookmarked_heading_of_its_level_then_its_blocks(theme: Any) -> None:
    body = write(theme, section("intro"), section("sub", 2))
    assert paragraphs(body)[-5:] == [
        ("Heading1", "Intro"),
        ("SectionRule", ""),
        ("Normal", "intro text"),
        ("Heading2", "Sub"),
        ("Normal", "sub text"),
    ]
    assert xp(body, "w:p/w:bookmarkStart/@w:name") == ["intro", "sub"]


def test_a_kicker_sits_above_the_title_and_takes_its_page_break(theme: Any) -> None:
    body = write(theme, section("a"), section("b", 2, kicker="Profile · Tier 1", new_page=True, kind="country"))
    styles = paragraphs(body)
    i = styles.index(("SectionKicker", "Profile · Tier 1"))
    assert styles[i + 1] == ("SectionTitle", "B")  # the PDF's h1 look, at level 2
    assert breaks(body) == ["Profile · Tier 1"]
    assert ("SectionRule", "") in styles[i + 2 : i + 3]  # a profile's title has its rule, as the PDF's h1


def test_page_breaks_follow_the_layout(theme: Any) -> None:
    secs = (section("a"), section("b", 2), section("c"))
    assert breaks(write(theme, *secs)) == []
    assert breaks(write(theme, *secs, break_first=True)) == ["A"]  # after a contents page
    assert breaks(write(theme, *secs, rule=BreakBefore.CHAPTER)) == ["C"]  # each top-level section
    profile = section("d", 2, kind="country")
    assert breaks(write(theme, *secs, profile, rule=BreakBefore.PAGE)) == ["C", "D"]  # and each profile
    assert breaks(write(theme, section("e"), section("f", new_page=True), section("g", new_page=False))) == ["F"]


def test_a_rule_break_the_pdf_skipped_is_dropped_once_its_pages_are_known(theme: Any) -> None:
    c = docxkit.ctx(theme)
    secs = (section("a"), section("b"), section("c"), section("d", new_page=True))
    write_sections(doc(*secs, rule=BreakBefore.CHAPTER), docxkit.container(c), c, break_first=False)
    body = docxkit.body(c)
    assert breaks(body) == ["B", "C", "D"]
    # The PDF put B on A's page (A left under six lines), C on a page of its own; D's
    # break is the author's, kept whatever the PDF did.
    drop_skipped_breaks(c, {"a": 3, "b": 3, "c": 4, "d": 4})
    assert breaks(body) == ["C", "D"]
    gap = xp(body, "w:p[w:r/w:t='B']/w:pPr/w:spacing/@w:before")
    assert gap and int(gap[0]) > 0  # B follows on with the air a section title has mid-page


def test_the_pdf_says_which_breaks_it_skipped_where_page_numbers_cannot(theme: Any) -> None:
    # A ran over onto a second page, and B followed on there: B's page is not A's heading's
    # page, so the page numbers alone keep B's break; the PDF's own word drops it.
    def written() -> Any:
        c = docxkit.ctx(theme)
        secs = (section("a"), section("b"), section("c"))
        write_sections(doc(*secs, rule=BreakBefore.CHAPTER), docxkit.container(c), c, break_first=False)
        return c

    numbers = {"a": 3, "b": 4, "c": 5}
    c = written()
    drop_skipped_breaks(c, numbers)
    assert breaks(docxkit.body(c)) == ["B", "C"]
    c = written()
    drop_skipped_breaks(c, PdfPages(numbers, followed={"b"}))
    assert breaks(docxkit.body(c)) == ["C"]


def test_the_contact_page_begins_a_page_where_the_pdf_s_did(theme: Any) -> None:
    c = docxkit.ctx(theme)
    secs = (section("a"), section("contact", kind="contact"))
    write_sections(doc(*secs), docxkit.container(c), c, break_first=False)
    gap = xp(docxkit.body(c), "w:p[w:r/w:t='Contact']/w:pPr/w:spacing/@w:before")
    assert gap and int(gap[0]) > 0  # following on: a title's air above it
    drop_skipped_breaks(c, PdfPages({"a": 3, "contact": 3}))
    assert breaks(docxkit.body(c)) == []
    drop_skipped_breaks(c, PdfPages({"a": 3, "contact": 4}, tops={"contact"}))
    assert breaks(docxkit.body(c)) == ["Contact"]  # and no air above it at a page's top
    assert xp(docxkit.body(c), "w:p[w:r/w:t='Contact']/w:pPr/w:spacing/@w:before") == []


def test_without_the_pdfs_pages_every_break_stays(theme: Any) -> None:
    c = docxkit.ctx(theme)
    write_sections(
        doc(section("a"), section("b"), rule=BreakBefore.CHAPTER), docxkit.container(c), c, break_first=False
    )
    drop_skipped_breaks(c, None)
    drop_skipped_breaks(c, {"a": 3})  # B's page unknown
    assert breaks(docxkit.body(c)) == ["B"]
