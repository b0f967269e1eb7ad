"""charts.specfields: the key tables of a chart fence and its rows, and the small checks
they use (labels, dates, the DOCX mode, the chart type), each saying what to write."""

from __future__ import annotations

import pytest

from briefgen.charts import specfields as f
from briefgen.charts.spec import FIGURE_TYPES


@pytest.mark.parametrize("value", ["Oslo", 2021, 3.5])
def test_a_label_may_be_text_or_a_number_yaml_read(value: object) -> None:
    assert f._is_label(value) is None


@pytest.mark.parametrize("value", [True, None, ["x"]])
def test_anything_else_is_not_a_label(value: object) -> None:
    assert f._is_label(value) == "must be text"


def test_dates_are_iso_text() -> None:
    assert f._is_date("2021-08-15") is None
    assert f._is_date("15/08/2021") == "must be a date written as \"YYYY-MM-DD\", not '15/08/2021'"
    assert "YYYY-MM-DD" in (f._is_date(20210815) or "")


def test_the_docx_mode_suggests_the_close_spelling() -> None:
    assert f._is_docx("native") is None and f._is_docx("picture") is None
    assert f._is_docx("nativ") == "must be picture or native, not 'nativ'; did you mean 'native'?"
    assert f._is_docx(3) == "must be picture or native, not 3"


def test_a_locator_is_accepted_but_the_message_lists_the_figure_types() -> None:
    assert f._is_type("locator") is None
    message = f._is_type("pie") or ""
    assert all(t in message for t in FIGURE_TYPES) and "locator" not in message


def test_every_chart_type_has_its_row_keys_and_required_ones_are_marked() -> None:
    assert set(f.ROW_FIELDS) == set(FIGURE_TYPES) - {"locator"}
    assert f.ROW_FIELDS["bar"] is f.ROW_FIELDS["line"]
    required = {k for k, field in f.ROW_FIELDS["map"].items() if field.required}
    assert required == {"country", "tier"}
    assert f.SPEC_FIELDS["type"].required and not f.SPEC_FIELDS["title"].required
