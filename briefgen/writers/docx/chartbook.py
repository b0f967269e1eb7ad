"""A native chart's data: the spec's rows as a labels × series table, and that table as a small .xlsx.

Word's "Edit Data" opens the workbook embedded beside a chart part. The chart's `c:f`
formulas point into it (`Sheet1!$B$2:$B$7`) and its caches hold the same values, so Word
draws the chart without Excel, and Excel edits what Word draws. The workbook is written by
hand (SpreadsheetML: content types, workbook, one sheet of inline strings, minimal styles),
with fixed zip entry times and order, so the same spec always gives the same bytes.

The labels' number format (`value_format`) and the frame's height (`height_pt`) are read off
the table too. Currencies are never converted: each series (a currency code, say) is a column of its own,
and a label without a value in that series is an empty cell, which the chart leaves out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from briefgen.charts import values as fmt
from briefgen.charts.spec import ChartSpec, Datum
from briefgen.writers.docx.text import clean

SHEET = "Sheet1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's epoch: no build time leaks into the workbook
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@dataclass(frozen=True)
class Table:
    """Rows as the chart and its sheet hold them: label `c` of series `s` is `cells[s][c]` (or None)."""

    labels: tuple[str, ...]  # categories in chart order (sheet rows 2…)
    series: tuple[str, ...]  # the spec's series keys ("" for one unnamed series; sheet columns B…)
    names: tuple[str, ...]  # the legend's names: "US dollars (USD)"
    cells: tuple[tuple[Datum | None, ...], ...]

    @property
    def one_each(self) -> bool:
        """Several series, but one value per label (donors each pledging in one currency)."""
        return len(self.series) > 1 and all(
            sum(col[c] is not None for col in self.cells) == 1 for c in range(len(self.labels))
        )

    def label_range(self) -> str:
        return f"{SHEET}!$A$2:$A${len(self.labels) + 1}"

    def name_cell(self, s: int) -> str:
        return f"{SHEET}!${column(s + 1)}$1"

    def value_range(self, s: int) -> str:
        letter = column(s + 1)
        return f"{SHEET}!${letter}$2:${letter}${len(self.labels) + 1}"


def table(spec: ChartSpec) -> Table:
    """The spec's value rows as a table, in the order the picture chart draws them."""
    rows = [r for r in spec.rows if isinstance(r, Datum)]
    series = spec.series
    labels = list(dict.fromkeys(r.label for r in rows))
    if spec.type == "bar" and len(series) > 1 and len(labels) == len(rows):
        # As bars.py does: each label has one series, so each series (currency) stays together.
        labels = [r.label for r in sorted(rows, key=lambda r: series.index(r.series))]
    found = {(r.label, r.series): r for r in rows}
    return Table(
        labels=tuple(labels),
        series=tuple(series),
        names=tuple(fmt.series_name(s) or "Value" for s in series),
        cells=tuple(tuple(found.get((label, s)) for label in labels) for s in series),
    )


def column(n: int) -> str:
    """Spreadsheet column letters for the 0-based column `n`: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def number(value: float) -> str:
    """A value as cell and cache text: 64.0 → "64", 12.5 → "12.5" (15 significant digits, as Excel)."""
    return f"{value:.15g}"


def value_format(values: list[float], unit: str, series: str) -> str:
    """An Excel number format writing values as the picture does: '"$"#,##0" million"', 'General"%"'.

    Whole numbers get thousands separators; others keep their own decimals (General), as
    `values.number` does. The second section puts a minus before the currency symbol.
    """
    before, _zero, after = fmt.amount(0, unit, series).partition("0")
    digits = "#,##0" if all(float(v).is_integer() for v in values) else "General"
    body = _literal(before) + digits + _literal(after)
    return f"{body};-{body}"


def bar_scale(
    spec: ChartSpec, data: Table, width_pt: float, measure: Callable[[str], float]
) -> tuple[float, float] | None:
    """(maximum, step) for a horizontal bar chart's value axis when its value labels would not fit
    beside the bars on an automatic scale; None when they fit. `measure` gives a label's width in points."""
    bars = [row for col in data.cells for row in col if row]
    top = max((row.value for row in bars), default=0.0)
    if spec.type != "bar" or spec.orientation != "horizontal" or top <= 0:
        return None
    plot = width_pt - min(max(measure(label) for label in data.labels), width_pt * 0.4) - 16
    texts = [(row.value, fmt.amount(row.value, spec.unit, row.series, row.qualifier) + f" {row.note}") for row in bars]
    need = max(v * plot / max(plot - measure(text.strip()) - 10, plot * 0.3) for v, text in texts)
    if need <= fmt.ticks(0.0, top)[-1]:
        return None
    ticks = fmt.ticks(0.0, need)
    return ticks[-1], ticks[1] - ticks[0]


def _literal(text: str) -> str:
    """`text` quoted for a number format (a quote inside is written \\")."""
    return '"' + text.replace('"', '"\\""') + '"' if text else ""


