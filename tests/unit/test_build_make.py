"""build.make: render in the formats asked for (the PDF laid out for any DOCX), write atomically, and verify."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from unitkit import loaded, project_dir, section

from briefgen.build.assemble import Assembler
from briefgen.build.make import DEFAULT_FORMATS, FORMATS, make, render, verify
from briefgen.build.run import Request
from briefgen.writers import WRITERS

FILES = {
    "sections/01-intro.md": section("Introduction"),
    "sections/countries/aland.md": section("Aland", kind="country", locator=False),
}
CUTS = {"briefs": {"title": "Briefs", "layout": "annex", "include": ["countries"]}}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = project_dir(
        tmp_path_factory.mktemp("make"),
        FILES,
        outline=["sections/01-intro.md", "sections/countries/*.md"],
        cuts=CUTS,
    )
    return loaded(root)


@pytest.fixture(scope="module")
def annex(project: Any) -> Any:
    return Assembler(project).assemble("briefs")


def _docx(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buffer.getvalue()


def test_formats_are_the_writers() -> None:
    assert tuple(WRITERS) == FORMATS
    assert set(FORMATS) == {"pdf", "docx", "html"}
    assert DEFAULT_FORMATS == ("pdf", "docx")


def test_verify_accepts_whole_files_and_names_broken_ones() -> None:
    assert verify(Path("a.pdf"), b"%PDF-1.4\n...\n%%EOF\n") is None
    assert verify(Path("a.pdf"), b"%PDF-1.4\n... cut short") == "not a complete PDF"
    assert verify(Path("a.pdf"), b"") == "not a complete PDF"  # an empty PDF is named as a PDF
    assert verify(Path("a.docx"), _docx({"word/document.xml": "<w:document/>"})) is None
    assert verify(Path("a.docx"), _docx({"word/other.xml": "<x/>"})) == "not a complete DOCX"
    assert verify(Path("a.html"), b"<!DOCTYPE html>\n<html>...</html>\n") is None
    assert verify(Path("a.html"), b"<!DOCTYPE html>\n<html>... cut short") == "not a complete HTML file"
    whole = _docx({"word/document.xml": "<w:document/>" * 50})
    assert verify(Path("a.docx"), whole[: len(whole) // 2]) == "not a complete DOCX"


def test_an_annex_asked_only_as_docx_lays_out_its_pdf_in_memory(
    project: Any, annex: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    laid_out: list[object] = []
    write_pdf = WRITERS["pdf"].load()

    def counted(doc: Any, theme: Any, **kwargs: Any) -> Any:
        laid_out.append(doc)
        return write_pdf(doc, theme, **kwargs)

    import briefgen.writers.pdf

    monkeypatch.setattr(briefgen.writers.pdf, "write_pdf", counted)
    rendered = render(annex, project.theme, ("docx",))
    assert laid_out == [annex.document], "the DOCX follows the PDF's page decisions"
    assert set(rendered.data) == {"docx"} and rendered.pages == {} and set(rendered.seconds) == {"docx"}
    assert verify(Path("x.docx"), rendered.data["docx"]) is None
    assert rendered.data["docx"] == render(annex, project.theme, ("pdf", "docx")).data["docx"]


def test_a_made_docx_alone_is_in_place_with_its_record(project: Any, annex: Any, tmp_path: Path) -> None:
    req = Request("briefs")
    made = make(annex, project.theme, ("docx",), tmp_path, req)
    target = tmp_path / f"{annex.selection.name}.docx"
    assert made.name == annex.selection.name
    assert made.request == req
    assert made.files == {"docx": target}
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name], "nothing staged is left"
    data = target.read_bytes()
    assert made.digests == {"docx": (len(data), hashlib.sha256(data).hexdigest())}
    assert made.omissions == annex.omissions


def test_made_and_committed_files_are_in_place(project: Any, annex: Any, tmp_path: Path) -> None:
    made = make(annex, project.theme, ("pdf", "docx"), tmp_path, Request("briefs"))
    assert set(made.files) == {"pdf", "docx"}
    for ext, path in made.files.items():
        data = path.read_bytes()
        assert made.digests[ext] == (len(data), hashlib.sha256(data).hexdigest())
        assert verify(path, data) is None
    assert made.pages["pdf"] >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in made.files.values())
