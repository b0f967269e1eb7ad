"""charts.look: the house style every chart draws through: tints, series colours, readable
text on a fill, and measuring and wrapping text."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen.charts.look import WHITE, Look, luminance, tint
from briefgen.design.system import design_of
from briefgen.errors import Reporter
from briefgen.load.brand import load_brand

REPO = Path(__file__).resolve().parents[2]
NAVY, ORANGE, BLACK, GREY = HexColor("#1f3a5f"), HexColor("#e07b00"), HexColor("#111111"), HexColor("#666666")


def look(**changes: object) -> Look:
    # Helvetica is built into reportlab: measuring needs no font files.
    fields = dict(
        regular="Helvetica",
        bold="Helvetica-Bold",
        primary=NAVY,
        accent=ORANGE,
        text=BLACK,
        muted=GREY,
        panel=HexColor("#f2f2f2"),
        grid=HexColor("#dddddd"),
        axis=HexColor("#888888"),
        title_size=11.0,
        label_size=8.0,
        small_size=7.0,
    )
    return Look(**{**fields, **changes})  # type: ignore[arg-type]


def test_tint_runs_from_the_colour_to_white() -> None:
    assert tint(NAVY, 0).hexval() == NAVY.hexval()
    assert tint(NAVY, 1).hexval() == WHITE.hexval()
    half = tint(NAVY, 0.5)
    assert luminance(NAVY) < luminance(half) < luminance(WHITE)


def test_luminance_weights_green_most() -> None:
    assert luminance(WHITE) == pytest.approx(1.0)
    assert luminance(HexColor("#000000")) == 0
    assert luminance(HexColor("#00ff00")) > luminance(HexColor("#ff0000")) > luminance(HexColor("#0000ff"))


def test_series_colours_start_with_the_brand_and_never_repeat_soon() -> None:
    colors = look().series_colors(7)
    hexes = [c.hexval() for c in colors]
    assert len(colors) == 7
    assert hexes[:3] == [NAVY.hexval(), ORANGE.hexval(), GREY.hexval()]
    assert hexes[3] == tint(NAVY, 0.45).hexval() and hexes[5] == tint(NAVY, 0.6).hexval()
    assert len(set(hexes)) == 7
    assert look().series_colors(0) == []


def test_text_on_a_fill_is_white_on_dark_and_the_text_colour_on_light() -> None:
    assert look().on(NAVY) is WHITE
    assert look().on(HexColor("#fafafa")) is BLACK


def test_width_uses_the_label_size_and_the_bold_face() -> None:
    lk = look()
    assert lk.width("Norway") == pytest.approx(stringWidth("Norway", "Helvetica", 8.0))
    assert lk.width("Norway", 11, bold=True) == pytest.approx(stringWidth("Norway", "Helvetica-Bold", 11))
    assert lk.font() == "Helvetica" and lk.font(True) == "Helvetica-Bold"


def test_wrap_breaks_greedily_within_the_width() -> None:
    lk = look()
    text = "the quick brown fox jumps over the lazy dog"
    width = lk.width("the quick brown")
    lines = lk.wrap(text, width)
    assert lines == ["the quick brown", "fox jumps over", "the lazy dog"]
    assert all(lk.width(line) <= width for line in lines)
    assert " ".join(lines) == text


def test_wrap_keeps_an_overlong_word_and_paragraph_breaks() -> None:
    lk = look()
    assert lk.wrap("a Kyrgyzstan b", lk.width("Kyrg")) == ["a", "Kyrgyzstan", "b"]
    assert lk.wrap("one\ntwo", 1000) == ["one", "two"]
    assert lk.wrap("", 100) == [""]


def test_string_carries_the_look() -> None:
    s = look().string(3, 4, "Hi", bold=True, anchor="middle")
    assert (s.x, s.y, s.text, s.fontName, s.fontSize, s.textAnchor) == (3, 4, "Hi", "Helvetica-Bold", 8.0, "middle")
    assert s.fillColor is BLACK
    assert look().leading() == pytest.approx(9.6) and look().leading(10) == pytest.approx(12.0)


def test_look_of_a_brand_takes_its_colours_and_sizes() -> None:
    theme = load_brand(REPO / "templates" / "brand.yaml", REPO, Reporter())
    assert theme is not None
    lk = Look.of(theme, ("R", "B"))
    assert (lk.regular, lk.bold) == ("R", "B")
    design = design_of(theme)
    assert (lk.title_size, lk.label_size, lk.small_size) == (design.chart.title, design.chart.label, design.chart.small)
    assert lk.primary.hexval() == HexColor(design.colors.primary).hexval()
    assert lk.grid.hexval() == HexColor(design.colors.chart_grid).hexval()
