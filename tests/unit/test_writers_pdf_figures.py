"""writers.pdf.figures: images and charts numbered together and captioned "Figure N",
kept with their caption; a chart's source under it; a locator inset unnumbered; an image
too small to print an error at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfkit
import pytest
from PIL import Image as PILImage
from reportlab.platypus import Image, KeepTogether

from briefgen.charts.spec import ChartSpec, Datum
from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.writers.pdf import figures
from briefgen.writers.pdf.vector import Vector


def picture(tmp_path: Path, size: tuple[int, int]) -> Path:
    path = tmp_path / f"p{size[0]}x{size[1]}.png"
    PILImage.new("RGB", size, (10, 90, 160)).save(path)
    return path


def test_an_image_is_numbered_captioned_and_kept_with_its_caption(theme: Any, tmp_path: Path) -> None:
    r = pdfkit.renderer(theme)
    path = picture(tmp_path, (300, 200))
    fig = m.Figure(path, (m.Text("The route"),), "alt", 300, 200)
    keep, _ = figures.figure(fig, r)
    assert isinstance(keep, KeepTogether)
    image, caption = keep._content
    assert isinstance(image, Image) and image.drawWidth <= r.width
    assert caption.text == "<b>Figure 1:</b> The route"
    figures.figure(fig, r)
    assert r.figures == 2
    assert pdfkit.words([keep]) == "Figure 1: The route"


def test_an_image_too_small_to_print_is_an_error_at_its_line(theme: Any, tmp_path: Path) -> None:
    r = pdfkit.renderer(theme)
    path = picture(tmp_path, (3000, 4))
    with pytest.raises(BriefgenError) as caught:
        figures.figure(m.Figure(path, (), "alt", 3000, 4, Pos("sections/a.md", 7)), r)
    assert caught.value.diagnostics[0].pos == Pos("sections/a.md", 7)


def test_a_chart_is_a_vector_figure_with_anchor_caption_and_source(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    r.figures = 1  # numbered after an image before it
    spec = ChartSpec("bar", (Datum("A", 3), Datum("B", 5)), title="Counts & more", source="Unit data")
    keep, _ = figures.chart(m.Chart(spec, "alt", anchor="fig-counts"), r)
    art, caption, source = keep._content
    assert isinstance(art, Vector)
    assert caption.text == '<a name="fig-counts"/><b>Figure 2:</b> Counts &amp; more'
    assert source.text == "Source: Unit data" and r.figures == 2
