"""charts.spec: a checked chart's record: which charts are numbered figures (not a locator
inset), and its series in order of first appearance."""

from __future__ import annotations

import pytest

from briefgen.charts.spec import FIGURE_TYPES, TYPES, ChartSpec, Datum, Event


@pytest.mark.parametrize("kind", FIGURE_TYPES)
def test_figures_are_numbered_and_a_locator_is_not(kind: str) -> None:
    assert ChartSpec(kind, ()).numbered
    assert not ChartSpec("locator", ()).numbered
    assert set(TYPES) == {*FIGURE_TYPES, "locator"}


def test_series_are_in_order_of_first_appearance_and_only_from_values() -> None:
    import datetime as dt

    rows = (Datum("a", 1, "EUR"), Datum("b", 2, "USD"), Datum("c", 3, "EUR"), Event(dt.date(2020, 1, 1), "x"))
    assert ChartSpec("bar", rows).series == ["EUR", "USD"]
    assert ChartSpec("bar", (Datum("a", 1),)).series == [""]
    assert ChartSpec("timeline", rows[3:]).series == []


def test_specs_are_frozen_values_a_cache_can_key_on() -> None:
    a, b = ChartSpec("bar", (Datum("a", 1),), title="T"), ChartSpec("bar", (Datum("a", 1),), title="T")
    assert a == b and hash(a) == hash(b) and a.docx == "picture"
