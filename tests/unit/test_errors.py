"""errors: positions, diagnostics as users read them, the reporter, did-you-mean hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import BriefgenError, Diagnostic, Pos, Reporter, did_you_mean, fail, internal_error, relpath


def test_positions_and_diagnostics_print_as_file_line_severity_message_hint() -> None:
    assert str(Pos("a.md", 3)) == "a.md:3" and str(Pos("a.md")) == "a.md"
    assert str(Diagnostic(Pos("a.md", 3), "bad thing", "fix it")) == "a.md:3: error: bad thing (fix it)"
    assert str(Diagnostic(Pos("a.md"), "odd thing", severity="warning")) == "a.md: warning: odd thing"


def test_an_error_carries_every_diagnostic_and_prints_them_one_per_line() -> None:
    error = BriefgenError([Diagnostic(Pos("a", 1), "one"), Diagnostic(Pos("b", 2), "two")])
    assert str(error) == "a:1: error: one\nb:2: error: two"
    assert [str(d) for d in fail(Pos("c", 3), "three", "hint").diagnostics] == ["c:3: error: three (hint)"]


def test_an_internal_error_names_the_deliverable_and_asks_for_a_report() -> None:
    (diagnostic,) = internal_error("annex-acme", KeyError("x")).diagnostics
    assert str(diagnostic) == (
        "<annex-acme>: error: internal error: KeyError: 'x' "
        "(a briefgen bug: run with --debug for details, and please report it)"
    )


def test_the_reporter_collects_then_decides() -> None:
    reporter = Reporter()
    reporter.warn(Pos("a", 1), "careful")
    reporter.raise_if_errors()  # warnings alone pass...
    with pytest.raises(BriefgenError) as caught:
        reporter.raise_if_errors(strict=True)  # ...unless strict
    assert [d.message for d in caught.value.diagnostics] == ["careful"]
    reporter.error(Pos("b", 2), "broken")
    reporter.extend(fail(Pos("c", 3), "also broken"))
    assert [d.message for d in reporter.errors] == ["broken", "also broken"]
    assert [d.message for d in reporter.warnings] == ["careful"]
    with pytest.raises(BriefgenError) as caught:
        reporter.raise_if_errors()
    assert len(caught.value.diagnostics) == 2


def test_did_you_mean_names_the_closest_choice_or_lists_them() -> None:
    assert did_you_mean("anex", ["annex", "full", "summary"]) == "did you mean 'annex'?"
    assert did_you_mean("zzz", ["full", "annex", "full"]) == "expected one of: annex, full"
    assert did_you_mean("zzz", []) == ""


def test_paths_are_shown_relative_to_the_project_when_inside(tmp_path: Path) -> None:
    assert relpath(tmp_path / "sections" / "a.md", tmp_path) == "sections/a.md"
    assert relpath(Path("/elsewhere/b.md"), tmp_path) == "/elsewhere/b.md"
