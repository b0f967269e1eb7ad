"""charts.mapdraw: outlines projected onto the page: filled parts, real borders only, dots for specks."""

from __future__ import annotations

import pytest
from chartkit import of

from briefgen import geo
from briefgen.charts import mapdraw
from briefgen.charts.projection import Projection

PROJ = Projection(0.0, 0.0, (-0.2, -0.2, 0.2, 0.2), 100.0)  # 100 × 100 points around (0, 0)
SQUARE = (((-2.0, -2.0), (2.0, -2.0), (2.0, 2.0), (-2.0, 2.0)),)


def test_a_square_on_the_page_is_one_part_with_its_whole_border() -> None:
    drawn = mapdraw.place((SQUARE,), PROJ)
    assert drawn is not None
    assert len(drawn.polygons) == 1 and len(drawn.lines) == 1
    x0, y0, x1, y1 = drawn.bbox
    assert (x0 + x1) / 2 == pytest.approx(50.0) and (y0 + y1) / 2 == pytest.approx(50.0)
    assert drawn.contains((50.0, 50.0)) and not drawn.contains((5.0, 5.0))
    assert drawn.middle == pytest.approx((50.0, 50.0))


def test_a_hole_is_kept_with_its_outline_and_left_out_of_contains() -> None:
    hole = ((-1.0, -1.0), (-1.0, 1.0), (1.0, 1.0), (1.0, -1.0))
    drawn = mapdraw.place(((SQUARE[0], hole),), PROJ)
    assert drawn is not None
    assert len(drawn.polygons) == 1 and len(drawn.polygons[0]) == 2
    assert not drawn.contains((50.0, 50.0))
    x0, _y0, _x1, _y1 = drawn.bbox
    assert drawn.contains((x0 + 1.0, 50.0))


def test_an_outline_off_the_page_is_none() -> None:
    far = (((100.0, 40.0), (104.0, 40.0), (104.0, 44.0), (100.0, 44.0)),)
    assert mapdraw.place((far,), PROJ) is None
    assert mapdraw.country(geo.world().by_iso3("AUS"), PROJ) is None


def test_fill_makes_one_unstroked_path_per_part_and_stroke_one_open_path() -> None:
    drawn = mapdraw.place(
        (
            SQUARE,
            (tuple((x + 6, y) for x, y in SQUARE[0]),),
        ),
        PROJ,
    )
    assert drawn is not None
    group = mapdraw.fill(drawn, "red")
    paths = of(group, "Path")
    assert len(paths) == 2 and all(p.strokeColor is None for p in paths)
    line = mapdraw.stroke(drawn.lines, "blue", 0.5)
    assert line.fillColor is None and line.strokeWidth == 0.5


def test_a_country_too_small_to_see_gets_a_dot_and_a_big_one_none() -> None:
    world = geo.world()
    proj = Projection(7.4, 43.7, (-0.05, -0.05, 0.05, 0.05), 100.0)  # around Monaco
    monaco = mapdraw.country(world.by_iso3("MCO"), proj)
    assert monaco is not None and monaco.country is world.by_iso3("MCO")
    (dot,) = mapdraw.dots(monaco, "red", 1.5)
    assert (dot.r == 1.5 and monaco.contains((dot.cx, dot.cy))) or monaco.size < mapdraw.DOT_BELOW
    france = mapdraw.country(world.by_iso3("FRA"), proj)
    assert france is not None and mapdraw.dots(france, "red", 1.5) == []


def test_hatching_stays_inside_the_area() -> None:
    drawn = mapdraw.place((SQUARE,), PROJ)
    assert drawn is not None
    path = mapdraw.hatch(drawn, "grey", 5.0)
    xs, ys = path.points[0::2], path.points[1::2]
    assert xs and min(xs) >= drawn.bbox[0] - 1e-6 and max(xs) <= drawn.bbox[2] + 1e-6
    assert min(ys) >= drawn.bbox[1] - 1e-6 and max(ys) <= drawn.bbox[3] + 1e-6
