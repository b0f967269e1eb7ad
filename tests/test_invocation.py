"""What briefgen takes from its caller: standard output, the current folder, the paths
given, SOURCE_DATE_EPOCH. When one is unusable, one line `briefgen: error: …` and a
non-zero exit, never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT

from briefgen.cli.main import main


def _one_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefgen: error: "), err
    assert "internal error" not in err
    return lines[0]


def _cli(*args: str, cwd: Path = ROOT, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the current folder may be gone
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args],
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        **kw,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("option", ["--project", "--output"])
def test_a_loop_of_symbolic_links(
    option: str, tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    args = {"--project": str(root), "--output": str(tmp_path / "out"), option: str(tmp_path / "a")}
    assert main(["build", *(x for item in args.items() for x in item)]) == 2
    line = _one_error(capsys.readouterr().err)
    assert line == (
        f"briefgen: error: cannot use {option} {tmp_path / 'a'}: it is a loop of symbolic links "
        f"(point {option} at a real folder)"
    )


@pytest.mark.parametrize("value", ["junk", "1e9", "-5", "99999999999999999"])
def test_a_bad_source_date_epoch(
    value: str,
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert main(["build", "--project", str(root), "--format", "pdf"]) == 2
    line = _one_error(capsys.readouterr().err)
    assert f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (it is '{value}')" in line
    assert not (root / "output").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_device() -> None:
    with open("/dev/full", "w") as full:
        run = _cli("list", stdout=full)
    assert run.returncode == 1
    assert _one_error(run.stderr) == "briefgen: error: cannot write to standard output: No space left on device"


def _closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run briefgen with standard output a pipe nobody reads (`briefgen ... | head -0`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return _cli(*args, stdout=write)
    finally:
        os.close(write)


def test_a_closed_pipe_stops_no_work_and_hides_no_error(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    root = make_project(tmp_path, cuts={"one": {"include": ["01-intro"]}, "two": {"include": ["02-detail"]}})
    run = _closed_pipe("build", "one", "two", "--format", "html", "--project", str(root), "-v")
    # Both cuts are built (the first line printed used to end the build, without a word).
    assert sorted(p.name for p in (root / "output").glob("*.html")) == ["one.html", "two.html"]
    assert run.returncode == 1
    assert _one_error(run.stderr) == "briefgen: error: cannot write to standard output: Broken pipe"
    # A content error is still reported, and its exit code kept; the lost output is said last.
    (root / "sections" / "02-detail.md").write_text("---\ntitle: D\n---\n\nSee [it](#gone).\n", encoding="utf-8")
    run = _closed_pipe("check", "--project", str(root))
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1 and "internal error" not in run.stderr, run.stderr
    assert lines[0].startswith("sections/02-detail.md:5: error: link to '#gone'")
    assert lines[-1] == "briefgen: error: cannot write to standard output: Broken pipe"
    assert _closed_pipe("build", "nonesuch", "--project", str(root)).returncode == 2  # a usage error stays 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs POSIX file descriptors")
def test_standard_output_closed() -> None:
    run = _cli("list", preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    assert _one_error(run.stderr).startswith("briefgen: error: standard output is closed")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a folder that can vanish under a process")
def test_the_current_folder_was_removed(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    run = _cli("build", "--project", str(ROOT), cwd=gone, stdout=subprocess.PIPE, preexec_fn=gone.rmdir)
    assert run.returncode == 2
    assert _one_error(run.stderr).startswith("briefgen: error: the current folder no longer exists")
