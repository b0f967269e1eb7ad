"""DOCX lists carry their real level: `w:numPr` with `w:ilvl` for every depth, on one
numbering definition per kind, so Word, LibreOffice, pandoc and screen readers see the
nesting (no level collapses into another)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import docx_xml, validate_docx

from briefgen.cli.main import main

BODY = """---
title: Lists
---

- one
  - two
    - three
      - four
        - five
- back to one

1. first
   1. nested first
   2. nested second
      - bullet at three
2. second

Between the lists.

7. seventh
8. eighth
"""


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("lists")
    project = write_project(tmp, {"sections/01-intro.md": BODY})
    assert main(["build", "-p", str(project), "-o", str(tmp / "out"), "-q", "--format", "docx"]) == 0
    return tmp / "out" / "full.docx"


def _items(xml: str) -> list[tuple[str, int, int]]:
    """(text, ilvl, numId) of every numbered paragraph, in order."""
    found = []
    for p in re.findall(r"<w:p\b.*?</w:p>", xml, re.S):
        num = re.search(r'<w:numPr><w:ilvl w:val="(\d+)"/><w:numId w:val="(\d+)"/></w:numPr>', p)
        if num:
            text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
            found.append((text, int(num.group(1)), int(num.group(2))))
    return found


def test_every_list_paragraph_has_its_level(docx: Path) -> None:
    items = _items(docx_xml(docx))
    levels = {text: ilvl for text, ilvl, _ in items}
    assert [levels[w] for w in ("one", "two", "three", "four", "five", "back to one")] == [0, 1, 2, 3, 4, 0]
    assert [levels[w] for w in ("first", "nested first", "nested second", "bullet at three", "second")] == [
        0,
        1,
        1,
        2,
        0,
    ]
    nums = {text: num for text, _, num in items}
    assert nums["one"] == nums["five"] == nums["bullet at three"]  # bullets share one list
    assert len({nums["first"], nums["nested first"], nums["seventh"]}) == 3  # each ordered list restarts


def test_numbering_defines_the_levels_and_the_start(docx: Path) -> None:
    numbering = docx_xml(docx, "word/numbering.xml")
    items = {text: (ilvl, num) for text, ilvl, num in _items(docx_xml(docx))}
    _, seventh = items["seventh"]
    num = re.search(rf'<w:num w:numId="{seventh}"[^>]*>.*?</w:num>', numbering, re.S)
    assert num and '<w:startOverride w:val="7"/>' in num.group(0)
    abstract = re.search(r'<w:abstractNumId w:val="(\d+)"/>', num.group(0))
    assert abstract
    definition = re.search(
        rf'<w:abstractNum [^>]*w:abstractNumId="{abstract.group(1)}".*?</w:abstractNum>', numbering, re.S
    )
    assert definition
    assert re.findall(r'<w:lvl w:ilvl="(\d)"', definition.group(0)) == [str(i) for i in range(9)]
    assert '<w:lvlText w:val="%5."/>' in definition.group(0)
    assert validate_docx(docx).returncode == 0


def test_pandoc_reads_the_nesting(docx: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    try:
        text = pypandoc.convert_file(str(docx), "markdown")
    except OSError:
        pytest.skip("pandoc is not installed")
    lines = [line for line in text.splitlines() if line.strip().startswith(("-", "1.", "2.", "7.", "8."))]
    indents = {line.strip().split(maxsplit=1)[1]: len(line) - len(line.lstrip()) for line in lines}
    assert indents["one"] < indents["two"] < indents["three"] < indents["four"] < indents["five"]
    assert indents["back to one"] == indents["one"]
    assert indents["first"] < indents["nested first"] < indents["bullet at three"]
