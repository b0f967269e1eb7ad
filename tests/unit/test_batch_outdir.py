"""batch.outdir: one build per folder (the second is refused by name and pid), and a manifest that lists only what is on disk."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from briefgen.batch.outdir import LOCK, MANIFEST, Manifest, claimed
from briefgen.batch.units import Made, Request
from briefgen.errors import BriefgenError

pytest.importorskip("fcntl")


def made(folder: Path, name: str, data: dict[str, bytes], **extra: object) -> Made:
    files = {}
    for fmt, content in data.items():
        files[fmt] = folder / f"{name}.{fmt}"
        files[fmt].write_bytes(content)
    return Made(name=name, request=Request("full"), audience="government", files=files, **extra)  # type: ignore[arg-type]


def read(folder: Path) -> dict[str, object]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_lock_holds_the_pid_and_goes_when_released(tmp_path: Path) -> None:
    with claimed(tmp_path):
        assert (tmp_path / LOCK).read_text() == f"{os.getpid()}\n"
    assert not (tmp_path / LOCK).exists()


def test_a_second_build_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    with claimed(tmp_path), pytest.raises(BriefgenError) as info, claimed(tmp_path):
        pytest.fail("the second claim must not get in")
    assert [str(d) for d in info.value.diagnostics] == [
        f"briefgen: error: another build is writing to {tmp_path} (pid {os.getpid()})"
        " (wait for it to finish, or add --wait to wait for it)"
    ]
    with claimed(tmp_path):  # released: the next build gets in
        pass


def test_claiming_sweeps_stale_temporaries(tmp_path: Path) -> None:
    (tmp_path / ".r.pdf.abcd1234.tmp").write_bytes(b"")
    (tmp_path / "r.pdf").write_bytes(b"x")
    with claimed(tmp_path):
        assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK, "r.pdf"]


def test_finish_lists_each_file_with_its_true_hash(tmp_path: Path) -> None:
    out = made(tmp_path, "report", {"pdf": b"PDF!", "docx": b"DOCX"}, pages={"pdf": 7}, seconds={"pdf": 1.23456})
    manifest = Manifest(tmp_path)
    manifest.begin(["report.pdf", "report.docx"])
    assert not (tmp_path / MANIFEST).exists()  # nothing to drop yet
    manifest.finish([out])
    written = read(tmp_path)
    assert (written["generator"], written["complete"]) == ("briefgen", True)
    files = written["files"]
    assert [e["file"] for e in files] == ["report.docx", "report.pdf"]  # type: ignore[index,union-attr]
    pdf = files[1]  # type: ignore[index]
    assert pdf == {
        "file": "report.pdf",
        "cut": "full",
        "client": None,
        "audience": "government",
        "format": "pdf",
        "pages": 7,
        "bytes": 4,
        "sha256": hashlib.sha256(b"PDF!").hexdigest(),
        "seconds": 1.235,
        "omitted": [],
    }


def test_begin_drops_the_entries_about_to_be_replaced_and_says_incomplete(tmp_path: Path) -> None:
    first = Manifest(tmp_path)
    first.finish([made(tmp_path, "a", {"pdf": b"A"}), made(tmp_path, "b", {"pdf": b"B"})])
    second = Manifest(tmp_path)
    assert set(second.previous) == {"a.pdf", "b.pdf"}
    second.begin(["a.pdf"])
    during = read(tmp_path)
    assert during["complete"] is False
    assert [e["file"] for e in during["files"]] == ["b.pdf"]  # type: ignore[union-attr,index]


def test_a_replaced_file_not_committed_is_kept_only_if_its_hash_still_holds(tmp_path: Path) -> None:
    Manifest(tmp_path).finish([made(tmp_path, "a", {"pdf": b"AAAA"}), made(tmp_path, "b", {"pdf": b"BBBB"})])
    manifest = Manifest(tmp_path)
    manifest.begin(["a.pdf", "b.pdf"])
    (tmp_path / "b.pdf").write_bytes(b"XXXX")  # same size, other bytes: a stopped worker committed it
    manifest.finish([])
    after = read(tmp_path)
    assert [e["file"] for e in after["files"]] == ["a.pdf"]  # type: ignore[union-attr,index]
    assert after["complete"] is False  # b.pdf is on disk but not listed


def test_a_previous_entry_whose_file_is_gone_or_changed_size_is_dropped(tmp_path: Path) -> None:
    Manifest(tmp_path).finish([made(tmp_path, "a", {"pdf": b"A"}), made(tmp_path, "b", {"pdf": b"B"})])
    (tmp_path / "a.pdf").unlink()
    (tmp_path / "b.pdf").write_bytes(b"longer")
    manifest = Manifest(tmp_path)
    manifest.finish([made(tmp_path, "c", {"docx": b"C"})])
    after = read(tmp_path)
    assert [e["file"] for e in after["files"]] == ["c.docx"]  # type: ignore[union-attr,index]
    assert after["complete"] is False


def test_a_digest_given_is_trusted_and_an_unreadable_manifest_is_ignored(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("not json")
    manifest = Manifest(tmp_path)
    assert manifest.previous == {}
    manifest.finish([made(tmp_path, "a", {"pdf": b"A"}, digests={"pdf": (99, "feed")})])
    entry = read(tmp_path)["files"][0]  # type: ignore[index]
    assert (entry["bytes"], entry["sha256"]) == (99, "feed")


def test_nothing_made_and_nothing_replaced_writes_no_manifest(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    manifest.begin([])
    manifest.finish([])
    assert not (tmp_path / MANIFEST).exists()
