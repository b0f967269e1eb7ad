"""batch.units: each request becomes one whole unit, in order, the baseline first when asked."""

from __future__ import annotations

from briefgen.batch.units import FULL, Kind, Request, Unit, plan


def test_each_request_is_one_whole_unit_in_order() -> None:
    reqs = [Request("full"), Request("annex", client="acme"), Request("briefs", "industry", "acme")]
    assert plan(reqs, baseline=False) == [Unit(i, req, Kind.WHOLE) for i, req in enumerate(reqs)]


def test_the_baseline_comes_first_with_no_index_and_the_full_request() -> None:
    units = plan([Request("annex")], baseline=True)
    assert units[0] == Unit(-1, FULL, Kind.BASELINE)
    assert (FULL.cut, FULL.audience, FULL.client) == ("full", None, None)
    assert [u.kind for u in units] == [Kind.BASELINE, Kind.WHOLE]


def test_no_requests_with_a_baseline_is_the_baseline_alone() -> None:
    assert plan([], baseline=True) == [Unit(-1, FULL, Kind.BASELINE)]
    assert plan([], baseline=False) == []


def test_requests_are_equal_by_value_and_hashable() -> None:
    assert Request("x", "industry") == Request("x", "industry")
    assert len({Request("x"), Request("x"), Request("x", client="c")}) == 2
