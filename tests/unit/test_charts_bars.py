"""charts.bars: one bar per row, lengths to scale, value labels as they read, a legend per currency."""

from __future__ import annotations

import pytest
from chartkit import look, of, texts

from briefgen.charts import bars
from briefgen.charts.spec import ChartSpec, Datum


def filled(body: object) -> list:
    """The bars: filled rectangles (the drawing has no other)."""
    return [r for r in of(body.group, "Rect") if r.fillColor is not None]  # type: ignore[attr-defined]


def test_a_horizontal_bar_per_row_with_lengths_to_scale() -> None:
    spec = ChartSpec("bar", (Datum("A", 10, "USD"), Datum("B", 20, "USD"), Datum("C", 5, "EUR")), unit="million")
    body = bars.draw(spec, look(), 400)
    rects = filled(body)
    assert len(rects) == 3
    assert [r.width / rects[1].width for r in rects] == pytest.approx([0.5, 1.0, 0.25])
    assert len({r.height for r in rects}) == 1  # one thickness
    words = texts(body.group)
    for expected in ("A", "B", "C", "$10 million", "$20 million", "€5 million"):
        assert expected in words
    assert "Million, in the currency announced (not converted)" in words


def test_each_currency_gets_its_own_colour_and_legend_entry() -> None:
    lk = look()
    spec = ChartSpec("bar", (Datum("A", 10, "USD"), Datum("B", 20, "USD"), Datum("C", 5, "EUR")))
    body = bars.draw(spec, lk, 400)
    assert [name for name, _c in body.legend] == ["US dollars (USD)", "Euros (EUR)"]
    colours = [r.fillColor.hexval() for r in filled(body)]
    assert colours == [lk.primary.hexval(), lk.primary.hexval(), lk.accent.hexval()]


def test_vertical_bars_grow_upwards_to_scale() -> None:
    spec = ChartSpec("bar", (Datum("A", 10), Datum("B", 20), Datum("C", 5)), orientation="vertical", unit="%")
    body = bars.draw(spec, look(), 400)
    rects = filled(body)
    assert [r.height for r in rects] == pytest.approx([rects[1].height / 2, rects[1].height, rects[1].height / 4])
    assert {"10%", "20%", "5%", "A", "B", "C"} <= set(texts(body.group))
    assert body.legend == [] and body.notes == []


def test_a_lone_big_bar_among_few_is_not_broken() -> None:
    # Breaking needs at least three non-zero bars left to set the scale.
    body = bars.draw(ChartSpec("bar", (Datum("A", 1000), Datum("B", 20), Datum("C", 5))), look(), 400)
    assert body.notes == []
    rects = filled(body)
    assert rects[0].width / rects[1].width == pytest.approx(50)


def test_an_outlier_among_many_is_broken_and_named_in_a_note() -> None:
    rows = (Datum("Big", 1000), Datum("B", 20), Datum("C", 15), Datum("D", 10))
    body = bars.draw(ChartSpec("bar", rows, unit="million"), look(), 400)
    assert body.notes == ["Broken bar, not to scale: Big (1 billion)."]
