"""build.batched: deliverables made one by one here, or by worker processes, each reported to `finish`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from unitkit import loaded, project_dir, section

from briefgen.batch.units import Made, Request
from briefgen.build.batched import in_workers, one_by_one
from briefgen.build.deliverables import Deliverables
from briefgen.errors import BriefgenError

FILES = {
    "sections/01-intro.md": section("Introduction"),
    "sections/countries/aland.md": section("Aland", kind="country", locator=False),
    "sections/countries/bland.md": section("Bland", kind="country", locator=False),
}
CUTS = {
    "aland": {"title": "Aland", "layout": "annex", "include": ["sections/countries/aland.md"]},
    "bland": {"title": "Bland", "layout": "annex", "include": ["sections/countries/bland.md"]},
}
SUMMARY, ALAND, BLAND = Request("summary"), Request("aland"), Request("bland")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = project_dir(
        tmp_path_factory.mktemp("batched"),
        FILES,
        outline=["sections/01-intro.md", "sections/countries/*.md"],
        cuts=CUTS,
    )
    return loaded(root)


def _deliverables(project: Any, out: Path, formats: tuple[str, ...]) -> Deliverables:
    out.mkdir(parents=True, exist_ok=True)
    return Deliverables(project, formats, out, {}, strict=False, debug=False)


def test_one_by_one_reports_each_deliverable_in_turn_and_a_failure_does_not_stop_the_rest(
    project: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    seen: list[tuple[Request, Made | BriefgenError]] = []
    one_by_one(
        _deliverables(project, out, ("docx",)),
        [ALAND, SUMMARY, BLAND],
        parallel=False,
        finish=lambda req, outcome: seen.append((req, outcome)),
    )
    assert [req for req, _ in seen] == [ALAND, SUMMARY, BLAND]
    aland, summary, bland = (outcome for _, outcome in seen)
    assert isinstance(summary, BriefgenError)
    assert [d.message for d in summary.diagnostics] == [
        "the summary needs a section with 'bottom_line' or 'key_judgements'"
    ]
    assert isinstance(aland, Made) and isinstance(bland, Made)
    assert aland.files == {"docx": out / f"{aland.name}.docx"}
    assert bland.files == {"docx": out / f"{bland.name}.docx"}
    assert aland.name != bland.name
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{aland.name}.docx", f"{bland.name}.docx"])


def test_in_workers_makes_every_deliverable_and_leaves_nothing_staged(project: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: dict[Request, Made | BriefgenError] = {}
    in_workers(
        _deliverables(project, out, ("pdf", "docx")),
        [ALAND, BLAND],
        2,
        lambda req, outcome: seen.__setitem__(req, outcome),
    )
    assert set(seen) == {ALAND, BLAND}
    names = []
    for req, made in seen.items():
        assert isinstance(made, Made), made
        assert made.request == req
        assert set(made.files) == {"pdf", "docx"}
        for ext, path in made.files.items():
            assert path.stat().st_size == made.digests[ext][0]
        names += [p.name for p in made.files.values()]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
