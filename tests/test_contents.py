"""The contents list: one layout pass, right page numbers, the same entries in PDF and DOCX."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import ROOT, docx_xml, flat, pdf_pages

from briefgen.build.assemble import Assembler
from briefgen.build.run import Request, build, load
from briefgen.model.contents import entries


def _numbers(contents: str, titles: list[str]) -> dict[str, int]:
    """Title -> the page number printed after it, reading the contents in order."""
    found: dict[str, int] = {}
    at = 0
    for title in titles:
        match = re.compile(re.escape(flat(title)) + r"[ .]*?(\d+)").search(contents, at)
        assert match, f"{title!r} is not listed in the contents after position {at}"
        found[title] = int(match.group(1))
        at = match.end()
    return found


@pytest.fixture(scope="module")
def listed() -> list[tuple[int, str, str]]:
    """The sample report's contents entries, assembled once for the tests that read them."""
    return list(entries(Assembler(load(ROOT)).assemble("full").document))


def _contents_pages(pages: list[str]) -> str:
    """The text of the contents pages: page 2 up to the page before the first entry's."""
    first = re.search(r"Contents\s+.+?\s(\d+)\s", pages[1], re.S)
    assert first, "page 2 does not open the contents"
    return " ".join(flat(text) for text in pages[1 : int(first.group(1)) - 1])


def test_every_entry_of_the_sample_points_at_its_page(sample_outputs: Path, listed: list[tuple[int, str, str]]) -> None:
    assert len(listed) > 30, "sections and their level-2 headings"
    pages = pdf_pages(sample_outputs / "full.pdf")
    numbers = _numbers(_contents_pages(pages), [title for _, title, _ in listed])
    for _, title, _ in listed:
        page = numbers[title]
        assert flat(title) in flat(pages[page - 1]), f"{title!r} is not on page {page}"


def test_a_long_contents_spanning_pages_is_laid_out_in_one_pass(
    make_project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus.doctemplate import BaseDocTemplate

    body = "".join(
        f"## Part {i}\n\n" + "A paragraph of analysis that fills the page. " * 40 + "\n\n" for i in range(90)
    )
    root = make_project(tmp_path, {"sections/01-intro.md": f"---\ntitle: Introduction\n---\n\n{body}"})
    passes = []
    original = BaseDocTemplate.build

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        passes.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BaseDocTemplate, "build", counted)
    done, failed = build(load(root), [Request("full")], formats=("pdf",), output=tmp_path / "out")
    assert not failed and len(passes) == 1, "the document was laid out more than once"
    pages = pdf_pages(done[0].files["pdf"])
    contents = _contents_pages(pages)
    assert "Part 89" in contents and "Part 89" not in pages[1], "the contents run over to a third page"
    numbers = _numbers(contents, [f"Part {i}" for i in range(90)])
    for i in (0, 45, 89):
        assert f"Part {i}" in flat(pages[numbers[f"Part {i}"] - 1]).split("Page ")[0]
    assert numbers["Part 89"] > numbers["Part 0"] + 30
    assert f"of {len(pages)}" in pages[-1]


def test_docx_contents_lists_the_same_entries_as_the_pdf(
    sample_outputs: Path, listed: list[tuple[int, str, str]]
) -> None:
    xml = docx_xml(sample_outputs / "full.docx")
    field = xml[xml.index("TOC \\o") : xml.index('w:fldCharType="end"', xml.index("TOC \\o"))]
    shown = [flat(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<\t]+)</w:t>", field) if not t.strip().isdigit()]
    expected = [flat(title) for _, title, _ in listed]
    assert shown == expected


def test_docx_contents_carry_the_pdfs_page_numbers(sample_outputs: Path, listed: list[tuple[int, str, str]]) -> None:
    """Built side by side (the DOCX in its own process), the numbers still come from this PDF."""
    titles = [title for _, title, _ in listed]
    in_pdf = _numbers(_contents_pages(pdf_pages(sample_outputs / "full.pdf")), titles)
    xml = docx_xml(sample_outputs / "full.docx")
    in_docx = [int(n) for n in re.findall(r"<w:tab/><w:t>(\d+)</w:t>", xml[xml.index("TOC \\o") :])][: len(titles)]
    assert in_docx == [in_pdf[t] for t in titles]
