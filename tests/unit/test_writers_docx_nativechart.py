"""writers.docx.nativechart: a `docx: native` chart as a DrawingML chart part with cached
values and formulas into the embedded workbook, bars or lines in the brand's colours,
labels in the picture's number format, and the axis caption saying what is counted."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import NS, xp
from lxml import etree

from briefgen.charts import values
from briefgen.charts.spec import ChartSpec, Datum
from briefgen.model import nodes as m
from briefgen.writers.docx.chartbook import table, value_format
from briefgen.writers.docx.nativechart import BOOK_PART, CHART_PART, add_chart
from briefgen.writers.docx.package.ooxml import el

RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"


def native(theme: Any, spec: ChartSpec) -> tuple[Any, Any, Any]:
    """(the run's paragraph, the chart part's XML, the chart part) of `spec` added to a fresh document."""
    c = docxkit.ctx(theme)
    p = el("w:p")
    add_chart(p, m.Chart(spec, "Alt words"), c, 5_000_000, 4_000_000)
    rid = xp(p, ".//c:chart/@r:id")[0]
    part = c.docx.part.related_parts[rid]
    return p, part.element, part


def test_the_chart_is_an_inline_frame_related_to_its_part_and_workbook(theme: Any) -> None:
    spec = ChartSpec("bar", (Datum("A", 3), Datum("B", 4)), docx="native")
    p, chart, part = native(theme, spec)
    assert xp(p, ".//wp:docPr/@descr") == ["Alt words"]
    assert int(xp(p, ".//wp:extent/@cx")[0]) == 5_000_000 and 0 < int(xp(p, ".//wp:extent/@cy")[0]) <= 4_000_000
    assert str(part.partname) == CHART_PART % 1
    book_rid = xp(chart, "c:externalData/@r:id")[0]
    book = part.related_parts[book_rid]
    assert str(book.partname) == BOOK_PART % 1 and book.blob[:2] == b"PK"


def test_bars_cache_their_values_and_point_into_the_sheet(theme: Any) -> None:
    spec = ChartSpec("bar", (Datum("North", 64, "USD"), Datum("South", 12.5, "USD")), unit="million", docx="native")
    _, chart, _ = native(theme, spec)
    [ser] = xp(chart, ".//c:barChart/c:ser")
    assert xp(chart, ".//c:barChart/c:barDir/@val") == ["bar"]
    assert xp(ser, "c:cat//c:f/text()") == [table(spec).label_range()]
    assert xp(ser, "c:cat//c:pt/c:v/text()") == ["North", "South"]
    assert xp(ser, "c:val//c:pt/c:v/text()") == ["64", "12.5"]
    assert xp(ser, "c:tx//c:v/text()") == [values.series_name("USD")]
    code = value_format([64, 12.5], "million", "USD")
    assert set(xp(ser, "c:dLbls//c:numFmt/@formatCode")) == {code}
    assert xp(chart, ".//c:valAx/c:title//a:t/text()") == [values.axis_caption("million", ["USD"])]


def test_vertical_bars_are_columns_and_horizontal_ones_read_top_down(theme: Any) -> None:
    rows = (Datum("A", 3), Datum("B", 4))
    _, col, _ = native(theme, ChartSpec("bar", rows, orientation="vertical", docx="native"))
    _, bar, _ = native(theme, ChartSpec("bar", rows, docx="native"))
    assert xp(col, ".//c:barDir/@val") == ["col"] and xp(col, ".//c:catAx/c:scaling/c:orientation/@val") == ["minMax"]
    assert xp(bar, ".//c:catAx/c:scaling/c:orientation/@val") == ["maxMin"]


def test_two_currencies_are_two_series_in_two_colours_with_a_legend(theme: Any) -> None:
    spec = ChartSpec("bar", (Datum("A", 3, "USD"), Datum("B", 4, "EUR")), docx="native")
    _, chart, _ = native(theme, spec)
    sers = xp(chart, ".//c:ser")
    colours = [xp(s, "c:spPr/a:solidFill/a:srgbClr/@val")[0] for s in sers]
    assert len(sers) == 2 and colours[0] != colours[1]
    assert xp(chart, "c:chart/c:legend")
    assert "not converted" in "".join(xp(chart, ".//c:valAx/c:title//a:t/text()"))


def test_a_line_labels_its_last_point_and_a_qualified_value_gets_static_text(theme: Any) -> None:
    rows = (Datum("2020", 1), Datum("2021", 2), Datum("2022", 5, qualifier="more than"))
    _, chart, _ = native(theme, ChartSpec("line", rows, docx="native"))
    [ser] = xp(chart, ".//c:lineChart/c:ser")
    assert xp(ser, "c:dLbls/c:showVal/@val") == ["0"]  # no label on every point
    [last] = xp(ser, "c:dLbls/c:dLbl")
    assert xp(last, "c:idx/@val") == ["2"] and xp(last, "c:dLblPos/@val") == ["r"]
    assert xp(last, ".//a:t/text()") == [values.amount(5, "", "", "more than")]


def test_the_chart_part_declares_no_namespace_it_does_not_use(theme: Any) -> None:
    _, chart, _ = native(theme, ChartSpec("bar", (Datum("A", 1),), docx="native"))
    declared = set(chart.nsmap.values())
    used = {etree.QName(e).namespace for e in chart.iter()} | {
        etree.QName(a).namespace for e in chart.iter() for a in e.attrib if "}" in a
    }
    assert declared <= used | {NS["r"]}
