"""charts.specchecks: the rules across keys: keys that do not fit the type, a locator's countries,
a country listed twice on a map, and what a native Word chart cannot hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from unitkit import messages

from briefgen.charts.spec import Datum, Event, Place
from briefgen.charts.specchecks import check_keys, check_map_rows, check_native, locator_countries
from briefgen.errors import Pos, Reporter

KEYS = {"orientation": None, "focus": None, "context": None, "docx": None}


def at(key: str) -> Pos:
    """Each key on its own line of s.md, so a message shows which key it is about."""
    return Pos("s.md", 20 + list(KEYS).index(key))


def keys(kind: str, **data: Any) -> list[str]:
    reporter = Reporter()
    check_keys(kind, {**KEYS, **data}, at, reporter)
    return messages(reporter)


def test_keys_that_fit_the_type_pass() -> None:
    assert keys("bar", orientation="vertical", docx="native") == []
    assert keys("line", docx="native") == []
    assert keys("map", focus="NOR", docx="picture") == []


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        (
            "line",
            {"orientation": "vertical"},
            "s.md:20: error: 'orientation' applies to bar charts, not line (remove it)",
        ),
        ("bar", {"focus": "NOR"}, "s.md:21: error: 'focus' applies to map and locator charts, not bar (remove it)"),
        ("map", {"context": "NOR"}, "s.md:22: error: 'context' applies to locator charts, not map (remove it)"),
        (
            "timeline",
            {"docx": "native"},
            "s.md:23: error: 'docx: native' applies to bar and line charts, not timeline (use docx: picture)",
        ),
    ],
)
def test_a_key_that_means_nothing_for_the_type_is_an_error(kind: str, data: dict, expected: str) -> None:
    assert keys(kind, **data) == [expected]


def test_every_misplaced_key_is_reported() -> None:
    found = keys("timeline", orientation="vertical", focus="NOR", context="SWE", docx="native")
    assert [f.split(": error")[0] for f in found] == ["s.md:20", "s.md:21", "s.md:22", "s.md:23"]


def native(*rows: Datum) -> list[str]:
    reporter = Reporter()
    check_native(list(rows), reporter)
    return messages(reporter)


def test_native_charts_take_one_value_per_label_and_series() -> None:
    assert native(Datum("A", 1, "USD", pos=Pos("s.md", 1)), Datum("A", 2, "EUR", pos=Pos("s.md", 2))) == []
    assert native(
        Datum("A", 1, pos=Pos("s.md", 1)), Datum("B", 2, pos=Pos("s.md", 2)), Datum("A", 3, pos=Pos("s.md", 3))
    ) == [
        "s.md:3: error: docx: native cannot show a second value for 'A' (first at s.md:1) "
        "(give each row its own label or series, or use docx: picture)"
    ]
    assert native(Datum("A", 1, "USD", pos=Pos("s.md", 4)), Datum("A", 2, "USD", pos=Pos("s.md", 5))) == [
        "s.md:5: error: docx: native cannot show a second value for 'A' in series 'USD' (first at s.md:4) "
        "(give each row its own label or series, or use docx: picture)"
    ]


def test_a_repeated_value_is_found_even_when_rows_share_one_position_object() -> None:
    shared = Pos("s.md", 9)  # rows given their chart's position: one object for all
    assert len(native(Datum("A", 1, pos=shared), Datum("A", 2, pos=shared))) == 1
    assert native(Datum("A", 1), Datum("B", 2)) == []  # distinct labels at the default position: fine


def map_rows(*rows: Any) -> list[str]:
    reporter = Reporter()
    check_map_rows(list(rows), reporter)
    return messages(reporter)


def test_a_country_listed_twice_on_a_map_is_an_error_at_the_second() -> None:
    nor1 = Place("NOR", "Norway", 1, pos=Pos("s.md", 7))
    swe = Place("SWE", "Sweden", 2, pos=Pos("s.md", 8))
    nor2 = Place("NOR", "Norway", 2, pos=Pos("s.md", 9))
    assert map_rows(nor1, swe) == []
    assert map_rows(nor1, swe, nor2) == ["s.md:9: error: Norway is listed twice (first at s.md:7) (keep one row)"]


def test_map_rows_ignore_rows_that_are_not_places() -> None:
    assert map_rows(Event(dt.date(2021, 1, 1), "x", Pos("s.md", 1))) == []


LOC_POS = Pos("s.md", 10)


def locator(raw: dict[str, Any], context: str = "") -> tuple[tuple[str, str], list[str]]:
    data = {"focus": raw.get("focus"), "context": raw.get("context")}
    reporter = Reporter()
    got = locator_countries(raw, data, lambda key: Pos("s.md", 11 + list(raw).index(key)), LOC_POS, reporter, context)
    return got, messages(reporter)


def test_a_locator_resolves_names_and_codes_to_iso3() -> None:
    assert locator({"focus": "Norway", "context": "swe"}) == (("NOR", "SWE"), [])
    assert locator({"focus": "nor"}, context="FIN") == (("NOR", "FIN"), [])


def test_a_locator_without_focus_is_an_error_at_the_fence() -> None:
    assert locator({}, context="NOR") == (
        ("", ""),
        ["s.md:10: error: a locator map needs 'focus' (add 'focus:' with the country to show (ISO3 or name))"],
    )


def test_a_locator_focus_of_the_wrong_type_is_not_reported_twice() -> None:
    reporter = Reporter()
    got = locator_countries({"focus": 3}, {"focus": None, "context": None}, lambda k: LOC_POS, LOC_POS, reporter, "")
    assert (got, messages(reporter)) == (("", ""), [])


def test_an_unknown_locator_country_is_reported_at_the_fence_line() -> None:
    (focus, context), found = locator({"focus": "Norway", "context": "Narnia"})
    assert (focus, context) == ("NOR", "")
    assert len(found) == 1
    assert found[0].startswith(
        "s.md:9: error: the locator map cannot show 'Narnia': no country of that name on the world map"
    )
    assert "set 'locator: false' in the profile's front matter" in found[0]


def test_the_fence_line_is_never_before_line_one() -> None:
    reporter = Reporter()
    locator_countries({"focus": "Narnia"}, {"focus": "Narnia", "context": None}, None, Pos("p.md", 1), reporter, "")
    assert messages(reporter)[0].startswith("p.md:1: error: the locator map cannot show 'Narnia'")


def test_keys_a_locator_does_not_take_are_errors_at_the_key() -> None:
    _got, found = locator({"focus": "Norway", "title": "x", "data": [], "alt": "ok", "unknown": 1})
    assert [f.split(" (")[0] for f in found] == [
        "s.md:12: error: 'title' does not apply to a locator map",
        "s.md:13: error: 'data' does not apply to a locator map",
    ]
