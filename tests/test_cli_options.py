"""Command-line conveniences: short options, a case-insensitive --format, --jobs of at
least 1, each command's own usage for its mistakes, and -q/-v on every command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_short_options_and_a_case_insensitive_format(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    out = tmp_path / "elsewhere"
    code, stdout, err = run(capsys, "build", "-p", str(root), "-o", str(out), "--format", "PDF", "--jobs", "1")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir() if p.suffix) == ["full.pdf", "manifest.json"]
    assert "wrote " in stdout and not (root / "output").exists()


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_jobs_below_one_is_a_usage_error_with_builds_usage(capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    code, _, err = run(capsys, "build", "--jobs", jobs)
    assert code == 2
    assert err.startswith("usage: briefgen build")
    assert "argument --jobs:" in err and ("must be 1 or more" in err or "not a whole number" in err)


def test_an_unknown_option_shows_the_commands_own_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "build", "--nonsense")
    assert code == 2
    assert err.startswith("usage: briefgen build") and "unrecognized arguments: --nonsense" in err
    code, _, err = run(capsys, "check", "-x")
    assert code == 2 and err.startswith("usage: briefgen check")


@pytest.mark.parametrize("command", ["build", "check", "list", "init"])
def test_every_command_takes_quiet_and_verbose(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    usage = capsys.readouterr().out
    assert "-q, --quiet" in usage and "-v, --verbose" in usage


def test_quiet_prints_only_problems_and_verbose_prints_sizes(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    base = ["-p", str(root), "--format", "pdf", "--jobs", "1"]
    code, stdout, _ = run(capsys, "build", *base, "-q")
    assert code == 0 and stdout == ""
    code, stdout, _ = run(capsys, "build", *base, "-v")
    assert code == 0
    size = (root / "output" / "full.pdf").stat().st_size
    assert f"{size:,} bytes" in stdout
    assert "loaded 2 section(s)" in stdout
    code, stdout, _ = run(capsys, "check", "-p", str(root), "-q")
    assert code == 0 and stdout == ""
    code, stdout, _ = run(capsys, "check", "-p", str(root), "-v")
    assert "full × government × (no client): no problem(s)" in stdout
    code, stdout, _ = run(capsys, "list", "-p", str(root), "-v")
    assert "(sections/01-intro.md)" in stdout


def test_quiet_still_prints_errors(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    root = make_project(tmp_path, {"sections/01-intro.md": "---\ntitle: Intro\nboarder: 1\n---\n\nText.\n"})
    code, stdout, err = run(capsys, "build", "-p", str(root), "-q")
    assert code == 1 and stdout == ""
    assert "sections/01-intro.md:3: error: unknown key 'boarder'" in err
