"""The chart rules no single key's check can see: keys that mean nothing for the chart's type,
a locator's countries, a country listed twice on a map, and what a native Word chart cannot hold.
"""

from __future__ import annotations

from typing import Any

from briefgen import geo
from briefgen.charts.spec import LOCATOR_KEYS, Datum, Place, Row
from briefgen.charts.specfields import SPEC_FIELDS
from briefgen.errors import Pos, Reporter


def check_keys(kind: str, data: dict[str, Any], at: Any, reporter: Reporter) -> None:
    """Keys that are valid YAML but mean nothing for this type of chart."""
    if data["orientation"] is not None and kind != "bar":
        reporter.error(at("orientation"), f"'orientation' applies to bar charts, not {kind}", "remove it")
    if data["focus"] is not None and kind != "map":
        reporter.error(at("focus"), f"'focus' applies to map and locator charts, not {kind}", "remove it")
    if data["context"] is not None:
        reporter.error(at("context"), f"'context' applies to locator charts, not {kind}", "remove it")
    if data["docx"] == "native" and kind not in ("bar", "line"):
        reporter.error(at("docx"), f"'docx: native' applies to bar and line charts, not {kind}", "use docx: picture")


def check_native(rows: list[Row], reporter: Reporter) -> None:
    """A native Word chart is a table of labels × series: each cell can hold one value only."""
    first: dict[tuple[str, str], Pos] = {}
    for row in rows:
        if not isinstance(row, Datum):
            continue
        if (row.label, row.series) not in first:  # by key: rows may share one position object
            first[row.label, row.series] = row.pos
        else:
            where = f" in series '{row.series}'" if row.series else ""
            reporter.error(
                row.pos,
                f"docx: native cannot show a second value for '{row.label}'{where} (first at {first[row.label, row.series]})",
                "give each row its own label or series, or use docx: picture",
            )


def locator_countries(
    raw: Any, data: dict[str, Any], at: Any, pos: Pos, reporter: Reporter, context: str
) -> tuple[str, str]:
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


def check_map_rows(rows: list[Row], reporter: Reporter) -> None:
    """A country listed twice on a regional map."""
    first: dict[str, Pos] = {}
    for row in rows:
        if not isinstance(row, Place):
            continue
        if first.setdefault(row.iso3, row.pos) is not row.pos:
            reporter.error(row.pos, f"{row.name} is listed twice (first at {first[row.iso3]})", "keep one row")
