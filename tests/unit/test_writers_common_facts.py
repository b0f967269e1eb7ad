"""writers.common.facts: one label/value split of a fact table for both writers, measured
with the brand's advance widths."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import nodes as m
from briefgen.writers.common.facts import LABEL_SHARES, FactFonts, _lines, fact_texts, label_share

FONTS = Path(__file__).resolve().parents[2] / "briefgen" / "fonts"
REGULAR = next(FONTS.glob("NotoSans-Regular.ttf"))
BOLD = next(FONTS.glob("NotoSans-Bold.ttf"))
F = FactFonts(BOLD, 9.0, REGULAR, 9.0)


def cell(text: str) -> m.Cell:
    return m.Cell((m.Text(text),))


def test_fact_texts_join_the_value_cells() -> None:
    table = m.Table((), ((cell("Tier"), cell("First"), cell("tier")), (cell("Capital"),)), kind="facts")
    assert fact_texts(table) == (("Tier", "First tier"), ("Capital", ""))


def test_lines_break_greedily_at_spaces() -> None:
    assert _lines("", 100, REGULAR, 9) == 0
    assert _lines("one", 100, REGULAR, 9) == 1
    assert _lines("word " * 40, 100, REGULAR, 9) > 5


def test_a_long_label_gets_a_wider_column_and_ties_go_to_the_narrower() -> None:
    short = (("Tier", "a value that runs on for a good many words across the column"),)
    assert label_share(short, 300, F, 6.0) == LABEL_SHARES[0]
    long = (("Minister of Information and Broadcasting of the interim government", "Someone"),)
    assert label_share(long, 300, F, 6.0) > LABEL_SHARES[0]
