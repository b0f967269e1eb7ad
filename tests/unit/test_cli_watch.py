"""cli/watch.py: the formats `--format` names, and one rebuild in-process: what it prints
when it builds, when a section is broken, and when the command line names no such cut."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from unitkit import project_dir, write

from briefgen.cli.watch import _Rebuild, formats_of


def test_formats_are_checked_and_default_to_the_projects(capsys: pytest.CaptureFixture[str]) -> None:
    assert formats_of(None, "watch") == ()
    assert formats_of("pdf, docx", "watch") == ("pdf", "docx")
    assert formats_of("pdf,odt", "watch") is None
    assert "briefgen watch: error: unknown format 'odt' (use pdf, docx, html" in capsys.readouterr().err


def args(**changes: object) -> argparse.Namespace:
    settings = {"audience": None, "client": None, "cuts": [], "strict": False, "debug": False}
    return argparse.Namespace(**{**settings, "jobs": 1, "level": 0, "explain": False, **changes})


def test_a_rebuild_reports_what_it_wrote_and_errors_then_recovers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_dir(tmp_path)
    rebuild = _Rebuild(args(), root, root / "output", ("pdf",))
    assert rebuild() is True
    out = capsys.readouterr().out
    assert "output/full.pdf (" in out and "built 1 of 1 deliverable(s) in " in out
    good = (root / "output" / "full.pdf").read_bytes()
    write(root, {"sections/01-intro.md": "---\ntitle: [Introduction\n---\n\nText.\n"})
    assert rebuild() is False
    seen = capsys.readouterr()
    assert "sections/01-intro.md:3: error: malformed YAML" in seen.err
    assert "built 0 of 1 deliverable(s)" in seen.out and "fix the errors above and save to build again" in seen.out
    assert (root / "output" / "full.pdf").read_bytes() == good  # the last good file stays


def test_a_cut_the_project_lacks_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_dir(tmp_path)
    assert _Rebuild(args(cuts=["fulll"]), root, root / "output", ("pdf",))() is None
    assert "unknown cut 'fulll'" in capsys.readouterr().err
