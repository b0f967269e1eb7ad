"""Every Markdown feature of the format, through a whole build, read back from PDF and DOCX."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from support import docx_text, docx_xml, flat, pdf_pages

from briefgen.cli.main import main

BODY = """---
title: Features
---

A paragraph with *emphasis*, **strong**, ~~struck~~, `code`, an [external link](https://example.org/report)
and a [cross-reference](#02-other), plus a note.[^1] Raw text stays raw: x<y and y>z, <b>not bold</b> & more.

- First bullet
  - Nested bullet
- Second bullet

3. Third numbered
4. Fourth numbered

> A quotation from a named person.

::: {.callout title="Why it matters"}
Inside the call-out.

::: {audience="business"}
Only for business readers.
:::
:::

| Country | Border |
|---|--:|
| Tajikistan | 1,135 km |
| Iran | 800 km |

![A test map of the region](img/map.png)

```
code block line
```

[^1]: The note text, numbered.
"""

OTHER = "---\ntitle: Other\n---\n\nThe other section.\n"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("features")
    project = write_project(
        tmp, {"sections/01-intro.md": BODY, "sections/02-detail.md": None, "sections/02-other.md": OTHER}
    )
    (project / "sections" / "img").mkdir()
    Image.new("RGB", (400, 240), (200, 80, 60)).save(project / "sections" / "img" / "map.png")
    out = tmp / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--jobs", "1"]) == 0
    assert (
        main(
            ["build", "--project", str(project), "--output", str(out / "biz"), "--audience", "business", "--jobs", "1"]
        )
        == 0
    )
    return out


def test_pdf_has_every_feature(outputs: Path) -> None:
    text = flat(" ".join(pdf_pages(outputs / "full.pdf")))
    for expected in (
        "emphasis",
        "strong",
        "struck",
        "external link",
        "cross-reference",
        "x<y and y>z, <b>not bold</b> & more",
        "Nested bullet",
        "3. Third numbered",
        "4. Fourth numbered",
        "A quotation from a named person.",
        "Why it matters",
        "Inside the call-out.",
        "Tajikistan 1,135 km",
        "Figure 1: A test map of the region",
        "code block line",
        "Notes",
        "1. The note text, numbered.",
    ):
        assert expected in text, expected
    assert "Only for business readers." not in text


def test_audience_override_shows_business_block(outputs: Path) -> None:
    assert "Only for business readers." in flat(" ".join(pdf_pages(outputs / "biz" / "full.pdf")))


def test_pdf_links(outputs: Path) -> None:
    from pypdf import PdfReader

    annots = [a.get_object() for p in PdfReader(str(outputs / "full.pdf")).pages for a in p.get("/Annots") or []]
    uris = [str(a["/A"]["/URI"]) for a in annots if "/A" in a and "/URI" in a["/A"]]
    assert "https://example.org/report" in uris
    assert any(a.get("/Dest") or (a.get("/A") or {}).get("/S") == "/GoTo" for a in annots)


def test_docx_has_every_feature(outputs: Path) -> None:
    text = docx_text(outputs / "full.docx")
    for expected in (
        "emphasis",
        "x<y and y>z, <b>not bold</b> & more",
        "Nested bullet",
        "A quotation from a named person.",
        "Why it matters",
        "1,135 km",
        "code block line",
        "The note text, numbered.",
    ):
        assert expected in text, expected
    assert "Only for business readers." not in text
    xml = docx_xml(outputs / "full.docx")
    assert re.search(r'<wp:docPr [^>]*descr="A test map of the region"', xml)
    assert "SEQ Figure" in xml and "Figure" in text
    anchor = re.search(r'w:anchor="([^"]*02-other[^"]*)"', xml)
    assert anchor and f'w:name="{anchor.group(1)}"' in xml  # the internal link lands on a bookmark
    rels = docx_xml(outputs / "full.docx", "word/_rels/document.xml.rels")
    assert 'Target="https://example.org/report"' in rels and 'TargetMode="External"' in rels


def test_code_and_symbols_use_embedded_fonts_only(outputs: Path) -> None:
    from pypdf import PdfReader
    from test_pdf_output import _fonts

    fonts = _fonts(PdfReader(str(outputs / "full.pdf")))
    assert any("DejaVuSansMono" in name for name in fonts), fonts  # the code block
    assert all(fonts.values()), fonts
