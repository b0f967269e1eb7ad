"""The DOCX paginates like the PDF, as LibreOffice lays it out (skipped without LibreOffice).

Every sample DOCX is converted in one LibreOffice run; its page count must equal the
PDF's, and the page numbers its contents field carries (the PDF's) must be the pages
where LibreOffice puts the headings, for at least 95% of the entries. Where briefgen does
not get there yet, the test says so (a strict xfail, so that reaching it is noticed).
The full report is also built with `break_before: page`, where the PDF skips some of the
breaks asked for: the DOCX makes the same ones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import ROOT, convert_all_to_pdf, soffice

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
SHORT_OF_PARITY: dict[str, str] = {}


PAGE_BREAKS = "full-page-breaks"  # the sample's full report, a page asked before every chapter and profile


@pytest.fixture(scope="module")
def page_breaks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's full report built with `break_before: page`, as `PAGE_BREAKS`.pdf/.docx."""
    root = tmp_path_factory.mktemp("page-breaks")
    project = root / "project"
    for name in ("sections", "templates", "data", "clients"):
        shutil.copytree(ROOT / name, project / name)
    yaml = (ROOT / "briefing.yaml").read_text(encoding="utf-8")
    cut = "  full:\n    title: Full report\n"
    assert cut in yaml
    (project / "briefing.yaml").write_text(yaml.replace(cut, cut + "    break_before: page\n"), encoding="utf-8")
    out = root / "out"
    cmd = [sys.executable, "-m", "briefgen", "build", "full", "-q", "-p", str(project), "--output", str(out)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for ext in ("pdf", "docx"):
        (out / f"full.{ext}").rename(out / f"{PAGE_BREAKS}.{ext}")
    return out


@pytest.fixture(scope="module")
def converted(sample_all: Path, page_breaks: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lo-pagination")
    docxs = [sample_all / f"{name}.docx" for name in DELIVERABLES]
    convert_all_to_pdf([*docxs, page_breaks / f"{PAGE_BREAKS}.docx"], out)
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


def _parity(name: str, built: Path, converted: Path, share: float = 0.05) -> None:
    pdf_pages = len(PdfReader(str(built / f"{name}.pdf")).pages)
    lo_pages = len(PdfReader(str(converted / f"{name}.pdf")).pages)
    assert lo_pages == pdf_pages, f"{name}: LibreOffice {lo_pages} pages, PDF {pdf_pages}"
    entries = contents(built / f"{name}.docx")
    if not entries:
        return
    where = heading_pages(converted / f"{name}.pdf")
    wrong = [(title, page, where.get(title)) for title, page in entries if where.get(title) != page]
    assert len(wrong) <= len(entries) * share, f"{name}: {len(wrong)} of {len(entries)} a page out: {wrong}"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHORT_OF_PARITY[n])) if n in SHORT_OF_PARITY else n
        for n in DELIVERABLES
    ],
)
def test_libreoffice_paginates_the_docx_as_the_pdf(name: str, sample_all: Path, converted: Path) -> None:
    _parity(name, sample_all, converted)


def test_the_docx_takes_the_breaks_the_pdf_took(page_breaks: Path, converted: Path) -> None:
    # The PDF follows on where a page would hold under six lines: some asked breaks are not
    # taken (fewer breaks in the DOCX than sections asking one), and the pages are the same.
    xml = zipfile.ZipFile(page_breaks / f"{PAGE_BREAKS}.docx").read("word/document.xml").decode("utf-8")
    starts = re.findall(r'<w:p><w:pPr><w:pStyle w:val="(?:Heading1|SectionKicker)"/>(<w:pageBreakBefore/>)?', xml)
    assert 0 < starts.count("<w:pageBreakBefore/>") < len(starts)
    _parity(PAGE_BREAKS, page_breaks, converted)


def test_the_contents_are_read_from_the_docx(sample_all: Path) -> None:
    entries = contents(sample_all / "full.docx")
    assert len(entries) >= 40 and entries[0][1] >= 3  # after the cover and the contents
    assert [p for _, p in entries] == sorted(p for _, p in entries)
