"""batch.atomic: staged files, committed all or none; old files kept on failure; modes; sweep."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from briefgen.batch.atomic import (
    check_output_dir,
    commit,
    discard,
    new_file_mode,
    publish_new,
    stage,
    sweep,
    write_all,
    write_new,
)
from briefgen.errors import BriefgenError


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_stage_writes_temporaries_beside_the_targets_and_commit_renames_them(tmp_path: Path) -> None:
    a, b = tmp_path / "r.pdf", tmp_path / "r.docx"
    staged = stage({a: b"pdf", b: b"docx"})
    assert set(staged) == {a, b}
    assert all(t.parent == tmp_path and t.name.startswith(f".{k.name}.") for k, t in staged.items())
    assert not a.exists() and not b.exists()
    commit(staged)
    assert (a.read_bytes(), b.read_bytes()) == (b"pdf", b"docx")
    assert names(tmp_path) == ["r.docx", "r.pdf"]


def test_a_failed_check_leaves_nothing_staged_and_says_why(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    with pytest.raises(BriefgenError) as info:
        stage(
            {tmp_path / "ok.pdf": b"x", target: b"bad"}, verify=lambda _p, data: "truncated" if data == b"bad" else None
        )
    assert [str(d) for d in info.value.diagnostics] == [
        f"{target}: error: output failed its check: truncated (this is a briefgen bug; please report it)"
    ]
    assert names(tmp_path) == []


def test_verify_sees_the_bytes_under_the_name_they_will_have(tmp_path: Path) -> None:
    seen: list[tuple[str, bytes]] = []
    write_all({tmp_path / "r.pdf": b"abc"}, verify=lambda p, d: seen.append((p.name, d)) or None)  # type: ignore[func-returns-value]
    assert seen == [("r.pdf", b"abc")] and (tmp_path / "r.pdf").read_bytes() == b"abc"


def test_a_failed_rename_puts_the_old_files_back(tmp_path: Path) -> None:
    a, b = tmp_path / "r.pdf", tmp_path / "r.docx"
    write_all({a: b"old pdf", b: b"old docx"})
    staged = stage({a: b"new pdf", b: b"new docx"})
    os.unlink(staged[b])  # the second rename will fail after the first succeeded
    with pytest.raises(BriefgenError) as info:
        commit(staged)
    assert [d.message for d in info.value.diagnostics] == ["could not write output: No such file or directory"]
    assert str(info.value.diagnostics[0].pos) == str(tmp_path)
    assert (a.read_bytes(), b.read_bytes()) == (b"old pdf", b"old docx")
    assert names(tmp_path) == ["r.docx", "r.pdf"]


def test_a_failed_rename_removes_a_new_file_that_had_no_old_one(tmp_path: Path) -> None:
    a, b = tmp_path / "n.pdf", tmp_path / "n.docx"
    staged = stage({a: b"p", b: b"d"})
    os.unlink(staged[b])
    with pytest.raises(BriefgenError):
        commit(staged)
    assert names(tmp_path) == []


def test_a_replaced_file_keeps_its_mode_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.pdf"
    old.write_bytes(b"x")
    old.chmod(0o640)
    write_all({old: b"y", tmp_path / "new.pdf": b"z"})
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == new_file_mode()


def test_new_file_mode_follows_the_umask_and_restores_it() -> None:
    before = os.umask(0o027)
    try:
        assert new_file_mode() == 0o640
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(before)


def test_discard_removes_staged_files_only(tmp_path: Path) -> None:
    keep = tmp_path / "keep.pdf"
    keep.write_bytes(b"k")
    discard(stage({tmp_path / "r.pdf": b"x"}))
    discard({tmp_path / "gone.pdf": tmp_path / ".missing.tmp"})
    assert names(tmp_path) == ["keep.pdf"]


def test_sweep_removes_briefgen_litter_only(tmp_path: Path) -> None:
    litter = [".r.pdf.abcd1234.tmp", ".r.docx.abcd_123.old.tmp", ".briefgen-probe-zz99yy88"]
    kept = ["r.pdf", ".hidden", ".r.pdf.short.tmp", "notes.tmp", ".r.txt.abcd1234.tmp"]
    for name in litter + kept:
        (tmp_path / name).write_bytes(b"")
    sweep(tmp_path)
    assert names(tmp_path) == sorted(kept)


def test_sweep_undoes_a_commit_cut_short_by_its_journal(tmp_path: Path) -> None:
    tag = "0123abcd"
    (tmp_path / "r.pdf").write_bytes(b"new pdf")  # renamed before the kill
    (tmp_path / f".r.pdf.{tag}.old.tmp").write_bytes(b"old pdf")
    (tmp_path / "fresh.docx").write_bytes(b"new docx")  # had no old file
    (tmp_path / f".briefgen-commit-{tag}").write_text(json.dumps([["r.pdf", True], ["fresh.docx", False]]))
    sweep(tmp_path)
    assert names(tmp_path) == ["r.pdf"]
    assert (tmp_path / "r.pdf").read_bytes() == b"old pdf"


def test_check_output_dir_creates_the_folder_and_leaves_no_probe(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    check_output_dir(folder)
    assert folder.is_dir() and names(folder) == []


def test_check_output_dir_names_a_folder_it_cannot_create(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BriefgenError) as info:
        check_output_dir(blocker / "out")
    assert [str(d) for d in info.value.diagnostics] == [
        f"{blocker / 'out'}: error: cannot write to the output folder: Not a directory"
        " (choose another folder with --output, or fix its permissions)"
    ]


def test_write_new_writes_whole_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_new(target, b"one")
    assert target.read_bytes() == b"one" and stat.S_IMODE(target.stat().st_mode) == new_file_mode()
    with pytest.raises(FileExistsError):
        write_new(target, b"two")
    assert target.read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no temporary left


def test_publish_new_moves_a_folder_only_to_a_free_name(tmp_path: Path) -> None:
    (tmp_path / "staged").mkdir()
    (tmp_path / "staged" / "x").write_text("x", encoding="utf-8")
    publish_new(tmp_path / "staged", tmp_path / "free")
    assert (tmp_path / "free" / "x").is_file() and not (tmp_path / "staged").exists()
    (tmp_path / "again").mkdir()
    with pytest.raises(FileExistsError):
        publish_new(tmp_path / "again", tmp_path / "free")
    assert sorted(p.name for p in (tmp_path / "free").iterdir()) == ["x"]
