"""cli.report: what the command line prints: each diagnostic once, paths relative to the
current folder, written files with pages, sizes and times by level, and `--explain`."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from briefgen.batch.units import Made, Request
from briefgen.cli import report
from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.model.omissions import Omission


def test_each_diagnostic_is_printed_once_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    d = Diagnostic(Pos("a.md", 3), "bad thing", "fix it")
    report.print_diagnostics([d, Diagnostic(Pos("a.md", 4), "other"), d])
    out = capsys.readouterr()
    assert out.out == "" and out.err.splitlines() == [str(d), str(Diagnostic(Pos("a.md", 4), "other"))]


def test_shown_is_relative_to_the_current_folder_when_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert report.shown(tmp_path / "out" / "a.pdf") == str(Path("out") / "a.pdf")
    assert report.shown(Path("/elsewhere/a.pdf")) == "/elsewhere/a.pdf"


def test_explain_lists_what_is_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    report.explain("exec-government", (Omission("sections/03.md", "not for audience 'government'"),))
    report.explain("full", ())
    assert capsys.readouterr().out.splitlines() == [
        "exec-government: omits, compared with the full report:",
        "  - sections/03.md: not for audience 'government'",
        "full: omits nothing",
    ]


def made(tmp_path: Path) -> Made:
    return Made(
        name="full-government",
        request=Request("full"),
        audience="government",
        files={"pdf": tmp_path / "full.pdf", "docx": tmp_path / "full.docx"},
        pages={"pdf": 1},
        seconds={"pdf": 0.25, "docx": 0.5},
        notes=("the summary was shortened",),
        warnings=(Diagnostic(Pos("b.md", 2), "a warning"),),
        digests={"pdf": (12345, "ab")},
    )


def args(level: int, explain: bool = False) -> argparse.Namespace:
    return argparse.Namespace(level=level, explain=explain)


def test_a_made_deliverable_is_reported_by_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    report.on_done(args(0), None)(made(tmp_path), Request("full"))
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "wrote full.pdf (1 page, 0.25 s)",
        "wrote full.docx (0.50 s)",
        "  the summary was shortened",
    ]
    assert "a warning" in out.err
    report.on_done(args(1), None)(made(tmp_path), Request("full"))
    assert "wrote full.pdf (1 page, 12,345 bytes, 0.25 s)" in capsys.readouterr().out
    report.on_done(args(-1), None)(made(tmp_path), Request("full"))
    out = capsys.readouterr()
    assert out.out == "" and "a warning" in out.err  # quiet: warnings and errors only


def test_a_failed_deliverable_prints_its_errors_and_explain_its_omissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report.on_done(args(0), None)(BriefgenError([Diagnostic(Pos("c.md", 1), "broken")]), Request("x"))
    assert capsys.readouterr().err.strip() == str(Diagnostic(Pos("c.md", 1), "broken"))
    report.on_done(args(0, explain=True), None)(made(tmp_path), Request("full"))
    assert "full-government: omits nothing" in capsys.readouterr().out


def test_the_summary_table_has_a_row_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report.table([made(tmp_path)])
    out = capsys.readouterr().out
    assert "full.pdf" in out and "full.docx" in out and "government" in out
