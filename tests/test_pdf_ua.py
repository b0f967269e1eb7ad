"""Tagged PDF (PDF/UA-1) and PDF/A-2b: the sample's deliverables and a fixture pass the
checker in `pdfua.py`; the checker fails on broken copies; the structure comes from the
model, in the order the text is read.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pdfua
import pikepdf
import pytest
from pikepdf import Name

from briefgen.cli.main import main

BODY = """---
title: Structure
---

A paragraph with a [link](https://example.org) and a [cross-reference](#01-intro), and a note.[^1]

## Rows

| Name | Value |
|---|---:|
{rows}

Table: The rows, captioned.

### Deeper

- one item
- another item, with a nested list:
  1. first
  2. second

![A blue square, the brand's logo](../templates/logo.png)

> Quoted words.

```
code line
```

::: {{.callout title="A box"}}
Inside the box.
:::

```chart
type: bar
title: Bars
data:
  - {{label: A, value: 3}}
  - {{label: B, value: 5}}
```

[^1]: The note's text.
"""


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report with every kind of block; its table long enough to repeat its header on the next page."""
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("ua")
    rows = "\n".join(f"| Row {i} | {i} |" for i in range(70))
    root = write_project(tmp, {"sections/02-detail.md": BODY.format(rows=rows)})
    assert main(["build", "--project", str(root), "--output", str(tmp / "out"), "--format", "pdf"]) == 0
    return tmp / "out" / "full.pdf"


def test_the_sample_deliverables_pass_the_checker(sample_outputs: Path) -> None:
    pdfs = sorted(sample_outputs.glob("*.pdf"))
    assert len(pdfs) >= 4
    for pdf in pdfs:
        assert pdfua.problems(pdf) == [], pdf.name


def test_the_structure_comes_from_the_model(tagged: Path) -> None:
    assert pdfua.problems(tagged) == []
    kinds = [kind for _, kind in pdfua.structure(tagged)]
    for kind in ("Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"):
        assert kind in kinds, kind
    for kind in ("Figure", "Caption", "Note", "Link", "BlockQuote", "Code", "TOC", "TOCI", "Div"):
        assert kind in kinds, kind
    # the header row is tagged once, though drawn on two pages (the repeat is an artifact)
    assert kinds.count("TH") == 2
    assert kinds.count("TR") == 71
    with pikepdf.open(tagged) as pdf:
        alts = {str(e.Alt) for e in _elements(pdf) if e.get("/S") == Name.Figure}
        notes = [e for e in _elements(pdf) if e.get("/S") == Name.Note]
    assert "A blue square, the brand's logo" in alts
    assert any(alt.startswith("Bar chart") or "Bars" in alt for alt in alts), alts
    assert notes and all(str(n.get("/ID", "")) for n in notes)
    # each item's bullet or number is its Lbl, read before its body
    labels = "".join(text.strip() + " " for kind, text in pdfua.tagged_text(tagged) if kind == "Lbl")
    assert "• • 1. 2. " in labels, labels  # this section's list, its nested list inside


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    tree = pdfua.read_tree(pdf)
    assert tree is not None
    return tree.elements


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u00ad", ""))


def _in_order(tagged_words: list[str], read: list[str]) -> None:
    """Every tagged word, in the tree's order, appears in `read`'s order; what is left
    over there is furniture (running heads, footers, page numbers, the cover)."""
    at = 0
    for i, word in enumerate(tagged_words):
        found = read.index(word, at) if word in read[at:] else -1
        assert found >= 0, (i, tagged_words[max(0, i - 8) : i + 3], read[at : at + 12])
        at = found + 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_reading_order_is_the_order_pdftotext_reads(tagged: Path, sample_outputs: Path) -> None:
    for pdf in (tagged, sample_outputs / "full.pdf"):
        pieces = pdfua.tagged_text(pdf)
        read = _words(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        # A chart's labels are read from its Alt; pdftotext reads a table's multi-line
        # cells across the row, line by line: both are left out of this comparison...
        body = _words(" ".join(text for kind, text in pieces if kind not in ("Figure", "TD", "TH")))
        _in_order(body, read)
        # ...and compared, with everything else, with the order the page draws them in
        raw = _words(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout)
        every = _words(" ".join(text for kind, text in pieces if kind != "Figure"))
        assert len(every) > 0.7 * len(raw) > 100
        _in_order(every, raw)


# ---------------------------------------------------------------- the checker fails on broken copies


def _broken(tagged: Path, tmp_path: Path, change: Callable[[pikepdf.Pdf], None]) -> list[str]:
    out = tmp_path / "broken.pdf"
    with pikepdf.open(tagged) as pdf:
        change(pdf)
        pdf.save(out)
    return pdfua.problems(out)


def _first(pdf: pikepdf.Pdf, kind: str) -> pikepdf.Dictionary:
    return next(e for e in _elements(pdf) if e.get("/S") == Name("/" + kind))


def _no_scope(pdf: pikepdf.Pdf) -> None:
    del _first(pdf, "TH")["/A"]


def _skip_level(pdf: pikepdf.Pdf) -> None:
    _first(pdf, "H3").S = Name.H5


def _untagged_text(pdf: pikepdf.Pdf) -> None:
    page = pdf.pages[1]
    page.contents_add(pdf.make_stream(b"BT /F1 9 Tf 10 10 Td (x) Tj ET"), prepend=False)


def _same_subset_tags(pdf: pikepdf.Pdf) -> None:
    for font in pdf.pages[1].Resources.Font.values():
        font.BaseFont = Name("/" + "AAAAAA+" + str(font.BaseFont)[8:])


def _no_label(pdf: pikepdf.Pdf) -> None:
    item = _first(pdf, "LI")
    item.K = pikepdf.Array([k for k in item.K if k.get("/S") != Name.Lbl])


def _no_struct_parent(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            del annot["/StructParent"]


BROKEN = {
    "11-006": lambda pdf: pdf.Root.__delitem__("/Lang"),
    "01-002": lambda pdf: pdf.Root.MarkInfo.__setitem__("/Marked", False),
    "07-001": lambda pdf: pdf.Root.__delitem__("/ViewerPreferences"),
    "01-001": lambda pdf: pdf.Root.__delitem__("/StructTreeRoot"),
    "06-001": lambda pdf: pdf.Root.__delitem__("/Metadata"),
    "13-004": lambda pdf: _first(pdf, "Figure").__delitem__("/Alt"),
    "15-003": _no_scope,
    "09-004": _no_label,
    "14-003": _skip_level,
    "01-005": _untagged_text,
    "9.6.4": _same_subset_tags,
    "31-027": lambda pdf: next(iter(pdf.pages[1].Resources.Font.values())).__delitem__("/ToUnicode"),
    "28-002": _no_struct_parent,
    "PDF/A 6.2.3": lambda pdf: pdf.Root.__delitem__("/OutputIntents"),
}


@pytest.mark.parametrize("checkpoint", sorted(BROKEN))
def test_the_checker_finds_each_broken_condition(checkpoint: str, tagged: Path, tmp_path: Path) -> None:
    found = _broken(tagged, tmp_path, BROKEN[checkpoint])
    assert any(checkpoint in p for p in found), found


def test_the_checker_finds_broken_xmp(tagged: Path, tmp_path: Path) -> None:
    def change(pdf: pikepdf.Pdf) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta[pdfua.XMP_UA] = "2"
            meta["dc:title"] = "Another title"

    found = _broken(tagged, tmp_path, change)
    assert any("06-002" in p for p in found) and any("differs from the Info" in p for p in found), found


# ---------------------------------------------------------------- choosing the standard


def _build(tmp_path: Path, *args: str, **briefing: str) -> Path:
    from conftest import write_project

    root = write_project(tmp_path, **briefing)
    assert main(["build", "--project", str(root), "--output", str(tmp_path / "out"), "--format", "pdf", *args]) == 0
    return tmp_path / "out" / "full.pdf"


def test_pdf_standard_none_writes_an_untagged_pdf(tmp_path: Path) -> None:
    pdf_path = _build(tmp_path, "--pdf-standard", "none", pdf_standard="ua1")  # the option wins
    with pikepdf.open(pdf_path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/Metadata" not in pdf.Root
        names = [str(f.BaseFont) for p in pdf.pages for f in (p.Resources.get("/Font") or {}).values()]
    assert names and not any(n.startswith("/AAAAAA+") for n in names)  # subset tags are fixed anyway
    assert any(p.startswith("01-001") for p in pdfua.problems(pdf_path))


def test_pdf_standard_a2b_from_briefing_is_archival_and_untagged(tmp_path: Path) -> None:
    pdf_path = _build(tmp_path, pdf_standard="a2b", lang="fr-CA")
    assert pdfua.problems(pdf_path, ua=False) == []
    with pikepdf.open(pdf_path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and str(pdf.Root.Lang) == "fr-CA"
        meta = pdf.open_metadata()
        assert meta.get(pdfua.XMP_A_PART) == "2" and meta.get(pdfua.XMP_UA) is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("pdf_standard", "pdfx", "briefing.yaml:5: error: 'pdf_standard' must be one of both, ua1, a2b, none"),
        ("lang", "English!", "briefing.yaml:5: error: 'lang' must be a language tag"),
    ],
)
def test_bad_settings_are_errors_at_their_line(
    tmp_path: Path, key: str, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import write_project

    root = write_project(tmp_path, **{key: value})
    assert main(["build", "--project", str(root), "--output", str(tmp_path / "out")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "full.pdf").exists()


@pytest.fixture(scope="module")
def word(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DOCX in Canadian French, with a table and a content image."""
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("ua-docx")
    table = "| Name | Value |\n|---|---:|\n| One | 1 |\n| Two | 2 |\n"
    image = "![A blue square, the brand's logo](../templates/logo.png)\n"
    detail = f"---\ntitle: Detail\n---\n\n{table}\n{image}"
    root = write_project(tmp, {"sections/02-detail.md": detail}, lang="fr-CA")
    assert main(["build", "--project", str(root), "--output", str(tmp / "out"), "--format", "docx"]) == 0
    return tmp / "out" / "full.docx"


def test_the_docx_keeps_pace_language_and_table_header_rows(word: Path) -> None:
    import zipfile

    from support import validate_docx

    with zipfile.ZipFile(word) as z:
        styles, core = z.read("word/styles.xml").decode(), z.read("docProps/core.xml").decode()
        body = z.read("word/document.xml").decode()
    assert re.search(r'<w:rPrDefault>.*<w:lang w:val="fr-CA"', styles, re.S)
    assert "<dc:language>fr-CA</dc:language>" in core
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", body, re.S)
    header = [r for r in rows if "Name" in r and "Value" in r]
    assert header and "<w:tblHeader/>" in header[0]
    assert not any("<w:tblHeader/>" in r for r in rows if "One" in r)
    result = validate_docx(word)
    assert result.returncode == 0, result.stdout + result.stderr


DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def test_the_docx_marks_decoration_decorative_and_keeps_content_alt_text(word: Path) -> None:
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(word) as z:
        tree = etree.fromstring(z.read("word/document.xml"))
    ns = {
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "adec": ADEC,
    }
    decorative, described = {}, {}
    for doc_pr in tree.iterfind(".//wp:docPr", ns):
        flags = doc_pr.xpath(f"a:extLst/a:ext[@uri='{DECORATIVE}']/adec:decorative/@val", namespaces=ns)
        (decorative if flags == ["1"] else described)[doc_pr.get("name")] = doc_pr.get("descr")
    # the cover's band and edge, and the brand's logo (its name is in the running heads)
    assert {"Cover band", "Cover band edge"} <= set(decorative), decorative
    assert any(name.endswith((".png", ".jpg")) for name in decorative), decorative
    assert all(descr is None for descr in decorative.values())
    # the content image keeps its alt text
    assert "A blue square, the brand's logo" in described.values(), described
