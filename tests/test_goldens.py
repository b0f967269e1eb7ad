"""Golden files: the document model of a small project, and the key parts of its DOCX.

`tests/roots/golden/` uses every kind of block once. Its model (`tests/modeldump.py`)
and its DOCX's `word/document.xml`, `word/styles.xml` and `word/footnotes.xml`,
pretty-printed, must equal the files under `tests/goldens/`; `--update-goldens` rewrites
them (see the README there). The DOCX is written without the PDF (no contents page numbers), so the PDF's
layout never shows in these files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from modeldump import dump

ROOT = Path(__file__).resolve().parent / "roots" / "golden"
DELIVERABLES = {"full": ("full", None), "annex-partner": ("annex", "partner")}


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    """The project and its assembled deliverables, by output name."""
    from briefgen.build.assemble import Assembler
    from briefgen.build.run import load

    project = load(ROOT)
    assembler = Assembler(project)
    docs = {name: assembler.assemble(cut, None, client).document for name, (cut, client) in DELIVERABLES.items()}
    return {"project": project, **docs}


def pretty(xml: bytes) -> str:
    from lxml import etree

    tree = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    return etree.tostring(tree, pretty_print=True, encoding="unicode")


def docx_parts(doc: Any, theme: Any, monkeypatch: pytest.MonkeyPatch) -> zipfile.ZipFile:
    from briefgen.writers.docx import write_docx

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the briefing's date is the stamp
    out = io.BytesIO()
    write_docx(doc, theme, out)
    return zipfile.ZipFile(out)


@pytest.mark.parametrize("name", sorted(DELIVERABLES))
def test_the_document_model(name: str, built: dict[str, Any], golden: Callable[[str, str], None]) -> None:
    golden(f"model/{name}.txt", dump(built[name], ROOT))


def test_the_docx_body_and_styles_of_the_report(
    built: dict[str, Any], golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    with docx_parts(built["full"], built["project"].theme, monkeypatch) as z:
        golden("docx/full.document.xml", pretty(z.read("word/document.xml")))
        golden("docx/full.styles.xml", pretty(z.read("word/styles.xml")))
        golden("docx/full.footnotes.xml", pretty(z.read("word/footnotes.xml")))


def test_the_docx_body_of_a_client_annex(
    built: dict[str, Any], golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    with docx_parts(built["annex-partner"], built["project"].theme, monkeypatch) as z:
        golden("docx/annex-partner.document.xml", pretty(z.read("word/document.xml")))


def test_the_model_dump_shows_every_change(built: dict[str, Any]) -> None:
    """The dump is no summary: a changed word, position or field changes it."""
    from dataclasses import replace

    from briefgen.errors import Pos

    doc = built["full"]
    first = doc.sections[0]
    para = first.blocks[0]
    moved = replace(para, pos=Pos(para.pos.file, para.pos.line + 1))
    restyled = replace(para, style="small")
    for changed in (moved, restyled):
        other = replace(doc, sections=(replace(first, blocks=(changed, *first.blocks[1:])), *doc.sections[1:]))
        assert dump(other, ROOT) != dump(doc, ROOT)
