"""batch.units: a request becomes whole or halved units, the baseline first; a half's kind names its format."""

from __future__ import annotations

import pytest

from briefgen.batch.units import FULL, Kind, Request, Unit, plan


def test_each_request_is_one_whole_unit_in_order() -> None:
    reqs = [Request("full"), Request("briefs", "industry", "acme")]
    assert plan(reqs, [False, False], baseline=False) == [Unit(0, reqs[0], Kind.WHOLE), Unit(1, reqs[1], Kind.WHOLE)]


def test_a_halved_request_is_a_pdf_then_a_docx_unit_of_the_same_index() -> None:
    reqs = [Request("full"), Request("annex", client="acme"), Request("summary")]
    units = plan(reqs, [False, True, False], baseline=False)
    assert [(u.index, u.request.cut, u.kind) for u in units] == [
        (0, "full", Kind.WHOLE),
        (1, "annex", Kind.PDF),
        (1, "annex", Kind.DOCX),
        (2, "summary", Kind.WHOLE),
    ]


def test_the_baseline_comes_first_with_no_index_and_the_full_request() -> None:
    units = plan([Request("annex")], [True], baseline=True)
    assert units[0] == Unit(-1, FULL, Kind.BASELINE)
    assert (FULL.cut, FULL.audience, FULL.client) == ("full", None, None)
    assert [u.kind for u in units] == [Kind.BASELINE, Kind.PDF, Kind.DOCX]


def test_no_requests_with_a_baseline_is_the_baseline_alone() -> None:
    assert plan([], [], baseline=True) == [Unit(-1, FULL, Kind.BASELINE)]
    assert plan([], [], baseline=False) == []


def test_a_halved_list_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError):
        plan([Request("a"), Request("b")], [True], baseline=False)


def test_only_halves_name_one_format() -> None:
    assert {k: k.formats for k in Kind} == {
        Kind.BASELINE: None,
        Kind.WHOLE: None,
        Kind.PDF: ("pdf",),
        Kind.DOCX: ("docx",),
    }


def test_requests_are_equal_by_value_and_hashable() -> None:
    assert Request("x", "industry") == Request("x", "industry")
    assert len({Request("x"), Request("x"), Request("x", client="c")}) == 2
