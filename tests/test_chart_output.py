"""Charts through whole builds: vector in the PDF, a captioned picture with alt text in the DOCX."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import docx_text, docx_xml, flat, pdf_pages

from briefgen.cli.main import main


def _chart_page(pdf: Path, caption: str) -> int:
    return next(i for i, text in enumerate(pdf_pages(pdf)) if caption in flat(text))


def test_the_aid_chart_is_vector_with_its_labels_as_text(sample_outputs: Path) -> None:
    pdf = sample_outputs / "full.pdf"
    index = _chart_page(pdf, "Humanitarian aid pledged for Afghanistan in 2021")
    page = PdfReader(str(pdf)).pages[index]
    content = page.get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"\bre\b", content)) > 10  # the bars are drawn as paths, not an image
    assert not (page.get("/Resources") or {}).get("/XObject") or "/Im" not in str(page["/Resources"]["/XObject"])
    text = flat(pdf_pages(pdf)[index])
    for label in (
        "$64 million",
        "€200 million",
        "$31 million",
        "more than $1 billion",
        "US dollars (USD)",
        "Euros (EUR)",
    ):
        assert label in text, label
    assert re.search(r"Figure \d+: Humanitarian aid pledged for Afghanistan in 2021", text)


def test_the_regional_map_and_timeline_are_in_the_full_report(sample_outputs: Path) -> None:
    text = flat(" ".join(pdf_pages(sample_outputs / "full.pdf")))
    assert "Figure 1: From announcement to evacuation, 2021" in text
    assert "Figure 2: Afghanistan’s neighbours by tier" in text
    assert "1,135 km border" in text and "800 km border" in text
    assert "Figure 2 shows who borders Afghanistan" in text  # the cross-reference got its number


def test_docx_has_the_charts_as_pictures_with_alt_text_and_captions(sample_outputs: Path) -> None:
    xml = docx_xml(sample_outputs / "full.docx")
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert any("United States" in d and "64" in d for d in descriptions), descriptions
    text = docx_text(sample_outputs / "full.docx")
    assert "Humanitarian aid pledged for Afghanistan in 2021" in text
    assert xml.count("SEQ Figure") >= 3


def test_docx_chart_pictures_are_300_dpi(sample_outputs: Path) -> None:
    import io
    import zipfile

    from PIL import Image

    with zipfile.ZipFile(sample_outputs / "full.docx") as z:
        pngs = [z.read(n) for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    sizes = [Image.open(io.BytesIO(p)).info.get("dpi", (0, 0))[0] for p in pngs]
    assert sum(round(dpi) >= 300 for dpi in sizes) >= 3, sizes  # the three charts


def test_figure_numbers_follow_the_cut(tmp_path: Path) -> None:
    assert main(["build", "global", "--format", "pdf", "--output", str(tmp_path)]) == 0
    text = flat(" ".join(pdf_pages(tmp_path / "global.pdf")))
    assert "Figure 1: Humanitarian aid pledged for Afghanistan in 2021" in text
    assert "see also Figure 1" in text


def test_a_bad_chart_spec_is_reported_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Chart\n---\n\nText.\n\n```chart\ntype: bar\ndata:\n  - {label: A, vaule: 3}\n```\n"
    project = make_project(tmp_path, {"sections/03-chart.md": body})
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "sections/03-chart.md:10: error: unknown key 'vaule'" in err and "did you mean 'value'" in err
    assert not (tmp_path / "out" / "full.pdf").exists()


def test_documents_without_charts_do_not_import_the_charts_package(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    import subprocess
    import sys

    project = make_project(tmp_path)
    code = (
        "import sys; from briefgen.cli.main import main; "
        f"rc = main(['build', '--project', {str(project)!r}, '--output', {str(tmp_path / 'o')!r}]); "
        "print(rc, 'briefgen.charts' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        check=True,
    )
    assert out.stdout.split()[-2:] == ["0", "False"]
