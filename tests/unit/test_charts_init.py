"""charts (the package): parsing and checking need neither reportlab's graphics nor Pillow;
`drawing` and `png` are looked up only when a writer first asks for them."""

from __future__ import annotations

import pytest

import briefgen.charts as charts


def test_the_drawing_entry_points_are_the_modules_own_functions() -> None:
    from briefgen.charts.draw import drawing
    from briefgen.charts.raster import png

    assert charts.drawing is drawing and charts.png is png


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="nothing_here"):
        charts.nothing_here  # noqa: B018


def test_the_exports_are_what_writers_and_the_parser_use() -> None:
    assert set(charts.__all__) == {"ChartSpec", "alt_text", "drawing", "parse_spec", "png"}
