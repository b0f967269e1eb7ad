"""The DOCX paginates like the PDF, as LibreOffice lays it out (skipped without LibreOffice).

Every sample DOCX is converted in one LibreOffice run; its page count must equal the
PDF's, and the page numbers its contents field carries (the PDF's) must be the pages
where LibreOffice puts the headings, for at least 95% of the entries. Where briefgen does
not get there yet, the test says so (a strict xfail, so that reaching it is noticed).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import convert_all_to_pdf, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")

DELIVERABLES = [
    "full",
    "public",
    "global",
    "annex",
    "annex-meridian",
    "full-dispatch",
    "global-ministry",
    "summary",
    "summary-meridian",
]
# Where LibreOffice's lines still fall far enough from the PDF's to move a page.
SHORT_OF_PARITY = {
}


@pytest.fixture(scope="module")
def converted(sample_all: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lo-pagination")
    convert_all_to_pdf([sample_all / f"{name}.docx" for name in DELIVERABLES], out)
    return out


def contents(docx: Path) -> list[tuple[str, int]]:
    """(title, page) of each entry of the DOCX's contents field, as written."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    out = []
    for link in re.findall(r'<w:p><w:pPr><w:pStyle w:val="TOC\d"/>.*?</w:p>', xml):
        m = re.search(r"<w:t>([^<]*)</w:t></w:r><w:r><w:tab/><w:t>(\d+)</w:t>", link)
        if m:
            out.append((" ".join(m.group(1).split()), int(m.group(2))))
    return out


def heading_pages(pdf: Path) -> dict[str, int]:
    """The page of each bookmark LibreOffice wrote for a heading (first one per title)."""
    reader = PdfReader(str(pdf))
    found: dict[str, int] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(" ".join(item.title.split()), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return found


def _parity(name: str, sample_all: Path, converted: Path) -> None:
    pdf_pages = len(PdfReader(str(sample_all / f"{name}.pdf")).pages)
    lo_pages = len(PdfReader(str(converted / f"{name}.pdf")).pages)
    assert lo_pages == pdf_pages, f"{name}: LibreOffice {lo_pages} pages, PDF {pdf_pages}"
    entries = contents(sample_all / f"{name}.docx")
    if not entries:
        return
    where = heading_pages(converted / f"{name}.pdf")
    wrong = [(title, page, where.get(title)) for title, page in entries if where.get(title) != page]
    assert len(wrong) <= len(entries) * 0.05, f"{name}: {len(wrong)} of {len(entries)} a page out: {wrong}"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHORT_OF_PARITY[n])) if n in SHORT_OF_PARITY else n
        for n in DELIVERABLES
    ],
)
def test_libreoffice_paginates_the_docx_as_the_pdf(name: str, sample_all: Path, converted: Path) -> None:
    _parity(name, sample_all, converted)


def test_the_contents_are_read_from_the_docx(sample_all: Path) -> None:
    entries = contents(sample_all / "full.docx")
    assert len(entries) >= 40 and entries[0][1] >= 3  # after the cover and the contents
    assert [p for _, p in entries] == sorted(p for _, p in entries)
