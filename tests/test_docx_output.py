"""The sample's DOCX outputs read back: validity, styles, fields, markings, LibreOffice pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import VALIDATOR, convert_all_to_pdf, docx_text, docx_xml, pdf_pages, soffice, validate_docx

needs_validator = pytest.mark.skipif(
    not VALIDATOR.exists(), reason="../shared/tools/docx-validate is not beside this checkout"
)
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


@needs_validator
@pytest.mark.parametrize("name", ["full.docx", "summary.docx", "annex-meridian.docx", "public.docx"])
def test_docx_is_schema_valid(sample_outputs: Path, name: str) -> None:
    pytest.importorskip("lxml")
    result = validate_docx(sample_outputs / name)
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_content_in_the_same_order_as_the_pdf(sample_outputs: Path) -> None:
    text = docx_text(sample_outputs / "full.docx")
    titles = [
        "Executive summary",
        "Introduction and context",
        "Pakistan",
        "Tajikistan",
        "Russia",
        "Global level",
        "Conclusions",
        "Chronology of key events",
        "Partner with TESPA",
    ]
    body = text.find("Executive summary", text.find("Partner with TESPA") + 1)  # after the contents
    positions, at = [], body
    for title in titles:  # each title must follow the previous one
        at = text.find(title, at)
        positions.append(at)
    assert -1 not in positions, dict(zip(titles, positions, strict=True))
    for figure in ("1,135 km", "€200 million", "$64 million", "2593", "Erdoğan"):
        assert figure in text


def test_builtin_styles_are_used(sample_outputs: Path) -> None:
    from docx import Document

    doc = Document(str(sample_outputs / "full.docx"))
    used = {p.style.name for p in doc.paragraphs}
    for style in ("Title", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        assert style in used, used


@pytest.mark.parametrize("name", ["full.docx", "summary.docx", "annex-meridian.docx"])
def test_every_style_the_text_names_is_defined_and_no_template_clutter(sample_outputs: Path, name: str) -> None:
    styles = docx_xml(sample_outputs / name, "word/styles.xml")
    body = docx_xml(sample_outputs / name)
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    named = set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', body))
    assert named and named <= defined, named - defined
    # Word 2007's table looks from python-docx's template are left out (85% of the part).
    assert not [s for s in defined if s.startswith(("LightShading", "MediumGrid", "ColorfulList"))]
    assert "TableGrid" in defined and "Heading1" in defined
    assert len(styles) < 120_000


def test_contents_is_a_real_toc_field_with_entries(sample_outputs: Path) -> None:
    xml = docx_xml(sample_outputs / "full.docx")
    assert re.search(r"<w:instrText[^>]*>\s*TOC \\o", xml)
    begin = xml.find("TOC \\o")
    end = xml.find('w:fldCharType="end"', begin)
    cached = re.sub(r"<[^>]+>", "", xml[begin:end])
    for title in ("Executive summary", "Tajikistan", "Conclusions"):
        assert title in cached


def test_header_and_footer_have_page_fields(sample_outputs: Path) -> None:
    import zipfile

    with zipfile.ZipFile(sample_outputs / "full.docx") as z:
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        headers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert "PAGE" in footers and "NUMPAGES" in footers
    assert "TESPA" in headers


def test_marking_in_the_annex_header_or_footer(sample_outputs: Path) -> None:
    import zipfile

    with zipfile.ZipFile(sample_outputs / "annex-meridian.docx") as z:
        furniture = "".join(z.read(n).decode() for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml", n))
    assert "CONFIDENTIAL — prepared for Meridian Energy" in furniture
    text = docx_text(sample_outputs / "annex-meridian.docx")
    assert "Prepared for Meridian Energy" in text
    assert "Turkmenistan" in text and "Tajikistan at a glance" not in text


def test_core_properties(sample_outputs: Path) -> None:
    from docx import Document

    props = Document(str(sample_outputs / "annex-meridian.docx")).core_properties
    assert props.title.startswith("Afghanistan and Russia")
    assert props.author == "TESPA Research"
    assert "Iran" in props.keywords
    everything = " ".join(
        str(v) for v in (props.subject, props.comments, props.category, props.identifier, props.keywords)
    )
    assert "Meridian Energy" in everything


@pytest.fixture(scope="module")
def libreoffice_pdfs(sample_outputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The full report's and the summary's DOCX as LibreOffice prints them (one run for both)."""
    names = ["full", "summary"]
    docxs = [sample_outputs / f"{name}.docx" for name in names]
    return dict(zip(names, convert_all_to_pdf(docxs, tmp_path_factory.mktemp("libreoffice")), strict=True))


@needs_soffice
def test_full_docx_opens_in_libreoffice_with_many_pages(libreoffice_pdfs: dict[str, Path]) -> None:
    pages = pdf_pages(libreoffice_pdfs["full"])
    assert len(pages) > 20
    assert "Afghanistan and Russia" in pages[0]


@needs_soffice
def test_summary_docx_is_exactly_one_page_in_libreoffice(libreoffice_pdfs: dict[str, Path]) -> None:
    pages = pdf_pages(libreoffice_pdfs["summary"])
    assert len(pages) == 1
    assert "Bottom line" in pages[0] or "BOTTOM LINE" in pages[0]