def height_pt(spec: ChartSpec, data: Table, width_pt: float) -> float:
    """The chart frame's height: a row per label for horizontal bars, a landscape plot otherwise."""
    legend = 20.0 if len(data.series) > 1 else 0.0
    axis = 34.0  # tick labels and the axis caption
    if spec.type == "bar" and spec.orientation == "horizontal":
        per_label = 22.0 if len(data.series) == 1 or data.one_each else 10.0 * len(data.series) + 10.0
        return legend + axis + 12.0 + per_label * len(data.labels)
    return legend + axis + min(max(width_pt * 0.42, 150.0), 260.0)


# ------------------------------------------------------------------ the workbook
def workbook(data: Table) -> bytes:
    """The table as a minimal .xlsx: labels in column A, one column per series, names in row 1."""
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels([("rId1", f"{DOC_RELS}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": _workbook(),
        "xl/_rels/workbook.xml.rels": _rels(
            [("rId1", f"{DOC_RELS}/worksheet", "worksheets/sheet1.xml"), ("rId2", f"{DOC_RELS}/styles", "styles.xml")]
        ),
        "xl/styles.xml": _styles(),
        "xl/worksheets/sheet1.xml": _sheet(data),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, root in parts.items():  # [Content_Types].xml first, as Office writes it
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    return out.getvalue()


def _el(ns: str, tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    if parent is None:
        return etree.Element(f"{{{ns}}}{tag}", attrs, nsmap={None: ns})
    return etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)


def _content_types() -> etree._Element:
    root = _el(TYPES, "Types")
    _el(
        TYPES, "Default", root, Extension="rels", ContentType="application/vnd.openxmlformats-package.relationships+xml"
    )
    _el(TYPES, "Default", root, Extension="xml", ContentType="application/xml")
    for part, kind in (("workbook", "sheet.main"), ("worksheets/sheet1", "worksheet"), ("styles", "styles")):
        _el(TYPES, "Override", root, PartName=f"/xl/{part}.xml", ContentType=f"{SML}.{kind}+xml")
    return root


def _rels(items: list[tuple[str, str, str]]) -> etree._Element:
    root = _el(RELS, "Relationships")
    for rid, kind, target in items:
        _el(RELS, "Relationship", root, Id=rid, Type=kind, Target=target)
    return root


def _workbook() -> etree._Element:
    root = etree.Element(f"{{{MAIN}}}workbook", nsmap={None: MAIN, "r": DOC_RELS})
    sheets = _el(MAIN, "sheets", root)
    _el(MAIN, "sheet", sheets, name=SHEET, sheetId="1", **{f"{{{DOC_RELS}}}id": "rId1"})
    return root


def _styles() -> etree._Element:
    """One font, the two fills every workbook has, one border and the Normal style."""
    root = _el(MAIN, "styleSheet")
    font = _el(MAIN, "font", _el(MAIN, "fonts", root, count="1"))
    _el(MAIN, "sz", font, val="11")
    _el(MAIN, "name", font, val="Calibri")
    fills = _el(MAIN, "fills", root, count="2")
    for pattern in ("none", "gray125"):
        _el(MAIN, "patternFill", _el(MAIN, "fill", fills), patternType=pattern)
    edge = _el(MAIN, "border", _el(MAIN, "borders", root, count="1"))
    for side in ("left", "right", "top", "bottom", "diagonal"):
        _el(MAIN, side, edge)
    plain = {"numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"}
    _el(MAIN, "xf", _el(MAIN, "cellStyleXfs", root, count="1"), **plain)
    _el(MAIN, "xf", _el(MAIN, "cellXfs", root, count="1"), **plain, xfId="0")
    _el(MAIN, "cellStyle", _el(MAIN, "cellStyles", root, count="1"), name="Normal", xfId="0", builtinId="0")
    return root


def _sheet(data: Table) -> etree._Element:
    root = _el(MAIN, "worksheet")
    last = f"{column(len(data.series))}{len(data.labels) + 1}"
    _el(MAIN, "dimension", root, ref=f"A1:{last}")
    cols = _el(MAIN, "cols", root)
    wide = max((len(label) for label in data.labels), default=10)
    _el(MAIN, "col", cols, min="1", max="1", width=str(min(max(wide + 2, 10), 60)), customWidth="1")
    _el(MAIN, "col", cols, min="2", max=str(len(data.series) + 1), width="20", customWidth="1")
    rows = _el(MAIN, "sheetData", root)
    head = _el(MAIN, "row", rows, r="1")
    for s, name in enumerate(data.names):
        _text_cell(head, f"{column(s + 1)}1", name)
    for c, label in enumerate(data.labels):
        row = _el(MAIN, "row", rows, r=str(c + 2))
        _text_cell(row, f"A{c + 2}", label)
        for s, col in enumerate(data.cells):
            if col[c] is not None:
                cell = _el(MAIN, "c", row, r=f"{column(s + 1)}{c + 2}")
                _el(MAIN, "v", cell).text = number(col[c].value)
    return root


def _text_cell(row: etree._Element, ref: str, text: str) -> None:
    t = _el(MAIN, "t", _el(MAIN, "is", _el(MAIN, "c", row, r=ref, t="inlineStr")))
    t.text = clean(text)
    if t.text != t.text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
