"""charts.specload: a chart fence's YAML or a project CSV → a typed `ChartSpec`, or errors at file:line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from unitkit import messages, write

from briefgen.charts.spec import ChartSpec, Datum, Event, Place
from briefgen.charts.specload import parse_spec
from briefgen.errors import BriefgenError

LINE = 10  # the fence's first content line in every test below


def spec(text: str, root: Path, **kwargs: object) -> ChartSpec:
    return parse_spec(text, file="s.md", line=LINE, base=root / "sections", root=root, **kwargs)  # type: ignore[arg-type]


def errors(text: str, root: Path, **kwargs: object) -> list[str]:
    with pytest.raises(BriefgenError) as info:
        spec(text, root, **kwargs)
    return messages(info.value)


def test_inline_bar_rows_are_typed_with_their_file_lines(tmp_path: Path) -> None:
    got = spec(
        "type: bar\ntitle: Aid\nunit: million\nid: aid\ndata:\n"
        "  - {label: 2021, value: 1.5, series: usd, qualifier: about}\n"
        "  - {label: EU, value: 200, note: later}\n",
        tmp_path,
    )
    assert (got.type, got.title, got.unit, got.id, got.orientation, got.docx) == (
        "bar",
        "Aid",
        "million",
        "aid",
        "horizontal",
        "picture",
    )
    assert got.rows == (
        Datum("2021", 1.5, "USD", "about", "", got.rows[0].pos),  # a currency code, in capitals
        Datum("EU", 200.0, "", "", "later", got.rows[1].pos),
    )
    assert [(r.pos.file, r.pos.line) for r in got.rows] == [("s.md", 15), ("s.md", 16)]
    assert (got.pos.file, got.pos.line) == ("s.md", LINE)
    assert got.series == ["USD", ""]


def test_a_currency_written_in_any_case_is_one_series_and_other_series_keep_their_case(tmp_path: Path) -> None:
    got = spec(
        "type: bar\ndata:\n  - {label: A, value: 1, series: usd}\n  - {label: B, value: 2, series: USD}\n"
        "  - {label: C, value: 3, series: Eur}\n  - {label: D, value: 4, series: Voyages}\n",
        tmp_path,
    )
    assert got.series == ["USD", "EUR", "Voyages"]


def test_a_vertical_native_bar_chart_keeps_its_settings(tmp_path: Path) -> None:
    got = spec("type: bar\norientation: vertical\ndocx: native\ndata:\n  - {label: A, value: 1}\n", tmp_path)
    assert (got.orientation, got.docx) == ("vertical", "native")


def test_timeline_dates_become_dates(tmp_path: Path) -> None:
    got = spec('type: timeline\ndata:\n  - {date: "2021-08-15", label: Kabul}\n', tmp_path)
    assert got.rows == (Event(dt.date(2021, 8, 15), "Kabul", got.rows[0].pos),)


def test_map_countries_become_iso3_and_the_focus_defaults_to_the_context(tmp_path: Path) -> None:
    text = "type: map\ndata:\n  - {country: Sweden, tier: 1, label: long border}\n  - {country: fin, tier: 2}\n"
    got = spec(text, tmp_path, context="NOR", tiers=("Neighbours", "Others"))
    assert [(p.iso3, p.name, p.tier, p.label) for p in got.rows if isinstance(p, Place)] == [
        ("SWE", "Sweden", 1, "long border"),
        ("FIN", "Finland", 2, ""),
    ]
    assert (got.focus, got.tiers) == ("NOR", ("Neighbours", "Others"))
    assert spec(text + "focus: Denmark\n", tmp_path, context="NOR").focus == "DNK"


def test_tiers_are_kept_for_maps_only(tmp_path: Path) -> None:
    got = spec("type: bar\ndata:\n  - {label: A, value: 1}\n", tmp_path, tiers=("One", "Two"))
    assert got.tiers == ()


def test_a_locator_takes_focus_and_context_and_has_no_rows(tmp_path: Path) -> None:
    got = spec("type: locator\nfocus: Norway\ncontext: swe\n", tmp_path)
    assert (got.type, got.rows, got.focus, got.context, got.numbered) == ("locator", (), "NOR", "SWE", False)
    assert spec("type: locator\nfocus: Norway\n", tmp_path, context="FIN").context == "FIN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["s.md:10: error: missing required key 'type' in chart (the kind of chart)"]),
        (
            "type: bar\ndata:\n  - {label: A, value: -1}\n",
            ["s.md:12: error: bar values must be zero or more (use a line chart for changes)"],
        ),
        (
            "type: bar\ndata:\n  - {label: A, value: 1}\ncsv: a.csv\n",
            ["s.md:13: error: give either 'data' or 'csv', not both"],
        ),
        (
            "type: locator\nfocus: Norway\ntitle: x\n",
            [
                "s.md:12: error: 'title' does not apply to a locator map (a locator is an inset without rows, "
                "caption or number; it takes 'focus', 'context' and 'alt')"
            ],
        ),
        (
            "type: locator\n",
            ["s.md:10: error: a locator map needs 'focus' (add 'focus:' with the country to show (ISO3 or name))"],
        ),
        (
            "type: map\nfocus: Narnia\ndata:\n  - {country: NOR, tier: 1}\n",
            ["s.md:11: error: unknown country 'Narnia' for the regional map (did you mean 'Armenia'?)"],
        ),
    ],
)
def test_bad_specs_are_reported_at_the_key(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert errors(text, tmp_path) == expected


def test_every_bad_row_is_reported_not_just_the_first(tmp_path: Path) -> None:
    found = errors("type: bar\ndata:\n  - {label: A, value: -1}\n  - {label: B, value: -2}\n", tmp_path)
    assert [f.split(": error")[0] for f in found] == ["s.md:12", "s.md:13"]


def test_csv_cells_are_typed_like_their_yaml_twins(tmp_path: Path) -> None:
    write(tmp_path, {"sections/t.csv": "\ufeffcountry, tier ,label\nNorway,1,\nFIN,2,far\nDNK,9,\n"})
    got = spec("type: map\ncsv: t.csv\n", tmp_path, context="SWE")
    assert [(p.iso3, p.tier, p.label) for p in got.rows if isinstance(p, Place)] == [
        ("NOR", 1, ""),
        ("FIN", 2, "far"),
        ("DNK", 9, ""),
    ]
    assert [(p.pos.file, p.pos.line) for p in got.rows] == [
        ("sections/t.csv", 2),
        ("sections/t.csv", 3),
        ("sections/t.csv", 4),
    ]


def test_csv_numbers_and_defaults(tmp_path: Path) -> None:
    write(tmp_path, {"sections/v.csv": "label,value,series\nA,1e3,\nB,7,EUR\n"})
    got = spec("type: line\ncsv: v.csv\n", tmp_path)
    assert [(r.label, r.value, r.series) for r in got.rows if isinstance(r, Datum)] == [
        ("A", 1000.0, ""),
        ("B", 7.0, "EUR"),
    ]


@pytest.mark.parametrize(
    ("kind", "csv", "expected"),
    [
        (
            "map",
            "country,tier\nNOR,10\n",
            [
                "sections/c.csv:2: error: 'tier' must be a whole number from 1 to 9, not '10' "
                "(1–9: 1 borders the focus country, 2 a regional player without a border, 3 and on as the project counts)"
            ],
        ),
        (
            "bar",
            "label,value\n,4\n",
            ["sections/c.csv:2: error: empty 'label' in chart csv row (the category name)"],
        ),
        (
            "timeline",
            "date,label\n2021-13-01,x\n",
            [
                "sections/c.csv:2: error: 'date' must be a date written as \"YYYY-MM-DD\", not '2021-13-01' "
                '(the event\'s date, "YYYY-MM-DD")'
            ],
        ),
        ("bar", "label,value\n", ["s.md:11: error: csv file 'c.csv' has no rows (add rows under the header line)"]),
        (
            "timeline",
            "date\n2021-01-01\n",
            [
                "sections/c.csv:1: error: csv file lacks column 'label' needed by a timeline chart "
                "(used by the chart at s.md:11)"
            ],
        ),
    ],
)
def test_csv_errors_point_into_the_csv(tmp_path: Path, kind: str, csv: str, expected: list[str]) -> None:
    write(tmp_path, {"sections/c.csv": csv})
    assert errors(f"type: {kind}\ncsv: c.csv\n", tmp_path) == expected
