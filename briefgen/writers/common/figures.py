"""How big a figure prints, and whether that is big enough: one rule for `check` and the PDF writer.

A figure prints at most the text width, 55% of the text height, or 2 pt a pixel. One
that would print under about 1 cm is refused: `check` finds it on the theme's page, and
the PDF writer also in narrower boxes and quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefgen.errors import Diagnostic, Pos

MAX_HEIGHT_SHARE = 0.55
_PT_PER_PX = 72 / 96 * 2
_MM = 72 / 25.4


def printed_size(w_px: int, h_px: int, width_pt: float, height_pt: float) -> tuple[float, float]:
    """(width, height) in points of a figure in a frame `width_pt` × `height_pt`."""
    scale = min(width_pt / w_px, height_pt * MAX_HEIGHT_SHARE / h_px, _PT_PER_PX)
    return w_px * scale, h_px * scale


def too_small(path: Path, size: tuple[float, float], pos: Pos) -> Diagnostic | None:
    """The error for a figure that would print under about 1 cm (24 × 12 pt), or None."""
    if size[0] >= 24 and size[1] >= 12:
        return None
    return Diagnostic(
        pos,
        f"image '{path.name}' would print smaller than 1 cm at page width",
        "crop it, or use a less extreme aspect ratio",
    )


def figure_problems(figures: Iterable[tuple[Path, int, int, Pos]], theme: Any) -> list[Diagnostic]:
    """Figures (path, width px, height px, pos) too small on the theme's page, found by
    `check` as well as by the PDF writer (which also knows narrower boxes and quotes)."""
    page_w, page_h = theme.page_mm
    top, right, bottom, left = theme.margins_mm
    width, height = (page_w - left - right) * _MM, (page_h - top - bottom) * _MM
    found = (too_small(path, printed_size(w, h, width, height), pos) for path, w, h, pos in figures)
    return [d for d in found if d is not None]
