"""writers.pdf.document: `write_pdf` for each layout (cover, contents, body; the summary's
one page), bookmarks and the pages anchors landed on, reproducible bytes from the
briefing's date, a block that cannot fit named at its line, and `measure`."""

from __future__ import annotations

import io
from typing import Any

import pdfkit
import pytest
from pypdf import PdfReader
from reportlab.platypus import HRFlowable, PageBreak
from unitkit import meta

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.model.layout import BreakBefore, Layout
from briefgen.writers.pdf.document import measure, outline_keys, section_flowables, source_epoch, write_pdf
from briefgen.writers.pdf.makeup import SectionBreak

T = m.Text


def section(sid: str, *blocks: m.Block, level: int = 1, **kw: Any) -> m.Section:
    body = blocks or (m.Paragraph((T(f"Text of {sid}."),)),)
    return m.Section(sid, sid.title(), level, body, Pos(f"{sid}.md", 1), **kw)


def doc(*sections: m.Section, **changes: Any) -> m.Document:
    return m.Document(meta(**changes), sections)


def test_source_epoch_is_the_environments_or_the_briefing_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_epoch("1970-01-02") == 86400
    assert source_epoch("not a date") == 946684800  # 2000-01-01, fixed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    assert source_epoch("2024-05-01") == 42


def test_outline_keys_are_sections_and_their_own_non_empty_headings() -> None:
    quoted = m.BlockQuote((m.Heading(2, (T("Quoted"),), "quoted"),))
    d = doc(section("a", m.Heading(2, (T("Kept"),), "kept"), m.Heading(2, (T(" "),), "empty"), quoted))
    assert outline_keys(d) == {"a", "kept"}


def test_a_sections_flowables_break_the_page_as_asked(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    first = section_flowables(section("a"), r, first=True, rule=BreakBefore.PAGE)
    assert first[0].style is r.styles["h1"] and isinstance(first[1], HRFlowable)  # a level-1 title and its rule
    # the author's own new page is kept whatever the cut's rule
    assert isinstance(section_flowables(section("b", new_page=True), r, False, BreakBefore.AUTO)[0], PageBreak)
    # the cut's rule asks for a break that makes sure the page before is not nearly empty
    assert isinstance(section_flowables(section("c"), r, False, BreakBefore.PAGE)[0], SectionBreak)
    assert isinstance(section_flowables(section("c"), r, False, BreakBefore.CHAPTER)[0], SectionBreak)
    assert not any(
        isinstance(f, (PageBreak, SectionBreak)) for f in section_flowables(section("d"), r, False, BreakBefore.AUTO)
    )
    sub = section_flowables(section("e", level=2, kicker="Profile"), r, first=False, rule=BreakBefore.CHAPTER)
    assert not any(isinstance(f, (PageBreak, SectionBreak)) for f in sub)
    assert pdfkit.words(sub).startswith("PROFILE E")  # the kicker, then the title


def test_a_report_has_cover_contents_and_bookmarked_sections(theme: Any) -> None:
    seen: list[dict[str, int]] = []
    result = write_pdf(doc(section("intro"), section("detail", new_page=True)), theme, on_paginated=seen.append)
    reader = PdfReader(io.BytesIO(result.data))
    assert result.pages == len(reader.pages) >= 3
    texts = [p.extract_text() for p in reader.pages]
    assert "Contents" in texts[1] and "Intro" in texts[1]
    assert result.anchor_pages["detail"] > result.anchor_pages["intro"] >= 2
    assert seen == [result.anchor_pages]  # told once, as soon as the layout was done
    assert [o.title for o in reader.outline] == ["Intro", "Detail"]


def test_the_same_input_gives_the_same_bytes(theme: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    d = doc(section("a"), layout=Layout.ANNEX, cut_title="Annex")
    assert write_pdf(d, theme).data == write_pdf(d, theme).data


def test_a_summary_is_one_page_without_cover_or_contents(theme: Any) -> None:
    result = write_pdf(doc(section("bottom"), layout=Layout.SUMMARY), theme)
    [page] = PdfReader(io.BytesIO(result.data)).pages
    assert result.pages == 1 and "Contents" not in page.extract_text() and "Text of bottom." in page.extract_text()


def test_a_block_that_cannot_fit_any_page_is_named_at_its_line(theme: Any) -> None:
    # one fact whose value is taller than the page: a table row does not split
    value = m.Cell((T("A long value. " * 900),))
    facts = m.Table(header=(), rows=((m.Cell((T("Label"),)), value),), kind="facts", pos=Pos("sections/big.md", 11))
    with pytest.raises(BriefgenError) as caught:
        write_pdf(doc(section("big", facts), layout=Layout.SUMMARY), theme)
    [d] = caught.value.diagnostics
    assert d.pos.file == "sections/big.md" and "cannot be laid out" in d.message


def test_measure_grows_with_content_and_the_frame_is_fixed(theme: Any) -> None:
    short = measure(doc(section("a"), layout=Layout.SUMMARY), theme)
    long = measure(doc(section("a", *[m.Paragraph((T("More words. " * 20),))] * 5), layout=Layout.SUMMARY), theme)
    assert long[0] > short[0] > 0 and long[1] == short[1]
    assert measure(doc(section("a"), layout=Layout.SUMMARY), theme, scale=0.8)[0] < short[0]
