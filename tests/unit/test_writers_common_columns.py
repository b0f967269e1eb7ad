"""writers.common.columns: a data table's column widths and printable cells, one plan for both writers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.fonts.fontfile import advances
from briefgen.model import nodes as m
from briefgen.model.walk import plain
from briefgen.writers.common.columns import CELL_PAD, NBSP, SHY, CellFonts, lay_out

FONTS_DIR = Path(__file__).resolve().parents[2] / "briefgen" / "fonts"
FONTS = CellFonts(FONTS_DIR / "NotoSans-Bold.ttf", FONTS_DIR / "NotoSans-Regular.ttf", 8.6)


def cell(text: str) -> m.Cell:
    return m.Cell((m.Text(text),))


def table(header: list[str], *rows: list[str]) -> m.Table:
    return m.Table((tuple(map(cell, header)),), tuple(tuple(map(cell, r)) for r in rows))


def width(text: str, font: Path = FONTS.body) -> float:
    units, advance = advances(font)
    return sum(advance.get(ord(ch), units // 2) for ch in text if ch != SHY) * FONTS.size / units


def texts(rows: tuple[tuple[m.Cell, ...], ...]) -> list[list[str]]:
    return [[plain(c.children) for c in row] for row in rows]


NOTE = "A long note about the state of affairs that goes on and on and on"


def test_widths_fill_the_table_and_the_wordy_column_gets_the_most() -> None:
    cols = lay_out(
        table(["Country", "Border", "Note"], ["Aland", "1,135 km", NOTE], ["Bland", "40 %", "short"]), 400, FONTS
    )
    assert sum(cols.widths) == pytest.approx(400)
    assert cols.widths[2] == max(cols.widths)
    assert cols.loose == frozenset()
    # Each column is at least as wide as its longest word, padding included.
    assert cols.widths[0] >= width("Country", FONTS.head) + CELL_PAD
    assert cols.widths[1] >= width(f"1,135{NBSP}km") + CELL_PAD


def test_numbers_are_glued_to_their_units_but_not_to_ordinary_words() -> None:
    cols = lay_out(table(["A"], ["1,135 km and 12 per km² or 3 of them, 40 %"]), 300, FONTS)
    assert texts(cols.rows) == [[f"1,135{NBSP}km and 12{NBSP}per{NBSP}km² or 3 of them, 40{NBSP}%"]]


def test_a_word_wider_than_its_column_gets_soft_hyphens() -> None:
    cols = lay_out(table(["X", "Y"], ["Internationalisation", "a"]), 60, FONTS)
    ((word, _),) = texts(cols.rows)
    assert word.replace(SHY, "") == "Internationalisation" and SHY in word
    assert sum(cols.widths) == pytest.approx(60) and cols.loose == frozenset()


def test_a_piece_that_still_does_not_fit_is_reported_loose() -> None:
    cols = lay_out(table(["X"], ["Pneumonoultramicroscopicsilicovolcanoconiosis"]), 30, FONTS)
    assert cols.loose == frozenset({(1, 0)})  # (row counting the header, column)


def test_code_spans_and_the_header_stay_as_typed() -> None:
    t = m.Table(((cell("Unit"),),), ((m.Cell((m.Code("12 km"), m.Text(" or 12 km"))),),))
    cols = lay_out(t, 200, FONTS)
    assert cols.rows[0][0].children == (m.Code("12 km"), m.Text(f" or 12{NBSP}km"))
    assert cols.header == t.header


def test_an_empty_table_gets_one_column_and_small_tables_share_the_width() -> None:
    cols = lay_out(m.Table((), ()), 100, FONTS)
    assert cols.widths == pytest.approx((100,))
    cols = lay_out(table(["A", "B", "C"], ["1", "2", "3"]), 90, FONTS)
    assert len(cols.widths) == 3 and sum(cols.widths) == pytest.approx(90)


def test_a_remembered_width_is_the_text_s_own_in_its_font_and_size() -> None:
    from briefgen.writers.common.columns import text_width

    # Widths are remembered per process by (text, font, size): each key keeps its own.
    for _ in range(2):
        assert text_width("Wide words", FONTS.body, FONTS.size) == pytest.approx(width("Wide words"))
        assert text_width("Wide words", FONTS.head, FONTS.size) == pytest.approx(width("Wide words", FONTS.head))
        assert text_width("Wide words", FONTS.body, 2 * FONTS.size) == pytest.approx(2 * width("Wide words"))
    assert text_width("Wide words", FONTS.head, FONTS.size) != text_width("Wide words", FONTS.body, FONTS.size)
    assert text_width("a\u00adb", FONTS.body, FONTS.size) == text_width("ab", FONTS.body, FONTS.size)
