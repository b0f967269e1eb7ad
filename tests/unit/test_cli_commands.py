"""cli.commands: the commands as `Namespace` → exit code: `check` over every cut ×
audience × client, `list`, `schema`, a bad `--format` refused before loading anything,
and the built-in cuts `--all` leaves out, with the reason."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from unitkit import BRAND, loaded, project_dir, section

from briefgen.cli.commands import COMMANDS, batch_cuts


def ns(**kw: Any) -> argparse.Namespace:
    base = {"level": 0, "strict": False, "debug": False, "project": Path(".")}
    return argparse.Namespace(**{**base, **kw})


def test_check_counts_every_combination_and_passes_a_clean_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_dir(tmp_path)
    project = loaded(root)
    assert COMMANDS["check"](ns(project=root)) == 0
    out = capsys.readouterr().out
    combos = len(batch_cuts(project, -1)) * len(project.audiences) * (1 + len(project.clients))
    assert f"checked {combos} cut × audience × client combination(s): 0 error(s), 0 warning(s)" in out


def test_check_reports_an_error_with_its_line_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = section("Intro", "See [x](javascript:alert(1)).\n")
    root = project_dir(tmp_path, {"sections/01-intro.md": bad})
    assert COMMANDS["check"](ns(project=root)) == 1
    err = capsys.readouterr().err
    assert "sections/01-intro.md:" in err and "link target 'javascript:alert(1)' is not allowed" in err


def test_strict_check_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brand = (BRAND / "brand.yaml").read_text(encoding="utf-8").replace('text: "#1B1F23"', 'text: "#BBBBBB"')
    root = project_dir(tmp_path, {"sections/01-intro.md": section("Intro"), "brand/brand.yaml": brand})
    assert COMMANDS["check"](ns(project=root)) == 0  # pale text is a warning: the project still builds
    assert "0 error(s), 0 warning(s)" not in capsys.readouterr().out
    assert COMMANDS["check"](ns(project=root, strict=True)) == 1


def test_list_shows_sections_cuts_and_no_clients(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_dir(
        tmp_path, {"sections/01-intro.md": section("Introduction"), "sections/02-more.md": section("More")}
    )
    assert COMMANDS["list"](ns(project=root)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Unit briefing\n") and "Audiences: government, industry (default: government)" in out
    assert "Introduction" in out and "More" in out and "full" in out and "(none: add clients/<id>.yaml)" in out


def test_a_bad_format_is_refused_before_the_project_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert COMMANDS["build"](ns(format="pdf,html5", project=tmp_path / "nowhere")) == 2
    assert "unknown format 'html5'" in capsys.readouterr().err


def test_schema_prints_json_or_a_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert COMMANDS["schema"](ns(kind="brand", markdown=False)) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "colors" in schema["properties"]
    assert COMMANDS["schema"](ns(kind="brand", markdown=True)) == 0
    assert "| `colors`" in capsys.readouterr().out


def test_batch_cuts_leave_out_idle_built_ins_and_say_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = loaded(project_dir(tmp_path))
    cuts = batch_cuts(project, 0)
    notes = capsys.readouterr().out.splitlines()
    assert "full" in cuts
    assert len(cuts) + len(notes) == len(project.cuts)
    assert all(n.startswith("note: left out the built-in cut") for n in notes)
    batch_cuts(project, -1)
    assert capsys.readouterr().out == ""  # quiet
