"""The apparatus a client expects: page references after cross-references, references to
left-out sections dropped with a warning, the copyright and citation lines, and
editorial notes kept to the `internal` audience."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import docx_text, docx_xml, flat, pdf_pages, validate_docx

from briefgen.cli.main import main
from briefgen.writers.docx.context import bookmark_name

FIRST = "---\ntitle: Opening survey\n---\n\nThe survey's first words.\n\n## A named finding\n\nIts text.\n"
SECOND = """---
title: Second part
---

Aid came through one channel (see the [opening survey](#01-first)) and one more
(see [the named finding](#01-first-a-named-finding) and [the last part](#04-last)).

| Date | Section |
|---|---|
| 2021 | [Opening survey](#01-first) |
"""
FILLER = "---\ntitle: Filler\n---\n\n" + "\n\n".join(["A paragraph of filler text to push pages on. " * 12] * 12)
LAST = "---\ntitle: Last part\n---\n\nThe end.\n"
BRIEFING = {
    "copyright": "© 2021 The Institute. All rights reserved.",
    "citation": "The Institute, Test briefing, 2021.",
    "cuts": {"later": {"title": "Later parts", "include": ["02-second", "04-last"]}},
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    files = {
        "sections/01-first.md": FIRST,
        "sections/02-second.md": SECOND,
        "sections/03-filler.md": FILLER,
        "sections/04-last.md": LAST,
        "sections/01-intro.md": None,
        "sections/02-detail.md": None,
    }
    return write_project(tmp_path_factory.mktemp("apparatus"), files, **BRIEFING)


@pytest.fixture(scope="module")
def full(project: Path) -> tuple[list[str], Path]:
    assert main(["build", "-p", str(project), "-o", str(project / "out"), "-q"]) == 0
    return pdf_pages(project / "out" / "full.pdf"), project / "out" / "full.docx"


def _page_of(pages: list[str], title: str) -> int:
    """The page where `title` stands on a line of its own, after the contents page."""
    return [n for n, text in enumerate(pages, 1) if re.search(rf"^{title}$", text, re.M)][-1]


def test_pdf_cross_references_carry_the_page_of_an_earlier_target(full: tuple[list[str], Path]) -> None:
    pages, _ = full
    text = flat(" ".join(pages)).replace("\u00a0", " ")
    survey, finding = _page_of(pages, "Opening survey"), _page_of(pages, "A named finding")
    assert f"(see the opening survey, p. {survey})" in text
    # a target further on gets no number: one layout pass has not reached it
    assert f"(see the named finding, p. {finding} and the last part)" in text
    assert f"Opening survey, p. {survey}" in text  # a table cell holding only a link: the chronology's form


def test_docx_cross_references_are_pageref_fields(full: tuple[list[str], Path]) -> None:
    pages, docx = full
    xml = docx_xml(docx)
    survey = _page_of(pages, "Opening survey")
    field = (
        '<w:t>, p.\u00a0</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark_name("01-first")} \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{survey}</w:t></w:r>'
    )
    assert xml.count(field) == 2  # the parenthesis and the table cell
    assert f"PAGEREF {bookmark_name('04-last')}" not in xml
    assert f'w:name="{bookmark_name("01-first")}"' in xml
    assert validate_docx(docx).returncode == 0


def test_a_reference_to_a_left_out_section_is_dropped_with_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "later", "-p", str(project), "-o", str(project / "out-later")]) == 0
    err = capsys.readouterr().err
    assert (
        "sections/02-second.md:5: warning: cross-reference '(see the opening survey)' dropped: "
        "#01-first is not in this document" in err
    )
    for text in (
        flat(" ".join(pdf_pages(project / "out-later" / "later.pdf"))),
        docx_text(project / "out-later" / "later.docx"),
    ):
        assert "Aid came through one channel and one more" in text.replace("\u00a0", " ")
        assert "see the opening survey" not in text
        # one link of two left out: that one is plain text, the parenthesis stays
        assert "(see the named finding and the last part" in text.replace("\u00a0", " ")


def test_copyright_and_citation_close_both_formats(full: tuple[list[str], Path]) -> None:
    pages, docx = full
    last = flat(pages[-1])
    assert "How to cite: The Institute, Test briefing, 2021." in last
    assert last.index("How to cite") < last.index("© 2021 The Institute. All rights reserved.")
    words = docx_text(docx)
    assert words.index("Partner with TESPA") < words.index("How to cite:") < words.index("© 2021 The Institute")


def test_colophon_keys_are_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import write_project

    project = write_project(tmp_path, copyright=["not", "text"])
    assert main(["check", "-p", str(project)]) != 0
    assert "briefing.yaml:5: error:" in capsys.readouterr().err


def test_editorial_notes_reach_only_the_internal_audience(sample_outputs: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    for name in ("full.pdf", "annex-meridian.pdf", "summary.pdf"):
        text = flat(" ".join(pdf_pages(sample_outputs / name)))
        assert "Editorial note" not in text and "Verify its status" not in text, name
    out = sample_outputs.parent / "internal-edition"
    args = ["build", "global", "-p", str(root), "--audience", "internal", "-o", str(out), "-q", "--format", "pdf"]
    assert main(args) == 0
    text = flat(" ".join(pdf_pages(out / "global.pdf")))
    assert text.count("Editorial note.") == 1
    assert "Verify its status before external use." in text
