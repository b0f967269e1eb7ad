"""Reproducible builds: the same sources give byte-identical PDF (and DOCX) files.

Same project into two folders, two copies of the project at different paths, another
Python process with another hash seed, and with SOURCE_DATE_EPOCH, which must also set
the document's creation date.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli.main import main

REPO = Path(__file__).resolve().parents[1]
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC

SECTIONS = {
    "sections/01-intro.md": (
        "---\ntitle: Introduction\ntags: [test]\n---\n\n"
        "A paragraph with *emphasis*, **strength**, `code` and a [link](https://example.org).\n\n"
        "![The brand logo](../templates/logo.png)\n\n"
        "| Figure | Value |\n|---|---:|\n| One | 1 |\n| Two | 2 |\n\n"
        '::: {.callout title="A box"}\nInside the box.\n:::\n\n'
        "- a list item\n- another item\n\n> A quotation.\n"
    ),
    "sections/02-detail.md": "---\ntitle: Detail\naudiences: [business]\n---\n\n## A sub-heading\n\nMore text, built for {{ audience }}.\n",
}


FORMATS = ("pdf", "docx")


def build(root: Path, output: Path, *extra: str) -> dict[str, bytes]:
    code = main(["build", "--project", str(root), "--output", str(output), "--format", ",".join(FORMATS), *extra])
    assert code == 0
    files = {p.name: p.read_bytes() for p in output.iterdir() if p.suffix[1:] in FORMATS}
    assert set(files) == {f"full.{fmt}" for fmt in FORMATS}
    return files


@pytest.fixture
def project(tmp_path: Path, make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return make_project(tmp_path, SECTIONS)


def creation_date(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    return str(info.get("/CreationDate"))


def test_same_project_twice_is_byte_identical(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = build(project, tmp_path / "one")
    second = build(project, tmp_path / "two")
    assert first == second
    assert creation_date(first["full.pdf"]).startswith("D:20210930")


def test_other_cuts_and_audiences_are_reproducible_too(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("full", "--audience", "business")
    assert build(project, tmp_path / "one", *args) == build(project, tmp_path / "two", *args)


def test_copies_at_different_paths_are_byte_identical(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "somewhere" / "else" / "copy"
    shutil.copytree(project, elsewhere)
    assert build(project, tmp_path / "one") == build(elsewhere, tmp_path / "two")


def test_source_date_epoch(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = build(project, tmp_path / "plain")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = build(project, tmp_path / "one")
    second = build(project, tmp_path / "two")
    assert first == second
    assert creation_date(first["full.pdf"]).startswith("D:20231114221320")
    assert first["full.pdf"] != plain["full.pdf"]


def test_another_process_builds_the_same_bytes(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = build(project, tmp_path / "here")
    out = tmp_path / "there"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati"}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefgen",
            "build",
            "--project",
            str(project),
            "--output",
            str(out),
            "--format",
            ",".join(FORMATS),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    there = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix[1:] in FORMATS}
    assert here == there
