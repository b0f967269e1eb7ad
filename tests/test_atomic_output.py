"""Atomic output: a failed build leaves the previous good files as they were, and no litter.

Covers a writer that crashes, a rename that fails half-way through a deliverable's files
(the PDF renamed, the DOCX not), and an output folder the user may not write to, which
must be refused before any work is done.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import briefgen.batch.atomic
from briefgen.batch.atomic import write_all
from briefgen.cli.main import main
from briefgen.errors import BriefgenError

REPO = Path(__file__).resolve().parents[1]


def docx_available() -> bool:
    try:
        from briefgen.writers.docx import write_docx  # noqa: F401
    except Exception:  # the DOCX writer may be unfinished, or fail to import
        return False
    return True


FORMATS = "pdf,docx" if docx_available() else "pdf"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


def failing_replace(monkeypatch: pytest.MonkeyPatch, fail_on: int) -> list[tuple[str, str]]:
    """Make the `fail_on`-th `os.replace` call raise EIO; every other call goes through."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append((str(src), str(dst)))
        if len(calls) == fail_on:
            raise OSError(errno.EIO, "Input/output error (simulated)")
        real(src, dst)

    monkeypatch.setattr(briefgen.batch.atomic.os, "replace", replace)
    return calls


@pytest.fixture
def built(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> tuple[Path, dict[str, bytes]]:
    """A project with a good previous build, then edited so that a rebuild would differ."""
    root = make_project(tmp_path)
    assert main(["build", "--project", str(root), "--format", FORMATS]) == 0
    before = snapshot(root / "output")
    assert {"full.pdf", "manifest.json"} <= set(before)
    (root / "sections" / "01-intro.md").write_text(
        "---\ntitle: Introduction\n---\n\nA changed paragraph.\n", encoding="utf-8"
    )
    capsys.readouterr()
    return root, before


# ------------------------------------------------------------------ write_all itself


def test_failed_rename_restores_files_already_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf, docx = tmp_path / "full.pdf", tmp_path / "full.docx"
    pdf.write_bytes(b"old pdf")
    docx.write_bytes(b"old docx")
    calls = failing_replace(monkeypatch, fail_on=2)  # the PDF is renamed, the DOCX is not
    with pytest.raises(BriefgenError) as exc:
        write_all({pdf: b"new pdf", docx: b"new docx"})
    assert str(tmp_path) in str(exc.value)
    assert "could not write output" in str(exc.value)
    assert calls[0][1] == str(pdf)
    assert pdf.read_bytes() == b"old pdf"
    assert docx.read_bytes() == b"old docx"
    assert litter(tmp_path) == []


def test_failed_rename_removes_new_files_that_had_no_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, docx = tmp_path / "full.pdf", tmp_path / "full.docx"
    failing_replace(monkeypatch, fail_on=2)
    with pytest.raises(BriefgenError):
        write_all({pdf: b"new pdf", docx: b"new docx"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_failed_verification_changes_nothing(tmp_path: Path) -> None:
    pdf, docx = tmp_path / "full.pdf", tmp_path / "full.docx"
    pdf.write_bytes(b"old pdf")
    docx.write_bytes(b"old docx")
    with pytest.raises(BriefgenError, match="failed its check"):
        write_all({pdf: b"new pdf", docx: b"new docx"}, lambda path, data: "broken" if data == b"new docx" else None)
    assert snapshot(tmp_path) == {"full.docx": b"old docx", "full.pdf": b"old pdf"}
    assert litter(tmp_path) == []


def test_write_all_replaces_every_file(tmp_path: Path) -> None:
    pdf, docx = tmp_path / "full.pdf", tmp_path / "full.docx"
    pdf.write_bytes(b"old pdf")
    write_all({pdf: b"new pdf", docx: b"new docx"})
    assert snapshot(tmp_path) == {"full.docx": b"new docx", "full.pdf": b"new pdf"}
    assert litter(tmp_path) == []
    umask = os.umask(0o022)
    os.umask(umask)
    assert (pdf.stat().st_mode & 0o777) == 0o666 & ~umask, "a new file follows the umask"


# ------------------------------------------------------------------ whole builds


def test_rename_failing_midway_keeps_previous_outputs(
    built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, before = built
    output = root / "output"
    # Fail the rename of the deliverable's last file: with PDF and DOCX, the PDF has already been renamed.
    failing_replace(monkeypatch, fail_on=len(FORMATS.split(",")))
    code = main(["build", "--project", str(root), "--format", FORMATS])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert f"{output}: error: could not write output" in err
    assert snapshot(output) == before
    assert litter(output) == []
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        assert entry["sha256"] == hashlib.sha256((output / entry["file"]).read_bytes()).hexdigest()


def test_pdf_writer_crash_keeps_previous_outputs(
    built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import briefgen.writers.pdf

    root, before = built

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("writer crashed half-way")

    monkeypatch.setattr(briefgen.writers.pdf, "write_pdf", boom)
    code = main(["build", "--project", str(root), "--format", FORMATS])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert "writer crashed half-way" in err
    assert snapshot(root / "output") == before
    assert litter(root / "output") == []


@pytest.mark.skipif(not docx_available(), reason="briefgen.writers.docx.write_docx cannot be imported yet")
def test_docx_writer_crash_keeps_previous_pdf(
    built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import briefgen.writers.docx

    root, before = built

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("docx writer crashed half-way")

    monkeypatch.setattr(briefgen.writers.docx, "write_docx", boom)
    code = main(["build", "--project", str(root), "--format", "pdf,docx"])
    capsys.readouterr()
    assert code == 1
    assert snapshot(root / "output") == before
    assert litter(root / "output") == []


def test_successful_rebuild_leaves_no_litter(
    built: tuple[Path, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, before = built
    assert main(["build", "--project", str(root), "--format", FORMATS]) == 0
    after = snapshot(root / "output")
    assert set(after) == set(before)
    assert after["full.pdf"] != before["full.pdf"]
    assert litter(root / "output") == []


# ------------------------------------------------------------------ read-only output folder


def _unprivileged() -> list[str] | None:
    """A command prefix that runs as root without the power to ignore file permissions."""
    if shutil.which("setpriv"):
        return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    return None


def test_read_only_output_folder_is_refused_before_any_work(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # A template error that assembly would report: it must not be reached.
    root = make_project(tmp_path, {"sections/01-intro.md": "---\ntitle: Intro\n---\n\nValue {{ 1 // 0 }}.\n"})
    output = tmp_path / "readonly"
    output.mkdir()
    (output / "full.pdf").write_bytes(b"%PDF-previous")
    output.chmod(0o555)
    try:
        argv = ["build", "--project", str(root), "--output", str(output), "--format", "pdf"]
        if os.geteuid() != 0:
            code, err = main(argv), capsys.readouterr().err
        else:
            prefix = _unprivileged()
            if prefix is None:
                pytest.skip("running as root and setpriv is not available to drop CAP_DAC_OVERRIDE")
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            proc = subprocess.run(
                [*prefix, sys.executable, "-m", "briefgen", *argv], capture_output=True, text=True, env=env, timeout=120
            )
            if "setpriv:" in proc.stderr:
                pytest.skip(f"setpriv cannot drop privileges here: {proc.stderr.strip()}")
            code, err = proc.returncode, proc.stderr
        assert code == 1, err
        assert "Traceback" not in err
        assert f"{output}: error: cannot write to the output folder" in err
        assert "--output" in err
        assert "ZeroDivisionError" not in err, "the folder must be checked before any work"
        assert snapshot(output) == {"full.pdf": b"%PDF-previous"}
    finally:
        output.chmod(0o755)
