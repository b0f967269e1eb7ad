"""The output folder across builds: its lock, the manifest after a stopped build, what
killed builds leave (temporary files, a commit cut in two), and file modes."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ROOT

import briefgen.batch.atomic
from briefgen.batch.atomic import write_all
from briefgen.build.run import Made, Request, build, load
from briefgen.errors import BriefgenError

CUTS = {name: {"title": name.title(), "layout": "report"} for name in ("one", "two", "three")}
REQUESTS = [Request(name) for name in CUTS]


@pytest.fixture
def project(tmp_path: Path, make_project: Callable[..., Path]) -> Path:
    return make_project(tmp_path, cuts=CUTS)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


def _cli(*args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        **kw,  # type: ignore[arg-type]
    )


def _true_to_disk(out: Path) -> dict[str, dict[str, object]]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (out / str(entry["file"])).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), entry["file"]
    return {str(e["file"]): e for e in manifest["files"]}


# ------------------------------------------------------------------ one build at a time


def test_two_builds_racing_for_one_folder(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("build", "--jobs", "1", "--project", str(project), "--output", str(out))
    first = _cli(*args, "one", "two", "three")
    assert first.stdout is not None
    assert first.stdout.readline().startswith("wrote ")
    os.kill(first.pid, signal.SIGSTOP)  # caught half-way, holding the folder
    try:
        refused = _cli(*args, "two")
        _out, err = refused.communicate(timeout=120)
        assert refused.returncode == 1
        assert err.strip() == (
            f"briefgen: error: another build is writing to {out} (pid {first.pid}) "
            "(wait for it to finish, or add --wait to wait for it)"
        )
        waiting = _cli(*args, "two", "--wait")
        assert waiting.stderr is not None
        assert waiting.stderr.readline().startswith(f"briefgen: waiting for the build of pid {first.pid} ")
    finally:
        os.kill(first.pid, signal.SIGCONT)
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    _out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert set(_true_to_disk(out)) == {f"{n}.{ext}" for n in CUTS for ext in ("pdf", "docx")}
    assert ".briefgen.lock" not in os.listdir(out), "the lock goes with the build"


# ------------------------------------------------------------------ the manifest of a stopped build


def test_a_stopped_batch_leaves_a_manifest_true_to_the_disk(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    build(load(project), REQUESTS, output=out, jobs=1)
    before = _true_to_disk(out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # every file of a rebuild differs

    def stop_after_first(result: Made | BriefgenError, _req: Request) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(load(project), REQUESTS, output=out, jobs=1, on_done=stop_after_first)
    after = _true_to_disk(out)
    assert set(after) == set(before), "every file on disk is listed"
    changed = {name for name in after if after[name]["sha256"] != before[name]["sha256"]}
    assert changed == {"one.pdf", "one.docx"}


def test_a_killed_build_leaves_no_entry_it_may_have_made_false(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    from briefgen.batch import outdir

    build(load(project), REQUESTS, output=out, jobs=1)
    manifest = outdir.Manifest(out)
    manifest.begin(["two.pdf", "two.docx"])  # what a build does before its first file; then it is killed
    assert set(_true_to_disk(out)) == {f"{n}.{ext}" for n in ("one", "three") for ext in ("pdf", "docx")}
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["complete"] is False


# ------------------------------------------------------------------ what killed builds leave


def test_a_build_removes_what_killed_builds_left_and_nothing_else(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    ours = [".one.pdf.k2x9_aq1.tmp", ".one.docx.0a1b2c3d.old.tmp", ".manifest.json.zzzz9999.tmp"]
    ours += [".briefgen-probe-abcd_123", ".briefgen.lock"]
    theirs = [".notes.txt", ".one.pdf.tmp", ".draft.odt.abcd1234.tmp", "one.pdf.abcd1234.tmp"]
    for name in ours + theirs:
        (out / name).write_bytes(b"x")
    build(load(project), [Request("one")], output=out, jobs=1)
    assert sorted(os.listdir(out)) == sorted([*theirs, "manifest.json", "one.docx", "one.pdf"])


def test_a_commit_killed_between_its_renames_is_undone_by_the_next_build(tmp_path: Path) -> None:
    pdf, docx, fresh = tmp_path / "x.pdf", tmp_path / "x.docx", tmp_path / "x-new.pdf"
    pdf.write_bytes(b"old pdf")
    docx.write_bytes(b"old docx")
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        real, calls = os.replace, []

        def replace(src: str, dst: str) -> None:
            calls.append(dst)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)  # killed with two of three files renamed
            real(src, dst)

        try:
            briefgen.batch.atomic.os.replace = replace  # type: ignore[assignment]
            write_all({pdf: b"new pdf", fresh: b"new file", docx: b"new docx"})
        finally:
            os._exit(1)  # never back into the test runner
    assert os.waitpid(pid, 0)[1] == signal.SIGKILL
    assert pdf.read_bytes() == b"new pdf" and docx.read_bytes() == b"old docx"  # cut in two
    from briefgen.batch.atomic import sweep

    sweep(tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["x.docx", "x.pdf"]
    assert (pdf.read_bytes(), docx.read_bytes()) == (b"old pdf", b"old docx")


# ------------------------------------------------------------------ file modes


def test_new_files_follow_the_umask(tmp_path: Path, umask: Callable[[int], None]) -> None:
    umask(0o077)
    write_all({tmp_path / "x.pdf": b"secret"})
    assert (tmp_path / "x.pdf").stat().st_mode & 0o777 == 0o600
    umask(0o002)
    write_all({tmp_path / "y.pdf": b"shared"})
    assert (tmp_path / "y.pdf").stat().st_mode & 0o777 == 0o664


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: Callable[[int], None]) -> None:
    umask(0o022)
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_all({target: b"new", tmp_path / "x.docx": b"new"})
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "x.docx").stat().st_mode & 0o777 == 0o644


def test_a_build_under_umask_077_writes_private_files(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _cli("build", "one", "--project", str(project), "--output", str(out), preexec_fn=lambda: os.umask(0o077))
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()}
    assert modes == {"one.pdf": 0o600, "one.docx": 0o600, "manifest.json": 0o600}
