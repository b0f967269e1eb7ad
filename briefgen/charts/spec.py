"""A ```chart fence's YAML → a checked, frozen `ChartSpec`, or errors at the user's file:line.

Everything a writer needs is settled here: the rows are typed (numbers are numbers,
dates are dates, countries are ISO codes of the world map), `csv:` files are read
from inside the project only, and every problem names the key or CSV cell to fix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.charts import geo
from briefgen.errors import BriefgenError, Pos, Reporter, did_you_mean, relpath
from briefgen.load.files import OUTSIDE_HINT, confine, read_text
from briefgen.load.schema import Field, is_number, is_str, one_of, validate
from briefgen.load.yamlio import YamlList, YamlMap, load_yaml

FIGURE_TYPES = ("bar", "line", "timeline", "map")
TYPES = (*FIGURE_TYPES, "locator")
# A locator is an inset, not a figure: it takes no rows, no caption and no number.
LOCATOR_KEYS = ("type", "focus", "context", "alt")
NOWHERE = Pos("<chart>")
# How the DOCX shows a bar or line chart: a 300 dpi picture, or an editable Word chart.
DOCX_MODES = ("picture", "native")


@dataclass(frozen=True)
class Datum:
    """One bar or line point. `series` groups rows (a currency code makes it a currency)."""

    label: str
    value: float
    series: str = ""
    qualifier: str = ""  # words before the value label, e.g. "more than"
    note: str = ""  # words after the value label, e.g. "plus 3 million vaccine doses"
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Event:
    """One dated event on a timeline."""

    date: dt.date
    label: str
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Place:
    """One country on the regional map: tier 1 borders the focus country, tier 2 does not."""

    iso3: str
    name: str
    tier: int
    label: str = ""  # extra text under the name, e.g. "1,135 km"
    pos: Pos = NOWHERE


Row = Datum | Event | Place


@dataclass(frozen=True)
class ChartSpec:
    """A checked chart. `pos` is the fence's first content line."""

    type: str  # "bar", "line", "timeline", "map" or "locator"
    rows: tuple[Row, ...]
    title: str = ""
    orientation: str = "horizontal"  # bar charts only
    unit: str = ""
    source: str = ""
    note: str = ""
    alt: str = ""
    focus: str = ""  # map and locator: ISO3 of the highlighted country ("" on a map without one)
    context: str = ""  # locator only: ISO3 of the country outlined for orientation ("" for none)
    tiers: tuple[str, ...] = ()  # map only: the legend's wording of tiers 1, 2, ... (else "Tier N")
    id: str = ""  # cross-reference name; the figure's anchor is "fig-<id>"
    docx: str = "picture"  # bar and line: "native" makes the DOCX figure an editable Word chart
    pos: Pos = NOWHERE

    @property
    def numbered(self) -> bool:
        """Whether writers caption it "Figure N" and count it; a locator inset is not a figure."""
        return self.type != "locator"

    @property
    def series(self) -> list[str]:
        """Distinct series in order of first appearance ("" when rows name none)."""
        return list(dict.fromkeys(r.series for r in self.rows if isinstance(r, Datum)))


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
            one_of(1, 2), "1: borders the focus country; 2: a regional player without a border", required=True
        ),
        "label": Field(_is_label, "extra text under the name, e.g. '1,135 km'", default=""),
    },
}
ROW_WHAT = "chart data row"


