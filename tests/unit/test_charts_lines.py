"""charts.lines: one polyline per series through its points, a line legend, end values labelled."""

from __future__ import annotations

import pytest
from chartkit import look, of, texts

from briefgen.charts import lines
from briefgen.charts.spec import ChartSpec, Datum


def test_one_polyline_per_series_with_a_point_per_row() -> None:
    lk = look()
    rows = (
        Datum("2019", 1, "a"),
        Datum("2020", 3, "a"),
        Datum("2021", 2, "a"),
        Datum("2019", 2, "b"),
        Datum("2021", 2, "b"),
    )
    body = lines.draw(ChartSpec("line", rows, unit="%"), lk, 400)
    polys = of(body.group, "PolyLine")
    assert [len(p.points) // 2 for p in polys] == [3, 2]
    assert [p.strokeColor.hexval() for p in polys] == [lk.primary.hexval(), lk.accent.hexval()]
    assert body.legend_shape == "line" and [n for n, _c in body.legend] == ["a", "b"]
    assert len(of(body.group, "Circle")) == 5
    assert {"2019", "2020", "2021"} <= set(texts(body.group))


def test_higher_values_sit_higher() -> None:
    body = lines.draw(ChartSpec("line", (Datum("x", 1), Datum("y", 3), Datum("z", 2))), look(), 400)
    (poly,) = of(body.group, "PolyLine")
    ys = poly.points[1::2]
    assert ys[0] < ys[2] < ys[1]
    xs = poly.points[0::2]
    assert xs == sorted(xs)
    # Equal steps along the x axis, one per label.
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])


def test_each_series_has_its_own_dash_pattern_in_the_chart_and_the_legend() -> None:
    # No information by colour alone: a greyscale print still tells the lines apart.
    rows = tuple(Datum(year, v, name) for name in "abc" for year, v in (("2019", 1), ("2020", 2)))
    body = lines.draw(ChartSpec("line", rows), look(), 400)
    patterns = [str(p.strokeDashArray) for p in of(body.group, "PolyLine")]
    assert len(set(patterns)) == 3
    assert [str(d) for d in body.legend_dashes] == patterns
