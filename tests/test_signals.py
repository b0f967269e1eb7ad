"""Real signals sent to a real batch (`build --all --jobs 2` on the sample, one client): Ctrl+C,
`timeout`/`docker stop` (SIGTERM), a closed terminal (SIGHUP) and SIGKILL of the parent.

Each batch (build B) runs over the outputs of a finished one (build A) with another
SOURCE_DATE_EPOCH, so every file says which build made it. After the signal: no
briefgen process is left, no temporary file, each deliverable's PDF and DOCX come from
the same build, and the manifest matches the disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux: /proc, process groups, fork")
EPOCH_A, EPOCH_B = 1600000000, 1700000000


def _env(epoch: int) -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "SOURCE_DATE_EPOCH": str(epoch), "PYTHONPATH": str(ROOT)}


def _batch(project: Path, out: Path, epoch: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefgen",
            "build",
            "--all",
            "--jobs",
            "2",
            "--project",
            str(project),
            "--output",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(epoch),
        start_new_session=True,  # its own process group, as a terminal or `timeout` has it
        # A test runner started in the background may pass these on as ignored.
        preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGHUP)],
    )


def _first_wrote(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("wrote "):
            return
    pytest.fail(f"the batch wrote nothing: {proc.communicate(timeout=60)[1]}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with one client: 7 deliverables."""
    root = tmp_path_factory.mktemp("signals") / "project"
    for name in ("briefing.yaml", "sections", "templates", "data", "clients/meridian.yaml", "clients/logos"):
        src, dst = ROOT / name, root / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        elif src.exists():
            shutil.copyfile(src, dst)
    return root


@pytest.fixture(scope="module")
def build_a(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build-a") / "out"
    proc = _batch(project, out, EPOCH_A)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def _group(pgid: int) -> list[int]:
    """Live processes of a process group (zombies are dead: their parent has yet to reap them)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _no_process_left(pgid: int) -> None:
    deadline = time.monotonic() + 20
    while _group(pgid):
        assert time.monotonic() < deadline, f"briefgen processes still running: {_group(pgid)}"
        time.sleep(0.05)


def _which_build(out: Path, name: str) -> str:
    """ "A" or "B": the build whose timestamp the file carries."""
    data = (out / name).read_bytes()
    if name.endswith(".pdf"):
        found = re.search(rb"/CreationDate \(D:(\d{14})", data)
        stamp = found.group(1).decode() if found else ""
        fmt = "%Y%m%d%H%M%S"
    else:
        with zipfile.ZipFile(out / name) as z:
            core = z.read("docProps/core.xml").decode()
        stamp = re.search(r"<dcterms:created[^>]*>([^<]+)<", core).group(1)  # type: ignore[union-attr]
        fmt = "%Y-%m-%dT%H:%M:%SZ"
    for build, epoch in (("A", EPOCH_A), ("B", EPOCH_B)):
        if stamp == datetime.fromtimestamp(epoch, UTC).strftime(fmt):
            return build
    raise AssertionError(f"{name} comes from neither build: {stamp}")


def _check_folder(out: Path, deliverables: set[str], *, complete: bool = True) -> set[str]:
    """Whole pairs, each from one build, and a manifest true to the disk; the builds seen."""
    names = set(os.listdir(out))
    assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")], sorted(names)
    stems = {n.rsplit(".", 1)[0] for n in names if n.endswith((".pdf", ".docx"))}
    assert stems == deliverables
    builds = set()
    for stem in stems:
        pair = {_which_build(out, f"{stem}.pdf"), _which_build(out, f"{stem}.docx")}
        assert len(pair) == 1, f"{stem}: its PDF and DOCX come from two builds"
        builds |= pair
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (out / entry["file"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), entry["file"]
    if complete:
        assert manifest["complete"] is True
        assert {e["file"] for e in manifest["files"]} == {n for n in names if n.endswith((".pdf", ".docx"))}
    return builds


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGHUP, True)],
    ids=["SIGINT-group", "SIGTERM-parent", "SIGHUP-group"],
)
def test_a_signal_stops_the_batch_cleanly(
    project: Path, build_a: Path, tmp_path: Path, signum: int, whole_group: bool
) -> None:
    out = tmp_path / "out"
    shutil.copytree(build_a, out)
    deliverables = {n.rsplit(".", 1)[0] for n in os.listdir(out) if n.endswith(".pdf")}
    proc = _batch(project, out, EPOCH_B)
    _first_wrote(proc)
    # The terminal (Ctrl+C, hang-up) signals the whole group; `docker stop` the main process only.
    (os.killpg if whole_group else os.kill)(proc.pid, signum)
    _rest, err = proc.communicate(timeout=60)
    _no_process_left(proc.pid)
    assert "B" in _check_folder(out, deliverables)
    assert proc.returncode == 128 + signum, err
    assert f"interrupted by {signal.Signals(signum).name}" in err


def test_sigkill_of_the_parent_takes_the_workers_too_and_the_next_build_cleans_up(
    project: Path, build_a: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(build_a, out)
    deliverables = {n.rsplit(".", 1)[0] for n in os.listdir(out) if n.endswith(".pdf")}
    proc = _batch(project, out, EPOCH_B)
    _first_wrote(proc)
    proc.kill()
    proc.communicate(timeout=60)
    _no_process_left(proc.pid)  # the workers died with their parent
    # Whatever the kill left, the manifest never vouches for a file it does not match.
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], entry["file"]
    assert manifest["complete"] is False
    # The next build into the folder removes what the killed one left.
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "summary", "--jobs", "1", "-p", str(project), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(EPOCH_B),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "B" in _check_folder(out, deliverables, complete=False)


def test_the_docx_helper_of_a_single_build_dies_with_its_parent(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "full", "--jobs", "2", "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=_env(EPOCH_A),
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(_group(proc.pid)) < 2:  # wait for the forked DOCX writer
        assert proc.poll() is None and time.monotonic() < deadline, "no DOCX helper was forked"
        time.sleep(0.005)
    helper = next(pid for pid in _group(proc.pid) if pid != proc.pid)
    # Held still, it can neither finish its work nor notice its pipe: only a signal ends it.
    os.kill(helper, signal.SIGSTOP)
    try:
        proc.kill()
        proc.wait(timeout=60)
        _no_process_left(proc.pid)
    finally:
        for pid in _group(proc.pid):
            os.kill(pid, signal.SIGKILL)
