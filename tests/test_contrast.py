"""The brand's colour pairs are checked for legibility (WCAG 2 contrast), and a dark band
without a light logo is flagged; both are warnings at the brand key's own line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.design.contrast import contrast, lighten, luminance

BRAND = """name: Test
logo: logo.png
logo_on_dark: logo-white.png
colors:
  primary: "#14284B"
  accent: "#2F7A78"
  text: "#1D232A"
  muted: "#5B6770"
contact:
  title: Contact
"""


def test_the_wcag_formula() -> None:
    assert luminance("#FFFFFF") == pytest.approx(1.0)
    assert luminance("#000000") == 0.0
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#000000") == contrast("#000000", "#FFFFFF")
    # WCAG's own examples: #777777 just fails 4.5:1 on white, #767676 just passes.
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert lighten("#000000", 0.25) == "#404040"


def check(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str], brand: str, *extra: str
) -> tuple[int, str]:
    root = make_project(tmp_path, {"templates/brand.yaml": brand})
    code = main(["check", "-p", str(root), *extra])
    return code, capsys.readouterr().err


def test_a_legible_brand_is_quiet(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    code, err = check(tmp_path, make_project, capsys, BRAND)
    assert code == 0 and err == ""


def test_a_pale_text_colour_is_a_warning_at_its_key(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    code, err = check(tmp_path, make_project, capsys, BRAND.replace('muted: "#5B6770"', 'muted: "#A0A8B0"'))
    assert code == 0  # a warning, not an error
    line = re.search(r"templates/brand.yaml:(\d+): warning: brand colours hard to read: colors.muted on white", err)
    assert line and int(line[1]) == 8, err  # the line of `muted:`
    assert "contrast of 2.41:1, below 4.5:1" in err and "change 'colors.muted'" in err
    code, err = check(tmp_path, make_project, capsys, BRAND.replace('muted: "#5B6770"', 'muted: "#A0A8B0"'), "--strict")
    assert code == 1


def test_a_light_band_fails_white_titles(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    _, err = check(tmp_path, make_project, capsys, BRAND.replace('primary: "#14284B"', 'primary: "#8FB3D9"'))
    assert "templates/brand.yaml:5: warning: brand colours hard to read: white on colors.primary" in err
    assert "logo_on_dark" not in err  # a light band needs no light logo


def test_a_dark_band_without_a_light_logo_is_a_warning(
    tmp_path: Path, make_project: Callable[..., Path], capsys
) -> None:
    _, err = check(tmp_path, make_project, capsys, BRAND.replace("logo_on_dark: logo-white.png\n", ""))
    assert "templates/brand.yaml:2: warning: brand has no 'logo_on_dark'" in err
    assert "add 'logo_on_dark:'" in err


def test_a_light_logo_needs_no_on_dark_variant(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    # The sample's white logo, used as the only logo: it reads on the dark band as it is.
    light = BRAND.replace("logo: logo.png\nlogo_on_dark: logo-white.png\n", "logo: logo-white.png\n")
    _, err = check(tmp_path, make_project, capsys, light)
    assert "logo_on_dark" not in err


def test_the_warning_reaches_build_output(tmp_path: Path, make_project: Callable[..., Path], capsys) -> None:
    root = make_project(tmp_path, {"templates/brand.yaml": BRAND.replace("logo_on_dark: logo-white.png\n", "")})
    assert main(["build", "-p", str(root), "--format", "pdf", "--jobs", "1", "-q"]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "warning: brand has no 'logo_on_dark'" in out.err
