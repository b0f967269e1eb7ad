"""cli/watcher.py: which saves count (a project's inputs, not outputs, tool folders or an
editor's temporary files) and how a batch of them is listed."""

from __future__ import annotations

from pathlib import Path

from watchfiles import Change

from briefgen.cli.watcher import Watcher, listed


def test_saves_that_count_are_the_projects_inputs_not_outputs_or_tool_files(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path, (tmp_path / "output", tmp_path / "elsewhere"))
    counted = ["briefing.yaml", "sections/01.md", "sections/countries/a.md", "brand/logo.png", "data/rows.csv"]
    skipped = ["output/full.pdf", "elsewhere/x.md", ".git/index", "sections/.hidden.md", "__pycache__/a.pyc"]
    assert [f for f in counted if watcher.relevant(tmp_path / f)] == counted
    assert [f for f in skipped if watcher.relevant(tmp_path / f)] == []
    assert not watcher.relevant(tmp_path.parent / "other" / "briefing.yaml")


def test_a_batch_lists_saved_files_but_not_an_editors_temporary_ones(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "01.md").write_text("saved")
    watcher = Watcher(tmp_path)
    batch = {
        (Change.added, str(tmp_path / "sections" / "sedX1Y2Z3")),
        (Change.deleted, str(tmp_path / "sections" / "sedX1Y2Z3")),
        (Change.modified, str(tmp_path / "sections" / "01.md")),
        (Change.deleted, str(tmp_path / "sections" / "02.md")),  # a removed section counts
        (Change.modified, str(tmp_path / "sections")),  # its folder, as polling reports it
    }
    assert watcher.saved(batch) == ["sections/01.md", "sections/02.md"]
    assert listed([f"s/{i}.md" for i in range(7)]) == "s/0.md, s/1.md, s/2.md, s/3.md, s/4.md and 2 more"
