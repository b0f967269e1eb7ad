"""`briefgen init` writes a project that `briefgen build --all` builds at once, with the
default fonts (its brand names none), and never writes into a folder that holds files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from support import VALIDATOR, docx_text, flat, pdf_pages, run_cli, validate_docx

from briefgen.cli.main import main


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "my-briefing"
    made = run_cli("init", str(root))
    assert made.returncode == 0, made.stderr
    assert "created a briefing project" in made.stdout
    built = run_cli("build", "--all", "--project", str(root))
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr  # the starter brand passes its own contrast checks
    return root


def test_init_writes_a_commented_project_with_logos_and_schemas(started: Path) -> None:
    briefing = (started / "briefing.yaml").read_text(encoding="utf-8")
    assert briefing.startswith("# yaml-language-server: $schema=schemas/briefing.json")
    brand = (started / "templates" / "brand.yaml").read_text(encoding="utf-8")
    assert "\nfonts:" not in brand and "# fonts:" in brand  # the default fonts, shown commented
    from PIL import Image

    for name in ("logo.png", "logo-on-dark.png"):
        with Image.open(started / "templates" / name) as image:
            assert image.mode == "RGBA" and image.width > image.height
    for kind in ("briefing", "brand", "section", "client"):
        schema = json.loads((started / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
        assert schema["$schema"].endswith("2020-12/schema")
    profiles = sorted(p.stem for p in (started / "sections" / "countries").glob("*.md"))
    assert profiles == ["armenia", "georgia"]


def test_the_started_project_builds_every_deliverable(started: Path) -> None:
    out = started / "output"
    names = {p.name for p in out.iterdir()}
    for cut in ("full", "annex", "summary", "annex-example", "summary-example"):
        assert {f"{cut}.pdf", f"{cut}.docx"} <= names
    full = flat(" ".join(pdf_pages(out / "full.pdf")))
    for text in ("Your subject – A first briefing", "Executive summary", "Cost of each option", "Georgia", "Armenia"):
        assert text in full
    assert "Option B" in full and "Figure 1" in full  # the table and the chart
    assert "Tier 2: involved at one remove" in full  # the starter's profiles: wording
    assert len(pdf_pages(out / "summary.pdf")) == 1
    assert "Prepared for Example Partner" in flat(" ".join(pdf_pages(out / "annex-example.pdf")))
    assert "Cost of each option" in docx_text(out / "full.docx")


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/tools/docx-validate is not beside this checkout")
def test_the_started_project_docx_files_are_valid(started: Path) -> None:
    for docx in ("full.docx", "annex-example.docx", "summary-example.docx"):
        result = validate_docx(started / "output" / docx)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_default_fonts_are_embedded_in_both_formats(started: Path) -> None:
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(str(started / "output" / "full.pdf")).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NotoSans" in f for f in fonts), fonts
    with zipfile.ZipFile(started / "output" / "full.docx") as z:
        assert any(n.startswith("word/fonts/") for n in z.namelist())
        assert 'w:name="Noto Sans"' in z.read("word/fontTable.xml").decode()


def test_init_refuses_a_folder_that_holds_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "error: cannot create a project here: the folder is not empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing added, nothing left over
    assert main(["init", str(tmp_path / "notes.txt")]) == 2
    assert "the folder is a file" in capsys.readouterr().err


def test_init_fills_an_empty_folder_and_is_quiet_or_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "a"), "-q"]) == 0
    assert capsys.readouterr().out == ""
    (tmp_path / "b").mkdir()
    assert main(["init", str(tmp_path / "b"), "-v"]) == 0
    out = capsys.readouterr().out
    assert "wrote " in out and "logo-on-dark.png" in out and "briefing.yaml" in out
    assert (tmp_path / "b" / "briefing.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left
