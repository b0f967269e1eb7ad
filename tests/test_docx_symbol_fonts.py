"""The DOCX sets code in the brand's code font and the characters its text fonts lack in
the symbol fallback, as the PDF does, and embeds both like the brand fonts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from support import docx_xml, validate_docx

from briefgen.cli.main import main

pytest.importorskip("fontTools")
from fontTools.ttLib import TTFont
from test_docx_fonts import deobfuscate, embedded

BODY = """---
title: Symbols
---

Supply rises → prices fall; a ≠ b, and `x = y` in code.

```
def f(x):
    return x  # → in a code block
```
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("symbolfonts")
    project = write_project(tmp, {"sections/01-intro.md": BODY})
    assert main(["build", "-p", str(project), "-o", str(tmp / "out"), "-q"]) == 0
    return tmp / "out"


def test_symbols_are_set_in_the_fallback_font(outputs: Path) -> None:
    xml = docx_xml(outputs / "full.docx")
    math = '<w:rFonts w:ascii="Noto Sans Math" w:hAnsi="Noto Sans Math" w:eastAsia="Noto Sans Math" w:cs="Noto Sans Math"/>'
    assert re.search(re.escape(math) + r"</w:rPr><w:t>→</w:t>", xml)
    assert re.search(re.escape(math) + r"</w:rPr><w:t>≠</w:t>", xml)
    assert '<w:t xml:space="preserve"> prices fall; a </w:t>' in xml  # the text around keeps the body font


def test_code_is_set_in_the_brand_code_font(outputs: Path) -> None:
    styles = docx_xml(outputs / "full.docx", "word/styles.xml")
    for style in ("Code", "CodeBlock"):
        block = re.search(rf'<w:style [^>]*w:styleId="{style}".*?</w:style>', styles, re.S)
        assert block and 'w:ascii="DejaVu Sans Mono"' in block.group(0), style
    assert "Courier New" not in styles


def test_both_fonts_are_embedded_under_their_family_names(outputs: Path) -> None:
    faces = {family: (tag, key, data) for family, tag, key, data in embedded(outputs / "full.docx")}
    for family in ("Noto Sans Math", "DejaVu Sans Mono"):
        tag, key, data = faces[family]
        assert tag == "embedRegular"
        font = TTFont(io.BytesIO(deobfuscate(data, key)))
        assert font["name"].getDebugName(1) == family
        assert ord("→") in font.getBestCmap()
    assert validate_docx(outputs / "full.docx").returncode == 0


def test_a_document_without_symbols_or_code_embeds_neither(tmp_path: Path) -> None:
    from conftest import write_project

    project = write_project(tmp_path)
    assert main(["build", "-p", str(project), "-o", str(tmp_path / "out"), "-q", "--format", "docx"]) == 0
    families = {family for family, *_ in embedded(tmp_path / "out" / "full.docx")}
    assert families == {"Noto Serif", "Noto Sans"}
