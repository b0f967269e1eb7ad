"""Every text on a coloured band or dark box reads at WCAG AA (4.5:1) against it: the design
chooses a legible colour (`contrast.legible`), for the sample's brand, the Arctic test
project's brand and a brand whose accent would not read on its primary colour.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from briefgen.design.contrast import MINIMUM, contrast, legible
from briefgen.design.system import band_texts, design_of
from briefgen.errors import Reporter

ARCTIC = Path(__file__).resolve().parent / "roots" / "arctic" / "brand"


@pytest.fixture(scope="module")
def arctic() -> Any:
    from briefgen.load.brand import load_brand

    reporter = Reporter()
    loaded = load_brand(ARCTIC / "brand.yaml", ARCTIC.parent, reporter)
    assert loaded is not None, reporter.diagnostics
    return loaded


def _pairs(theme: Any) -> list[tuple[str, str, str]]:
    pairs = band_texts(design_of(theme))
    roles = {what for what, _, _ in pairs}
    # the cover's title, kicker and subtitle, the marking, the bottom line and the table header are all held to it
    assert {"cover_title", "cover_kicker", "cover_subtitle", "marking on the band", "cell_head"} <= roles
    assert any(what.startswith("bottom-line") for what in roles)
    return pairs


@pytest.mark.parametrize("brand", ["sample", "arctic", "hostile"])
def test_every_text_on_a_band_meets_wcag_aa(brand: str, theme: Any, arctic: Any) -> None:
    chosen = {"sample": theme, "arctic": arctic}.get(brand)
    if chosen is None:  # an accent close to the primary: drawn as it is, it would not read
        chosen = replace(theme, colors=replace(theme.colors, accent="#3A4A70", primary="#1F2A44"))
        assert contrast(chosen.colors.accent, chosen.colors.primary) < 2
    low = [(what, fg, bg, round(contrast(fg, bg), 2)) for what, fg, bg in _pairs(chosen) if contrast(fg, bg) < MINIMUM]
    assert low == []


def test_legible_keeps_a_colour_that_reads_and_moves_one_that_does_not() -> None:
    assert legible("#FFFFFF", "#0F2C4C") == "#FFFFFF"
    moved = legible("#B5472B", "#0F2C4C")
    assert moved != "#B5472B" and contrast(moved, "#0F2C4C") >= MINIMUM
    # as little as it takes: one step less would not read
    assert contrast(legible("#B5472B", "#FFFFFF"), "#FFFFFF") >= MINIMUM
    assert legible("#F0F0F0", "#FFFFFF") != "#F0F0F0"  # on a light band, towards black


def test_the_marking_on_the_band_is_the_accent_made_legible(theme: Any) -> None:
    c = design_of(theme).colors
    assert c.marking == theme.colors.accent  # on paper, the brand's own accent
    assert c.marking_on_band == legible(theme.colors.accent, theme.colors.primary)
    assert contrast(theme.colors.accent, theme.colors.primary) < MINIMUM  # why it is needed in the sample