def parse_spec(
    text: str, *, file: str, line: int, base: Path, root: Path, context: str = "", tiers: tuple[str, ...] = ()
) -> ChartSpec:
    """Check a chart fence's YAML; raise `BriefgenError` listing every problem found.

    `file` is the section file as shown to users, `line` the file line of the fence's
    first content line, `base` the section file's folder (for `csv:`), `root` the project,
    `context` the project's context country (ISO3, or ""): what locators outline and the
    focus of a map that names none; `tiers` the project's wording of tiers 1, 2, ... for a
    map's legend.
    """
    # yamlio counts its first line as 1 + offset, and `line` is that first line.
    raw = load_yaml(text, file, line_offset=line - 1)
    pos = Pos(file, line)
    reporter = Reporter()
    if raw is None:
        raw = YamlMap()
        raw.pos, raw.key_lines = pos, {}
    data = validate(raw, SPEC_FIELDS, pos, "chart", reporter)
    at = raw.at if isinstance(raw, YamlMap) else (lambda _key: pos)
    kind = data["type"]
    rows: list[Row] = []
    if kind == "locator":
        focus, outlined = _locator(raw, data, at, pos, reporter, context)
        reporter.raise_if_errors()
        return ChartSpec(type=kind, rows=(), alt=data["alt"], focus=focus, context=outlined, pos=pos)
    if kind in TYPES:
        _check_keys(kind, data, at, reporter)
        if data["data"] is not None and data["csv"] is not None:
            reporter.error(at("csv"), "give either 'data' or 'csv', not both")
        elif data["data"] is not None:
            rows = _inline_rows(kind, raw["data"], at("data"), reporter)
        elif data["csv"] is not None:
            rows = _csv_rows(kind, data["csv"], at("csv"), base, root, reporter)
        elif isinstance(raw, dict):
            reporter.error(pos, "chart has no rows", "add a 'data:' list or a 'csv:' file")
    focus = ""
    if kind == "map":
        focus = _country(data["focus"], at("focus"), reporter) if data["focus"] is not None else context
        first: dict[str, Pos] = {}
        for row in rows:
            if not isinstance(row, Place):
                continue
            if first.setdefault(row.iso3, row.pos) is not row.pos:
                reporter.error(row.pos, f"{row.name} is listed twice (first at {first[row.iso3]})", "keep one row")
    if data["docx"] == "native" and kind in ("bar", "line"):
        _check_native(rows, reporter)
    reporter.raise_if_errors()
    return ChartSpec(
        type=kind,
        rows=tuple(rows),
        title=data["title"],
        orientation=data["orientation"] or "horizontal",
        unit=data["unit"],
        source=data["source"],
        note=data["note"],
        alt=data["alt"],
        focus=focus,
        tiers=tiers if kind == "map" else (),
        id=data["id"] or "",
        docx=data["docx"] or "picture",
        pos=pos,
    )


def _check_keys(kind: str, data: dict[str, Any], at: Any, reporter: Reporter) -> None:
    """Keys that are valid YAML but mean nothing for this type of chart."""
    if data["orientation"] is not None and kind != "bar":
        reporter.error(at("orientation"), f"'orientation' applies to bar charts, not {kind}", "remove it")
    if data["focus"] is not None and kind != "map":
        reporter.error(at("focus"), f"'focus' applies to map and locator charts, not {kind}", "remove it")
    if data["context"] is not None:
        reporter.error(at("context"), f"'context' applies to locator charts, not {kind}", "remove it")
    if data["docx"] == "native" and kind not in ("bar", "line"):
        reporter.error(at("docx"), f"'docx: native' applies to bar and line charts, not {kind}", "use docx: picture")


def _check_native(rows: list[Row], reporter: Reporter) -> None:
    """A native Word chart is a table of labels × series: each cell can hold one value only."""
    first: dict[tuple[str, str], Pos] = {}
    for row in rows:
        if isinstance(row, Datum) and first.setdefault((row.label, row.series), row.pos) is not row.pos:
            where = f" in series '{row.series}'" if row.series else ""
            reporter.error(
                row.pos,
                f"docx: native cannot show a second value for '{row.label}'{where} (first at {first[row.label, row.series]})",
                "give each row its own label or series, or use docx: picture",
            )


def _locator(raw: Any, data: dict[str, Any], at: Any, pos: Pos, reporter: Reporter, context: str) -> tuple[str, str]:
    """A locator's focus and context countries as ISO3 codes ("" for none, or after an error)."""
    for key in raw if isinstance(raw, dict) else ():
        if key in SPEC_FIELDS and key not in LOCATOR_KEYS:
            reporter.error(
                at(key),
                f"'{key}' does not apply to a locator map",
                "a locator is an inset without rows, caption or number; it takes 'focus', 'context' and 'alt'",
            )
    if data["focus"] is None:
        if isinstance(raw, dict) and "focus" in raw:
            return "", ""  # a 'focus' of the wrong type, reported already
        reporter.error(pos, "a locator map needs 'focus'", "add 'focus:' with the country to show (ISO3 or name)")
        return "", ""
    # The fence line: inside a generated fact box every line maps to the profile's first line.
    fence = Pos(pos.file, max(pos.line - 1, 1))
    focus = _on_map(data["focus"], fence, reporter)
    if data["context"] is not None:
        context = _on_map(data["context"], fence, reporter)
    return focus, context


def _on_map(name: str, pos: Pos, reporter: Reporter) -> str:
    country = geo.lookup(name)
    if country is None:
        reporter.error(
            pos,
            f"the locator map cannot show '{name}': no country of that name on the world map",
            f"{geo.suggestion(name)} A fact box's locator shows the profile's 'name:', so use a name "
            "or ISO3 code the map knows; or set 'locator: false' in the profile's front matter",
        )
        return ""
    return country.iso3


