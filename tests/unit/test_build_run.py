"""build.run: the named steps of a build: select (typos refused before any work), claim the folder,
make each deliverable, and list what was committed in manifest.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from unitkit import project_dir, section

from briefgen.build.run import Made, Request, build, load
from briefgen.errors import BriefgenError, UsageError


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load(project_dir(tmp_path_factory.mktemp("run"), {"sections/01-intro.md": section("Introduction")}))


def test_load_returns_the_project(project: Any) -> None:
    assert project.title == "Unit briefing"
    assert [s.rel for s in project.sources] == ["sections/01-intro.md"]


def test_load_raises_the_projects_errors(tmp_path: Path) -> None:
    root = project_dir(tmp_path, {"sections/01-intro.md": "---\ntitle: Intro\nlevel: nine\n---\n\nText.\n"})
    with pytest.raises(BriefgenError) as caught:
        load(root)
    assert caught.value.diagnostics and all(d.pos.file == "sections/01-intro.md" for d in caught.value.diagnostics)


def test_an_unknown_cut_is_refused_before_the_output_folder_is_made(project: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(UsageError) as caught:
        build(project, [Request("full"), Request("ful")], formats=("pdf",), output=out)
    assert [d.message for d in caught.value.diagnostics] == ["unknown cut 'ful'"]
    assert "full" in caught.value.diagnostics[0].hint
    assert not out.exists()


def test_an_unknown_client_is_refused_before_any_work(project: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(UsageError) as caught:
        build(project, [Request("full", client="nobody")], formats=("pdf",), output=out)
    assert [d.message for d in caught.value.diagnostics] == ["unknown client 'nobody'"]
    assert not out.exists()


def test_a_failing_deliverable_does_not_stop_the_others(project: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[tuple[str, Request]] = []

    def on_done(outcome: Made | BriefgenError, req: Request) -> None:
        seen.append((type(outcome).__name__, req))

    summary, full = Request("summary"), Request("full")
    done, failed = build(project, [summary, full], formats=("pdf",), output=out, on_done=on_done)
    assert seen == [("BriefgenError", summary), ("Made", full)]
    (error,) = failed
    assert [d.message for d in error.diagnostics] == [
        "the summary needs a section with 'bottom_line' or 'key_judgements'"
    ]
    (made,) = done
    assert made.request == full
    assert made.files == {"pdf": out / f"{made.name}.pdf"}
    assert made.files["pdf"].read_bytes().startswith(b"%PDF-")
    assert made.pages["pdf"] >= 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["files"]
    size, digest = made.digests["pdf"]
    assert (entry["file"], entry["bytes"], entry["sha256"]) == (f"{made.name}.pdf", size, digest)
    assert size == made.files["pdf"].stat().st_size
    assert sorted(p.name for p in out.iterdir()) == sorted(["manifest.json", f"{made.name}.pdf"])
