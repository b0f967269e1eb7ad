"""A ```chart fence's YAML → a checked, frozen `ChartSpec`, or errors at the user's file:line.

Rows come inline (`data:`) or from a `csv:` file read from inside the project only;
every problem names the key or CSV cell to fix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from briefgen import geo
from briefgen.charts.spec import TYPES, ChartSpec, Datum, Event, Place, Row
from briefgen.charts.specchecks import check_keys, check_map_rows, check_native, locator_countries
from briefgen.charts.specfields import ROW_FIELDS, ROW_WHAT, SPEC_FIELDS
from briefgen.charts.values import is_currency
from briefgen.errors import BriefgenError, Pos, Reporter, did_you_mean, relpath
from briefgen.load.files import OUTSIDE_HINT, confine, read_text
from briefgen.load.schema import validate
from briefgen.load.yamlio import YamlList, YamlMap, load_yaml


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
        focus, outlined = locator_countries(raw, data, at, pos, reporter, context)
        reporter.raise_if_errors()
        return ChartSpec(type=kind, rows=(), alt=data["alt"], focus=focus, context=outlined, pos=pos)
    if kind in TYPES:
        check_keys(kind, data, at, reporter)
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
        check_map_rows(rows, reporter)
    if data["docx"] == "native" and kind in ("bar", "line"):
        check_native(rows, reporter)
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
        if text not in {str(n) for n in range(1, 10)}:
            reporter.error(
                pos, f"'tier' must be a whole number from 1 to 9, not {text!r}", ROW_FIELDS[kind]["tier"].doc
            )
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
        series = values["series"] or ""
        if is_currency(series):  # 'usd' and 'USD' are one currency: one series, one legend entry
            series = series.upper()
        return Datum(label, value, series, values["qualifier"] or "", values["note"] or "", pos)
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
