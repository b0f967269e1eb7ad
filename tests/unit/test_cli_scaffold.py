"""cli.scaffold: `briefgen init` writes the starter project, its placeholder logos and
schemas, whole or not at all, only into a new or empty folder; and it loads cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from unitkit import loaded

from briefgen.cli import scaffold
from briefgen.errors import UsageError


def test_a_new_folder_gets_a_project_that_loads(tmp_path: Path) -> None:
    target = tmp_path / "brief"
    written = scaffold.write_project(target)
    names = {p.relative_to(target).as_posix() for p in written}
    assert {"briefing.yaml", "templates/logo.png", "templates/logo-on-dark.png", "schemas/brand.json"} <= names
    assert all(p.is_file() for p in written)
    assert [p.name for p in tmp_path.iterdir()] == ["brief"]  # no staging folder left beside it
    project = loaded(target)
    assert project.sources
    with Image.open(target / "templates" / "logo.png") as logo:
        assert logo.mode == "RGBA" and logo.size[1] == 200
    assert json.loads((target / "schemas" / "section.json").read_text(encoding="utf-8"))["type"] == "object"


def test_an_empty_existing_folder_is_filled_in_place(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    inode = target.stat().st_ino
    scaffold.write_project(target)
    assert target.stat().st_ino == inode and (target / "briefing.yaml").is_file()


@pytest.mark.parametrize("kind", ["not empty", "a file"])
def test_a_non_empty_folder_or_a_file_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "there"
    if kind == "a file":
        target.write_text("x", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        scaffold.write_project(target)
    assert f"the folder is {kind}" in caught.value.diagnostics[0].message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["there"]


def test_a_failure_half_way_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, **kw: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(scaffold, "_logo", broken)
    with pytest.raises(OSError, match="disk full"):
        scaffold.write_project(tmp_path / "brief")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("exists", [False, True])
def test_a_concurrent_run_that_got_there_first_wins_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exists: bool
) -> None:
    # Another `init` writes the same folder while this one fills its staging folder.
    target = tmp_path / "brief"
    if exists:
        target.mkdir()
    fill = scaffold._fill

    def racing(root: Path) -> None:
        fill(root)
        target.mkdir(exist_ok=True)
        (target / "briefing.yaml").write_text("theirs", encoding="utf-8")
        (target / "sections").mkdir()

    monkeypatch.setattr(scaffold, "_fill", racing)
    with pytest.raises(UsageError) as caught:
        scaffold.write_project(target)
    assert "files appeared in it while it was written" in caught.value.diagnostics[0].message
    assert (target / "briefing.yaml").read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in target.iterdir()) == ["briefing.yaml", "sections"]  # none of ours left in it
    assert [p.name for p in tmp_path.iterdir()] == ["brief"]  # nor a staging folder
