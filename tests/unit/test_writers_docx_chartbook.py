"""writers.docx.chartbook: a chart's rows as a labels × series table (currencies in
columns of their own, never converted), its formulas and number formats, the frame's
height, and the table as a small, reproducible .xlsx that reads back the same."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from briefgen.charts import values
from briefgen.charts.spec import ChartSpec, Datum
from briefgen.writers.docx import chartbook as cb

MAIN = {"m": cb.MAIN}


def donors() -> ChartSpec:
    rows = (Datum("North", 64, "USD"), Datum("South", 200, "EUR"), Datum("East", 12, "USD"))
    return ChartSpec("bar", rows, unit="million")


def test_each_series_is_a_column_and_a_missing_value_an_empty_cell() -> None:
    rows = (Datum("2020", 1, "A"), Datum("2021", 2, "A"), Datum("2021", 5, "B"))
    data = cb.table(ChartSpec("line", rows))
    assert data.labels == ("2020", "2021") and data.series == ("A", "B")
    assert [[d.value if d else None for d in col] for col in data.cells] == [[1, 2], [None, 5]]
    assert not data.one_each


def test_one_value_per_label_keeps_each_currency_together_as_the_bars_do() -> None:
    data = cb.table(donors())
    assert data.labels == ("North", "East", "South")  # the dollars, then the euros
    assert data.names == (values.series_name("USD"), values.series_name("EUR"))
    assert data.one_each


def test_formulas_point_at_the_sheet_cells() -> None:
    data = cb.table(donors())
    assert data.label_range() == "Sheet1!$A$2:$A$4"
    assert (data.name_cell(1), data.value_range(1)) == ("Sheet1!$C$1", "Sheet1!$C$2:$C$4")


@pytest.mark.parametrize(("n", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
def test_column_letters_are_bijective_base_26(n: int, letters: str) -> None:
    assert cb.column(n) == letters


def test_numbers_are_written_with_fifteen_significant_digits() -> None:
    assert (cb.number(64.0), cb.number(12.5), cb.number(0.1 + 0.2)) == ("64", "12.5", "0.3")


def test_the_value_format_writes_the_unit_and_currency_as_the_picture_does() -> None:
    assert cb.value_format([64, 12], "million", "USD") == '"$"#,##0" million";-"$"#,##0" million"'
    assert cb.value_format([12.5], "%", "") == 'General"%";-General"%"'
    # a quote in the unit: close the literal, an escaped quote (\\"), open it again
    positive = '#,##0" a "\\""quoted"\\"" unit"'
    assert cb.value_format([1], 'a "quoted" unit', "") == f"{positive};-{positive}"


def test_horizontal_bars_get_a_row_of_height_per_label() -> None:
    spec = ChartSpec("bar", tuple(Datum(f"L{i}", i + 1) for i in range(4)))
    few, many = cb.table(spec), cb.table(ChartSpec("bar", tuple(Datum(f"L{i}", i + 1) for i in range(8))))
    assert cb.height_pt(spec, many, 400) - cb.height_pt(spec, few, 400) == pytest.approx(4 * 22.0)
    line = ChartSpec("line", spec.rows)
    assert 150 <= cb.height_pt(line, few, 400) - 34 <= 260  # a landscape plot, within its bounds


def test_a_scale_is_fixed_only_when_long_labels_need_room() -> None:
    # 93 on an automatic scale of 0-100 leaves room for its label; a long label needs more
    spec = ChartSpec("bar", (Datum("A", 93), Datum("B", 90, note="plus a very long note about the pledge")))
    data = cb.table(spec)
    assert cb.bar_scale(spec, data, 400, lambda text: 0.0) is None  # labels take no room: automatic
    top, step = cb.bar_scale(spec, data, 400, lambda text: 5.0 * len(text)) or (0, 0)
    assert top > 100 and step > 0 and top / step == int(top / step)
    assert cb.bar_scale(ChartSpec("line", spec.rows), data, 400, len) is None


def test_the_workbook_is_reproducible_and_holds_the_table() -> None:
    data = cb.table(donors())
    book = cb.workbook(data)
    assert book == cb.workbook(cb.table(donors()))
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {cb.ZIP_TIME}
        sheet = etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    head = sheet.xpath("//m:row[@r='1']//m:t/text()", namespaces=MAIN)
    assert head == list(data.names)
    assert sheet.xpath("//m:c[@r='A2']//m:t/text()", namespaces=MAIN) == ["North"]
    assert sheet.xpath("//m:c[@r='B2']/m:v/text()", namespaces=MAIN) == ["64"]
    assert sheet.xpath("//m:c[@r='C2']", namespaces=MAIN) == []  # no euros from North: an empty cell
    assert sheet.xpath("//m:dimension/@ref", namespaces=MAIN) == ["A1:C4"]
