"""build.deliverables: the full report assembled once as the baseline, strictness, bugs failing one
deliverable, and omissions explained against the baseline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from unitkit import loaded, messages, project_dir, section

from briefgen.batch.units import FULL, Kind, Request, Unit
from briefgen.build.deliverables import Deliverables
from briefgen.errors import BriefgenError, Diagnostic, Pos

FILES = {
    "sections/01-intro.md": section("Introduction"),
    "sections/02-gov.md": section("For government", audiences=["government"]),
}
INDUSTRY = Request("full", "industry")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return loaded(project_dir(tmp_path_factory.mktemp("deliverables"), FILES))


def _deliverables(project: Any, out: Path, **kw: Any) -> Deliverables:
    return Deliverables(project, ("pdf",), out, {FULL: "full-name"}, strict=kw.pop("strict", False), **kw)


def _boom(*args: Any) -> Any:
    raise RuntimeError("boom")


def test_the_full_report_is_assembled_once_and_serves_as_its_own_deliverable(project: Any, tmp_path: Path) -> None:
    d = _deliverables(project, tmp_path, debug=False)
    report = d.full_report()
    assert report is not None and report is d.full_report()
    assert d.assemble(FULL) is report
    assert d.assemble(INDUSTRY) is not report
    assert d.baseline() == frozenset(o.where for o in report.omissions)


def test_a_failing_full_report_leaves_an_empty_baseline(project: Any, tmp_path: Path) -> None:
    d = _deliverables(project, tmp_path, debug=False)
    d.assembler.assemble = _boom  # type: ignore[method-assign]
    assert d.full_report() is None
    assert d.baseline() == frozenset()


def test_a_bug_fails_its_deliverable_with_an_internal_error(project: Any, tmp_path: Path) -> None:
    d = _deliverables(project, tmp_path, debug=False)
    d.assembler.assemble = _boom  # type: ignore[method-assign]
    with pytest.raises(BriefgenError) as caught:
        d.make(FULL)
    assert messages(caught.value) == [
        "<full-name>: error: internal error: RuntimeError: boom "
        "(a briefgen bug: run with --debug for details, and please report it)"
    ]
    with pytest.raises(BriefgenError) as caught:
        d.make(INDUSTRY)  # not in `names`: named by its cut
    assert [str(diag.pos) for diag in caught.value.diagnostics] == ["<full>"]


def test_with_debug_a_bug_propagates(project: Any, tmp_path: Path) -> None:
    d = _deliverables(project, tmp_path, debug=True)
    d.assembler.assemble = _boom  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="boom"):
        d.make(FULL)
    with pytest.raises(RuntimeError, match="boom"):
        d.full_report()


def test_strict_turns_warnings_into_errors(project: Any, tmp_path: Path) -> None:
    assembled = _deliverables(project, tmp_path, debug=False).assemble(INDUSTRY)
    assert assembled.warnings == ()
    warned = replace(assembled, warnings=(Diagnostic(Pos("a.md", 2), "careful", severity="warning"),))
    strict = _deliverables(project, tmp_path, debug=False, strict=True)
    strict.assembler.assemble = lambda *args: warned  # type: ignore[method-assign]
    with pytest.raises(BriefgenError) as caught:
        strict.assemble(INDUSTRY)
    assert messages(caught.value) == ["a.md:2: warning: careful"]
    lenient = _deliverables(project, tmp_path, debug=False)
    lenient.assembler.assemble = lambda *args: warned  # type: ignore[method-assign]
    assert lenient.assemble(INDUSTRY) is warned


def test_explained_keeps_only_omissions_the_full_report_does_not_share(project: Any, tmp_path: Path) -> None:
    d = _deliverables(project, tmp_path / "out", debug=False)
    (tmp_path / "out").mkdir()
    made = d.make(INDUSTRY)
    assert [str(o) for o in made.omissions] == ["§ For government: audience industry excluded"]
    wheres = {o.where for o in made.omissions}
    assert d.explained(made).omissions == made.omissions  # the full report omits nothing
    other = _deliverables(project, tmp_path / "out", debug=False)
    other.take_baseline(frozenset(wheres))
    other.take_baseline(frozenset())  # the first baseline stays
    assert other.work(Unit(-1, FULL, Kind.BASELINE)) == frozenset(wheres)
    assert other.explained(made).omissions == ()
