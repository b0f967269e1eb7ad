"""writers.docx.toc: a real TOC field around cached entries (the contents' level 1–2, as
hyperlinks to their bookmarks), and page numbers filled in once the PDF has them."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import text, xp
from unitkit import meta

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.writers.docx.toc import INSTRUCTION, fill_toc_numbers, write_toc

DOC = m.Document(
    meta(),
    (
        m.Section("intro", "Introduction", 1, (m.Heading(2, (m.Text("Why   now"),), "why"),), Pos("a.md")),
        m.Section("detail", "Detail", 2, (m.Heading(3, (m.Text("Too deep"),), "deep"),), Pos("b.md")),
    ),
)


def toc(theme: Any, doc: m.Document = DOC, pages: Any = None) -> tuple[Any, Any]:
    c = docxkit.ctx(theme)
    c.toc_pages = pages
    write_toc(docxkit.container(c), doc, c)
    return c, docxkit.body(c)


def test_the_entries_are_the_contents_as_links_inside_one_field(theme: Any) -> None:
    _, body = toc(theme)
    entries = xp(body, "w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]")
    assert [(xp(p, "string(w:pPr/w:pStyle/@w:val)"), text(p)) for p in entries] == [
        ("TOCHeading", "Contents"),
        ("TOC1", "Introduction"),
        ("TOC2", "Why now"),  # whitespace runs folded, as a heading reads
        ("TOC2", "Detail"),
    ]
    assert xp(body, ".//w:hyperlink/@w:anchor") == ["intro", "why", "detail"]
    assert xp(body, ".//w:instrText/text()") == [f" {INSTRUCTION} "]
    kinds = xp(body, ".//w:fldChar/@w:fldCharType")
    assert kinds == ["begin", "separate", "end"]
    assert xp(entries[1], "w:r[1]/w:fldChar/@w:fldCharType") == ["begin"]  # opens in the first entry
    assert xp(entries[-1], "w:r[last()]/w:fldChar/@w:fldCharType") == ["end"]  # closes after the last


def test_page_numbers_are_filled_in_from_a_map_or_a_function_called_late(theme: Any) -> None:
    c, body = toc(theme, pages={"intro": 3, "detail": 5})
    fill_toc_numbers(c)
    assert [text(link) for link in xp(body, ".//w:hyperlink")] == ["Introduction3", "Why now", "Detail5"]
    calls: list[str] = []

    def later() -> dict[str, int]:
        calls.append("asked")
        return {"why": 4}

    c, body = toc(theme, pages=later)
    assert calls == []  # nothing asked while the body is written
    fill_toc_numbers(c)
    assert calls == ["asked"] and [text(x) for x in xp(body, ".//w:hyperlink")][1] == "Why now4"


def test_no_pagination_leaves_the_entries_without_numbers(theme: Any) -> None:
    c, body = toc(theme, pages=lambda: None)
    fill_toc_numbers(c)
    assert xp(body, ".//w:hyperlink//w:tab") == []


def test_an_empty_document_still_has_an_updatable_field(theme: Any) -> None:
    _, body = toc(theme, m.Document(meta(), ()))
    assert xp(body, ".//w:fldChar/@w:fldCharType") == ["begin", "separate", "end"]
    assert xp(body, "w:p[.//w:fldChar]/w:pPr/w:pStyle/@w:val") == ["TOC1"]
