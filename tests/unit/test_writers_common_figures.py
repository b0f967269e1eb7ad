"""writers.common.figures: how big a figure prints (text width, 55% of the text height, at
most 2 pt a pixel) and the refusal of one that would print under about 1 cm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefgen.errors import Pos
from briefgen.writers.common.figures import MAX_HEIGHT_SHARE, figure_problems, printed_size, too_small


def test_a_small_image_prints_at_two_points_a_pixel() -> None:
    assert printed_size(100, 50, 1000, 1000) == (150.0, 75.0)


def test_a_wide_image_is_scaled_to_the_width_and_a_tall_one_to_its_share_of_the_height() -> None:
    w, h = printed_size(4000, 1000, 400, 600)
    assert (w, h) == pytest.approx((400, 100))
    w, h = printed_size(1000, 4000, 400, 600)
    assert h == pytest.approx(600 * MAX_HEIGHT_SHARE) and w == pytest.approx(h / 4)


def test_under_a_centimetre_is_refused_with_the_fix() -> None:
    at = Pos("sections/a.md", 3)
    assert too_small(Path("ok.png"), (24, 12), at) is None
    problem = too_small(Path("img/strip.png"), (500, 11.9), at)
    assert problem is not None and problem.pos == at
    assert problem.message == "image 'strip.png' would print smaller than 1 cm at page width"
    assert "aspect ratio" in problem.hint


def test_check_finds_figures_too_small_on_the_themes_page(theme: Any) -> None:
    figures = [(Path("fine.png"), 800, 600, Pos("a.md", 1)), (Path("sliver.png"), 20000, 10, Pos("a.md", 2))]
    assert [d.pos.line for d in figure_problems(figures, theme)] == [2]
