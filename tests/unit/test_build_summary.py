"""build.summary: the Budget's documents, made once per plan shape, and fit_summary's choice or overflow."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from unitkit import load, messages, project_dir, section

from briefgen.build.assemble import Assembler
from briefgen.build.summary import MM, SAFETY, Budget, fit_summary
from briefgen.errors import BriefgenError, Pos
from briefgen.transform.summary import Item, Plan
from briefgen.writers.pdf import measure

LONG = (
    "Moscow uses every regional format it can find to look indispensable to the new authorities, "
    "while its neighbours with borders, money and trade routes make the decisions that matter on the ground"
)


def _project(tmp: Path, judgements: list[dict[str, str]]) -> Any:
    exec_ = section("Executive summary", bottom_line="Leverage is thin.", key_judgements=judgements)
    root = project_dir(tmp, {"sections/00-exec.md": exec_, "sections/01-intro.md": section("Introduction")})
    project, reporter = load(root)
    assert project is not None and not reporter.errors, messages(reporter)
    return project


def _items(*keys: str) -> dict[str, Item]:
    return {k: Item(k, f"item {k}", Pos("sections/s.md", 3), "essential", k * 3) for k in keys}


def test_a_document_is_made_once_per_plan_shape_whatever_its_type_size() -> None:
    made: list[Plan] = []

    def make(plan: Plan) -> Any:
        made.append(plan)
        return f"doc {sorted(plan.dropped)} {sorted(plan.shortened)}"

    a, b = Plan(size=10.0), Plan(size=9.0)
    c = Plan(frozenset({"j2"}), frozenset(), 10.0)
    budget = Budget(_items("j1", "j2"), (a, b, c), Pos("s.md", 1), 1, make)
    assert budget.document(a) == budget.document(b) == "doc [] []"
    assert budget.document(c) == "doc ['j2'] []"
    budget.document(c)
    assert made == [a, c]


def test_a_pickled_budget_takes_every_document_along_and_no_maker() -> None:
    plans = (Plan(size=10.0), Plan(frozenset(), frozenset({"j1"}), 10.0))
    budget = Budget(_items("j1"), plans, Pos("s.md", 1), 1, lambda plan: f"short {sorted(plan.shortened)}")
    copy = pickle.loads(pickle.dumps(budget))
    assert copy._make is None
    assert [copy.document(p) for p in plans] == ["short []", "short ['j1']"]
    with pytest.raises(AssertionError, match="every document travels with a pickled budget"):
        copy.document(Plan(frozenset({"j1"}), frozenset(), 10.0))


def test_a_budget_without_items_asks_for_a_bottom_line(tmp_path: Path) -> None:
    project = _project(tmp_path, [{"text": "One."}])
    budget = Budget({}, (Plan(size=10.0),), Pos("s.md", 1), 1, None)
    with pytest.raises(BriefgenError) as caught:
        fit_summary(budget, project.theme)
    assert messages(caught.value) == [
        "briefing.yaml: error: the summary needs a section with 'bottom_line' or 'key_judgements' "
        "(add them to the executive summary's front matter)"
    ]


def test_a_short_summary_keeps_the_first_plan(tmp_path: Path) -> None:
    project = _project(tmp_path, [{"text": "Russia has little leverage.", "priority": "essential"}])
    assembled = Assembler(project).assemble("summary")
    budget = assembled.budget
    assert budget is not None and budget.pages == 1
    doc, pdf, scale, notes = fit_summary(budget, project.theme)
    theme = project.theme
    assert doc is budget.document(budget.plans[0])
    assert scale == pytest.approx(theme.summary_size / theme.base_size)
    assert notes == ()
    assert pdf.pages == 1


def test_optional_judgements_are_dropped_before_anything_else(tmp_path: Path) -> None:
    judgements = [
        {"text": f"Judgement {i}: {LONG}. {LONG}.", "priority": "optional" if i > 5 else "essential"}
        for i in range(1, 11)
    ]
    project = _project(tmp_path, judgements)
    budget = Assembler(project).assemble("summary").budget
    _doc, pdf, scale, notes = fit_summary(budget, project.theme)
    assert pdf.pages == 1
    assert notes and all(n.startswith("summary: dropped ") for n in notes), notes
    assert "summary: dropped key judgement 10 (optional)" in notes
    assert scale == pytest.approx(project.theme.summary_size / project.theme.base_size)


def test_an_overflow_names_its_size_and_the_longest_essential_items(tmp_path: Path) -> None:
    judgements = [{"text": f"Judgement {i}: {LONG}. {LONG}. {LONG}. {'x' * i}"} for i in range(1, 25)]
    project = _project(tmp_path, judgements)
    theme = project.theme
    full = Assembler(project).assemble("summary").budget
    assert full is not None
    last = full.plans[-1]
    assert last.size == pytest.approx(theme.min_size)
    budget = Budget(full.items, (last,), full.pos, 1, full.document)
    with pytest.raises(BriefgenError) as caught:
        fit_summary(budget, theme)
    (diag,) = caught.value.diagnostics
    used, height = measure(full.document(last), theme, last.size / theme.base_size)
    over = (used - height * SAFETY) / MM
    assert over > 0
    lines = max(1, round(over * MM / (theme.min_size * 1.42)))
    assert diag.pos == full.pos
    assert diag.message == (
        f"the summary does not fit its 1-page budget: it overflows by {over:.0f} mm (about {lines} lines) "
        f"even at the minimum type size {theme.min_size:g} pt with every optional block dropped"
    )
    longest = [full.items[k] for k in ("j24", "j23", "j22")]
    assert [i.label for i in longest] == ["key judgement 24", "key judgement 23", "key judgement 22"]
    named = "; ".join(f"{i.label} at {i.pos} ({len(i.text)} characters)" for i in longest)
    assert diag.hint == f"shorten the longest essential items: {named}; or give judgements a shorter 'short' form"
