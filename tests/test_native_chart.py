"""`docx: native`: bar and line charts as editable Word charts, with their data in an embedded workbook.

One small project is built once (a horizontal bar chart in dollars and euros, with a qualified
row and a noted one, and a line chart); the tests read its DOCX part by part, check it with
the validator and LibreOffice, and check that the PDF keeps its vector chart.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import VALIDATOR, convert_to_pdf, docx_text, docx_xml, flat, pdf_pages, soffice, validate_docx

from briefgen.cli.main import main

CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "Aid pledged in 2021"
SECTION = """---
title: Charts
---

Two charts follow.

```chart
type: bar
docx: native
title: Aid pledged in 2021
unit: million
note: Amounts in the currency announced; not converted.
source: Test research, 2021
data:
  - {label: Conference participants, value: 1000, series: USD, qualifier: more than}
  - {label: United States, value: 64, series: USD}
  - {label: China, value: 31, series: USD, note: plus vaccine doses}
  - {label: European Union, value: 200, series: EUR}
```

```chart
type: line
docx: native
title: Refugees registered
unit: thousand
data:
  - {label: "2019", value: 80, series: Pakistan}
  - {label: "2020", value: 95.5, series: Pakistan}
  - {label: "2021", value: 150, series: Pakistan}
  - {label: "2019", value: 40, series: Iran}
  - {label: "2020", value: 60, series: Iran}
  - {label: "2021", value: 70, series: Iran}
```
"""
BAD_LINE = 9  # the 'docx:' line of the bar chart in SECTION (the fence's first content line is 8)

needs_validator = pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/tools/docx-validate is missing")
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def _build(project: Path, out: Path) -> int:
    return main(["build", "--project", str(project), "--output", str(out), "--format", "pdf,docx", "--jobs", "1"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Path]) -> Path:
    """The output folder of the chart project, built once for this module."""
    base = tmp_path_factory.mktemp("native")
    project = make_project(base, {"sections/03-charts.md": SECTION})
    assert _build(project, base / "out") == 0
    return base / "out"


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {name: z.read(name) for name in z.namelist()}


def _rels(xml: bytes) -> list[tuple[str, str, str]]:
    """(Id, Type, Target) of each relationship in a .rels part."""
    text = xml.decode("utf-8")
    return [
        (re.search(r'Id="([^"]+)"', r)[1], re.search(r'Type="([^"]+)"', r)[1], re.search(r'Target="([^"]+)"', r)[1])
        for r in re.findall(r"<Relationship [^>]*>", text)
    ]


def test_chart_parts_have_their_content_type_and_relationships(built: Path) -> None:
    parts = _parts(built / "full.docx")
    types = parts["[Content_Types].xml"].decode()
    for n in (1, 2):
        assert f'<Override PartName="/word/charts/chart{n}.xml" ContentType="{CHART_TYPE}"/>' in types
        assert f"word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx" in parts
    assert f'Extension="xlsx" ContentType="{XLSX_TYPE}"' in types
    doc_rels = _rels(parts["word/_rels/document.xml.rels"])
    charts = {rid: target for rid, kind, target in doc_rels if kind == CHART}
    assert sorted(charts.values()) == ["charts/chart1.xml", "charts/chart2.xml"]
    document = parts["word/document.xml"].decode()
    for rid in charts:  # each relationship is used by a c:chart in the body
        assert f'<c:chart r:id="{rid}"/>' in document
    for n in (1, 2):
        (rid, kind, target), *more = _rels(parts[f"word/charts/_rels/chart{n}.xml.rels"])
        assert not more and kind == PACKAGE and target == f"../embeddings/Microsoft_Excel_Worksheet{n}.xlsx"
        chart = parts[f"word/charts/chart{n}.xml"].decode()
        assert f'<c:externalData r:id="{rid}"><c:autoUpdate val="0"/></c:externalData>' in chart


def test_bar_chart_xml_has_the_series_the_labels_and_the_cached_values(built: Path) -> None:
    chart = docx_xml(built / "full.docx", "word/charts/chart1.xml")
    assert '<c:barDir val="bar"/>' in chart and "<c:lineChart>" not in chart
    assert chart.count("<c:ser>") == 2  # dollars and euros stay two series, never converted
    names = re.findall(r"<c:tx><c:strRef><c:f>([^<]+)</c:f><c:strCache>.*?<c:v>([^<]+)</c:v>", chart)
    assert names == [("Sheet1!$B$1", "US dollars (USD)"), ("Sheet1!$C$1", "Euros (EUR)")]
    assert "<c:f>Sheet1!$A$2:$A$5</c:f>" in chart
    assert "<c:f>Sheet1!$B$2:$B$5</c:f>" in chart and "<c:f>Sheet1!$C$2:$C$5</c:f>" in chart
    for label in ("Conference participants", "United States", "China", "European Union"):
        assert f"<c:v>{label}</c:v>" in chart
    for value in ("1000", "64", "31", "200"):
        assert f"<c:v>{value}</c:v>" in chart
    assert '<c:showVal val="1"/>' in chart
    assert "&quot;$&quot;#,##0&quot; million&quot;" in chart and "&quot;€&quot;#,##0&quot; million&quot;" in chart
    assert "<a:t>more than $1 billion</a:t>" in chart and "<a:t> plus vaccine doses</a:t>" in chart
    assert '<c:autoTitleDeleted val="1"/>' in chart and not re.search(r"<c:chart><c:title>", chart)
    assert "Million, in the currency announced (not converted)" in chart  # the axis caption
    assert 'typeface="Noto Sans"' in chart and 'val="0F2C4C"' in chart  # brand heading font and primary colour


def test_line_chart_xml(built: Path) -> None:
    chart = docx_xml(built / "full.docx", "word/charts/chart2.xml")
    assert "<c:lineChart>" in chart and "<c:barChart>" not in chart
    assert chart.count("<c:ser>") == 2
    assert "<c:v>Pakistan</c:v>" in chart and "<c:v>Iran</c:v>" in chart
    assert "<c:v>95.5</c:v>" in chart and "<c:v>2021</c:v>" in chart


def test_embedded_workbook_holds_the_values(built: Path) -> None:
    parts = _parts(built / "full.docx")
    with zipfile.ZipFile(io.BytesIO(parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])) as book:
        names = book.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} <= set(
            names
        )
        assert {book.getinfo(n).date_time for n in names} == {(1980, 1, 1, 0, 0, 0)}
        assert 'name="Sheet1"' in book.read("xl/workbook.xml").decode()
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    cells = dict(re.findall(r'<c r="([A-Z]+\d+)"[^>]*>(?:<is><t>([^<]*)</t></is>|<v>[^<]*</v>)', sheet))
    values = dict(re.findall(r'<c r="([A-Z]+\d+)"><v>([^<]*)</v>', sheet))
    assert cells["B1"] == "US dollars (USD)" and cells["C1"] == "Euros (EUR)"
    assert [cells[f"A{r}"] for r in range(2, 6)] == [
        "Conference participants",
        "United States",
        "China",
        "European Union",
    ]
    assert values == {"B2": "1000", "B3": "64", "B4": "31", "C5": "200"}  # no euro converted, no blank filled


def test_alt_text_caption_note_and_source(built: Path) -> None:
    xml = docx_xml(built / "full.docx")
    frames = re.findall(r'<wp:docPr id="\d+" name="(Chart \d)" descr="([^"]*)"/>', xml)
    assert [name for name, _ in frames] == ["Chart 1", "Chart 2"]
    assert frames[0][1].startswith(f"Bar chart: {TITLE}.") and "€200 million" in frames[0][1]
    text = docx_text(built / "full.docx").replace(" : ", ": ")  # runs are joined with spaces
    assert f"Figure 1: {TITLE} Amounts in the currency announced; not converted. Source: Test research, 2021" in text
    assert "Figure 2: Refugees registered" in text
    assert xml.count("SEQ Figure") == 2
    assert 'name="chart-' not in xml  # no picture of the charts besides


@needs_validator
def test_docx_validates(built: Path) -> None:
    pytest.importorskip("lxml")
    result = validate_docx(built / "full.docx")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pdf_keeps_the_vector_chart(built: Path) -> None:
    pdf = built / "full.pdf"
    index = next(i for i, text in enumerate(pdf_pages(pdf)) if f"Figure 1: {TITLE}" in flat(text))
    page = PdfReader(str(pdf)).pages[index]
    content = page.get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"\bre\b", content)) > 4  # bars drawn as paths
    assert "/Im" not in str((page.get("/Resources") or {}).get("/XObject", ""))
    assert "$64 million" in flat(pdf_pages(pdf)[index])


def test_the_same_project_gives_the_same_bytes(
    built: Path, tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"sections/03-charts.md": SECTION})
    assert _build(project, tmp_path / "again") == 0
    assert (tmp_path / "again" / "full.docx").read_bytes() == (built / "full.docx").read_bytes()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "docx: native\ntitle: Aid",
            "docx: natve\ntitle: Aid",
            f"sections/03-charts.md:{BAD_LINE}: error: 'docx' must be picture or native, not 'natve'; "
            "did you mean 'native'?",
        ),
        (
            "type: bar\ndocx: native",
            "type: timeline\ndocx: native",
            f"sections/03-charts.md:{BAD_LINE}: error: 'docx: native' applies to bar and line charts, not timeline",
        ),
        (
            "  - {label: United States, value: 64, series: USD}",
            "  - {label: China, value: 64, series: USD}",
            "sections/03-charts.md:17: error: docx: native cannot show a second value for 'China' in series 'USD'",
        ),
    ],
)
def test_bad_native_specs_are_reported_at_their_line(
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    message: str,
) -> None:
    assert old in SECTION
    body = SECTION.replace(old, new, 1)
    if "timeline" in new:  # a timeline takes dated rows
        body = re.sub(
            r"title: Aid.*?```", 'data:\n  - {date: "2021-08-15", label: Kabul}\n```', body, count=1, flags=re.S
        )
    project = make_project(tmp_path, {"sections/03-charts.md": body})
    assert _build(project, tmp_path / "out") == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "full.docx").exists()


@needs_soffice
def test_libreoffice_draws_the_native_chart(built: Path, tmp_path: Path) -> None:
    pages = [flat(page) for page in pdf_pages(convert_to_pdf(built / "full.docx", tmp_path))]
    page = next(p for p in pages if f"Figure 1: {TITLE}" in p)
    for label in (
        "United States",
        "$64 million",
        "€200 million",
        "more than $1 billion",
        "US dollars (USD)",
        "Euros (EUR)",
        "Million, in the currency announced (not converted)",
    ):
        assert label in page, label
    assert any("Pakistan" in p and "150 thousand" in p for p in pages)