def _inline_rows(kind: str, items: Any, pos: Pos, reporter: Reporter) -> list[Row]:
    if not items:
        reporter.error(pos, "chart 'data' is empty", "add at least one row")
        return []
    rows = []
    for i, item in enumerate(items):
        item_pos = items.at(i) if isinstance(items, YamlList) else pos
        before = len(reporter.errors)
        values = validate(item, ROW_FIELDS[kind], item_pos, ROW_WHAT, reporter)
        if len(reporter.errors) == before:
            row = _row(kind, values, item_pos, item.at if isinstance(item, YamlMap) else None, reporter)
            if row is not None:
                rows.append(row)
    return rows


def _csv_rows(kind: str, name: str, pos: Pos, base: Path, root: Path, reporter: Reporter) -> list[Row]:
    base = base.parent if base.is_file() else base
    path = confine(base / name, root.resolve())
    if path is None:
        reporter.error(pos, f"csv file '{name}' is outside the project folder", OUTSIDE_HINT)
        return []
    if not path.is_file():
        reporter.error(pos, f"csv file not found: {name}", "paths are relative to the section file")
        return []
    shown = relpath(path, root)
    try:
        text = read_text(path, shown)  # drops the byte-order mark Excel writes
    except BriefgenError as exc:
        reporter.extend(exc)
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = ROW_FIELDS[kind]
    header = [h.strip() for h in reader.fieldnames or []]
    head_pos = Pos(shown, 1)
    hint = f"used by the chart at {pos}"
    for column in header:
        if column not in fields:
            reporter.error(head_pos, f"unknown column '{column}' in chart csv", did_you_mean(column, fields))
    missing = [c for c, f in fields.items() if f.required and c not in header]
    for column in missing:
        reporter.error(head_pos, f"csv file lacks column '{column}' needed by a {kind} chart", hint)
    if missing or any(c not in fields for c in header):
        return []
    reader.fieldnames = header
    rows = []
    for record in reader:
        row_pos = Pos(shown, reader.line_num)
        before = len(reporter.errors)
        values = {k: _cell(kind, k, (record.get(k) or "").strip(), row_pos, reporter) for k in fields}
        for k, f in fields.items():
            if values[k] == "":
                if f.required:
                    reporter.error(row_pos, f"empty '{k}' in chart csv row", f.doc)
                values[k] = f.default
        if len(reporter.errors) == before:
            row = _row(kind, values, row_pos, None, reporter)
            if row is not None:
                rows.append(row)
    if not rows and not reporter.errors:
        reporter.error(pos, f"csv file '{name}' has no rows", "add rows under the header line")
    return rows


def _cell(kind: str, key: str, text: str, pos: Pos, reporter: Reporter) -> Any:
    """A CSV cell as the type its YAML twin would have ("" when empty); errors go to `reporter`."""
    if not text:
        return ""
    if key == "value":
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            reporter.error(pos, f"'value' must be a number, not {text!r}", "write plain numbers such as 1000 or 12.5")
            return None
    if key == "tier":
        if text not in ("1", "2"):
            reporter.error(pos, f"'tier' must be one of 1, 2, not {text!r}", ROW_FIELDS[kind]["tier"].doc)
            return None
        return int(text)
    problem = ROW_FIELDS[kind][key].check(text)
    if problem:
        reporter.error(pos, f"'{key}' {problem}", ROW_FIELDS[kind][key].doc)
    return text


def _row(kind: str, values: dict[str, Any], pos: Pos, at: Any, reporter: Reporter) -> Row | None:
    label = str(values.get("label") or "")
    if kind in ("bar", "line"):
        value = float(values["value"])
        if kind == "bar" and value < 0:
            reporter.error(
                at("value") if at else pos, "bar values must be zero or more", "use a line chart for changes"
            )
            return None
        return Datum(label, value, values["series"] or "", values["qualifier"] or "", values["note"] or "", pos)
    if kind == "timeline":
        return Event(dt.date.fromisoformat(values["date"]), label, pos)
    iso3 = _country(values["country"], at("country") if at else pos, reporter)
    if not iso3:
        return None
    return Place(iso3, geo.world().by_iso3(iso3).name, int(values["tier"]), label, pos)


def _country(name: str, pos: Pos, reporter: Reporter) -> str:
    country = geo.lookup(name)
    if country is None:
        reporter.error(pos, f"unknown country '{name}' for the regional map", geo.suggestion(name))
        return ""
    return country.iso3
