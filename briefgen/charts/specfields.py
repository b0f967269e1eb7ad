"""The keys a ```chart fence may hold, and the keys of its rows per chart type, as declarative `Field` tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefgen.charts.spec import DOCX_MODES, FIGURE_TYPES, TYPES
from briefgen.errors import did_you_mean
from briefgen.load.formats import is_tier
from briefgen.load.schema import Field, is_number, is_str, one_of


def _is_label(value: Any) -> str | None:
    # A year such as 2021 is a fine label; YAML reads it as a number.
    ok = isinstance(value, str | int | float) and not isinstance(value, bool)
    return None if ok else "must be text"


def _is_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return 'must be a date written as "YYYY-MM-DD"'
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f'must be a date written as "YYYY-MM-DD", not {value!r}'
    return None


def _is_docx(value: Any) -> str | None:
    if value in DOCX_MODES:
        return None
    close = did_you_mean(value, DOCX_MODES) if isinstance(value, str) else ""
    hint = f"; {close}" if close.startswith("did you mean") else ""
    return f"must be {' or '.join(DOCX_MODES)}, not {value!r}{hint}"


def _is_type(value: Any) -> str | None:
    # The message lists the figure types; 'locator', the fact box's inset, is accepted too.
    return None if value in TYPES else one_of(*FIGURE_TYPES)(value)


SPEC_FIELDS = {
    "type": Field(_is_type, "the kind of chart", required=True),
    "orientation": Field(one_of("horizontal", "vertical"), "bar charts: horizontal (default) or vertical bars"),
    "title": Field(is_str, "the figure's title", default=""),
    "unit": Field(is_str, "what values count, shown on the axis and labels: 'million', '%', 'km'", default=""),
    "source": Field(is_str, "printed under the chart as 'Source: …'", default=""),
    "note": Field(is_str, "a line printed under the chart, above the source", default=""),
    "alt": Field(is_str, "alternative text; default: a sentence generated from the data", default=""),
    "id": Field(is_str, "a name for cross-references: link to it as [Figure](#fig-ID)", default=""),
    "focus": Field(
        is_str,
        "map and locator charts: the highlighted country (name or ISO3); maps default to the context country",
        default=None,
    ),
    "context": Field(
        is_str,
        "locator charts: the country outlined for orientation; default: briefing.yaml's profiles: context",
        default=None,
    ),
    "docx": Field(
        _is_docx, "bar and line charts in the DOCX: picture (a 300 dpi image) or native (an editable Word chart)"
    ),
    "data": Field(lambda v: None if isinstance(v, list) else "must be a list of rows", "the rows, written inline"),
    "csv": Field(is_str, "a CSV file of rows, relative to the section file"),
}
VALUE_ROW = {
    "label": Field(_is_label, "the category name", required=True),
    "value": Field(is_number, "the number, without unit or currency", required=True),
    "series": Field(is_str, "the group this row belongs to; a currency code such as USD or EUR", default=""),
    "qualifier": Field(is_str, "words before the value label, e.g. 'more than'", default=""),
    "note": Field(is_str, "words after the value label", default=""),
}
ROW_FIELDS = {
    "bar": VALUE_ROW,
    "line": VALUE_ROW,
    "timeline": {
        "date": Field(_is_date, 'the event\'s date, "YYYY-MM-DD"', required=True),
        "label": Field(_is_label, "what happened", required=True),
    },
    "map": {
        "country": Field(is_str, "name, common alias or ISO 3166 alpha-3 code (NOR)", required=True),
        "tier": Field(
            is_tier,
            "1–9: 1 borders the focus country, 2 a regional player without a border, 3 and on as the project counts",
            required=True,
        ),
        "label": Field(_is_label, "extra text under the name, e.g. '1,135 km'", default=""),
    },
}
ROW_WHAT = "chart data row"
