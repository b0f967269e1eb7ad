"""writers.common.linebreak: where a fact value breaks its lines, for both writers: after a
dash set solid, hyphenated only when a word is wider than a line (three letters either
side), a proper noun only as a last resort (and counted), the marks written into the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.model import nodes as m
from briefgen.writers.common.columns import NBSP, SHY
from briefgen.writers.common.linebreak import BREAK, apply, plan

FONT = Path(__file__).resolve().parents[2] / "briefgen" / "fonts" / "NotoSans-Regular.ttf"
ROUTE = "Lisbon–Madrid–Barcelona–Gulf of Lion–Marseille–Genoa"


def _set(text: str, room: float) -> list[str]:
    """`text` as it breaks in `room` points at 8.5 pt: its lines."""
    breaks = plan(text, room, FONT, 8.5)
    out = "".join(
        "\n" if isinstance(n, m.LineBreak) else n.text.replace(SHY, "\u2010")
        for n in apply((m.Text(text),), breaks.marks)
    )
    return out.split("\n")


@pytest.mark.parametrize("room", [60.0, 90.0, 120.0])
def test_a_route_of_proper_nouns_breaks_after_its_dashes_only(room: float) -> None:
    breaks = plan(ROUTE, room, FONT, 8.5)
    assert breaks.capitals == 0 and breaks.overflows == 0
    assert all(kind == BREAK for _, kind in breaks.marks)
    for at, _ in breaks.marks:
        assert ROUTE[at - 1] == "–"  # each forced line end follows a dash
    assert "".join(_set(ROUTE, room)) == ROUTE  # nothing lost, nothing added


def test_a_word_wider_than_its_column_hyphenates_with_three_letters_either_side() -> None:
    for room in (30.0, 45.0, 60.0):
        breaks = plan("internationalisation", room, FONT, 8.5)
        cuts = [at for at, kind in breaks.marks if kind == SHY]
        assert cuts and all(3 <= at <= len("internationalisation") - 3 for at in cuts)
        assert breaks.capitals == 0


def test_a_proper_noun_is_hyphenated_only_when_nothing_else_breaks_and_is_counted() -> None:
    breaks = plan("Internationalisation", 45.0, FONT, 8.5)
    assert breaks.capitals >= 1  # a plan can widen the column instead
    # a figure range stays whole: "2017–2018" is no place to break
    assert [kind for _, kind in plan("2017–2018 and 2019–2020", 40.0, FONT, 8.5).marks] == []


def test_a_number_and_its_unit_never_part() -> None:
    text = f"a border of 1,135{NBSP}km with its neighbour"
    for room in (40.0, 60.0, 90.0):
        breaks = plan(text, room, FONT, 8.5)
        assert all(text[at - 1] != NBSP and text[at] != NBSP for at, _ in breaks.marks)


def test_marks_land_inside_nested_runs_and_spare_code() -> None:
    inlines = (m.Emph((m.Text("Oslo–"),)), m.Text("Bergen–"), m.Code("a–b"), m.Text("Trondheim"))
    out = apply(inlines, ((5, BREAK), (15, BREAK)))
    assert out[0] == m.Emph((m.Text("Oslo–"),))
    assert out[1] == m.LineBreak() and out[2] == m.Text("Bergen–") and out[3] == m.Code("a–b")
    assert apply(inlines, ()) is inlines
