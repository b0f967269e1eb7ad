"""The summary's plans (`transform/summary.py`): a pure transform, least degraded first."""

from __future__ import annotations

from types import SimpleNamespace

from briefgen.errors import Pos
from briefgen.transform.summary import Item, Plan, notes, plans

THEME = SimpleNamespace(summary_size=10.0, min_size=9.5)
AT = Pos("sections/00-summary.md", 3)


def _items() -> dict[str, Item]:
    return {
        "bottom": Item("bottom", "the bottom line", AT, "essential", "Bottom."),
        "j1": Item("j1", "key judgement 1", AT, "essential", "One, long.", "One."),
        "j2": Item("j2", "key judgement 2", AT, "optional", "Two, long.", "Two."),
        "j3": Item("j3", "key judgement 3", AT, "optional", "Three, long."),
    }


def test_plans_degrade_in_the_documented_order() -> None:
    every = plans(_items(), THEME)
    steps = [(sorted(p.dropped), sorted(p.shortened), p.size) for p in every]
    assert steps == [
        ([], [], 10.0),
        (["matrix"], [], 10.0),
        (["figures", "matrix"], [], 10.0),
        (["figures", "j3", "matrix"], [], 10.0),  # optional judgements, last first
        (["figures", "j2", "j3", "matrix"], [], 10.0),
        (["figures", "j2", "j3", "matrix"], ["j1"], 10.0),  # then short forms of what is left
        (["figures", "j2", "j3", "matrix"], ["j1"], 9.75),  # then the type, in 0.25 pt steps
        (["figures", "j2", "j3", "matrix"], ["j1"], 9.5),
    ]
    assert all("bottom" not in p.dropped for p in every), "the bottom line is never dropped"


def test_notes_name_what_the_plan_changed() -> None:
    plan = Plan(frozenset({"matrix", "j3"}), frozenset({"j1"}), 9.75)
    assert notes(plan, _items(), AT, THEME) == (
        "summary: dropped key judgement 3 (optional)",
        "summary: dropped the stance matrix (optional)",
        "summary: used the short form of key judgement 1",
        "summary: reduced the type from 10 pt to 9.75 pt",
    )
    assert notes(Plan(size=10.0), _items(), AT, THEME) == ()
