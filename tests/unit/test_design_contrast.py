"""design.contrast: WCAG contrast and the one colour-mixing rule; the brand's drawn colour
pairs below 4.5:1 warned at the key to change; a dark band without a light logo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from briefgen.design import contrast as c
from briefgen.errors import Pos, Reporter

GOOD = {"primary": "#0F2C4C", "accent": "#8A5A00", "text": "#1A1A1A", "muted": "#555555", "panel": "#EEF2F6"}


def at(key: str) -> Pos:
    return Pos("brand.yaml", len(key))  # a line per key, so the test can see which key was named


def test_contrast_runs_from_1_to_21_and_is_symmetric() -> None:
    assert c.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert c.contrast("#777777", "#777777") == pytest.approx(1.0)
    assert c.contrast("#0F2C4C", "#EEF2F6") == pytest.approx(c.contrast("#EEF2F6", "#0F2C4C"))


def test_mix_moves_each_channel_the_given_share_of_the_way() -> None:
    assert c.mix("#000000", "#FFFFFF", 0.5) == "#808080"  # 127.5 rounds to even 128
    assert c.mix("#102030", "#102030", 0.7) == "#102030"
    assert c.mix("FF0000", "0000FF", 0.0) == "#FF0000"  # a leading '#' is optional
    assert c.lighten("#204060", 1.0) == "#FFFFFF"


def test_is_dark_tells_bands_that_need_white_text() -> None:
    assert c.is_dark("#0F2C4C") and not c.is_dark("#F5E6A0")


def test_a_readable_brand_with_a_dark_logo_variant_is_quiet() -> None:
    reporter = Reporter()
    c.check_brand(GOOD, True, at, reporter)
    assert reporter.diagnostics == []


def test_a_pale_text_colour_is_warned_at_its_key_with_the_ratio() -> None:
    reporter = Reporter()
    c.check_brand({**GOOD, "text": "#BBBBBB"}, True, at, reporter)
    warnings = [str(d) for d in reporter.diagnostics]
    assert warnings and all("colors.text" in w for w in warnings)
    assert reporter.diagnostics[0].pos == at("colors.text")
    ratio = f"{c.contrast('#BBBBBB', '#FFFFFF'):.2f}:1"
    assert any(ratio in w and "below 4.5:1" in w for w in warnings)
    assert not reporter.errors  # legibility is a warning, never a failed build


def _logo(tmp_path: Path, colour: tuple[int, int, int]) -> Path:
    path = tmp_path / f"logo-{colour[0]}.png"
    img = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    img.paste((*colour, 255), (5, 5, 35, 15))
    img.save(path)
    return path


def test_a_dark_band_wants_a_light_logo_unless_the_one_logo_reads_on_it(tmp_path: Path) -> None:
    dark, light = _logo(tmp_path, (10, 20, 30)), _logo(tmp_path, (250, 250, 250))
    assert c.logo_reads_on(light, GOOD["primary"]) and not c.logo_reads_on(dark, GOOD["primary"])
    for logo, warned in ((dark, True), (light, False), (None, True)):
        reporter = Reporter()
        c.check_brand(GOOD, False, at, reporter, logo)
        assert any("logo_on_dark" in str(d) for d in reporter.diagnostics) is warned, logo


def test_an_unreadable_logo_does_not_count_as_reading_on_the_band(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    assert c.logo_reads_on(bad, "#000000") is False
