"""load.brand: `brand.yaml` read into a typed `Theme`: defaults filled (the shipped fonts
among them), every file it names confined to the project, and each problem reported at
its key's line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from unitkit import BRAND, messages

from briefgen.design.theme import Theme
from briefgen.errors import Reporter
from briefgen.load.brand import DEFAULT_FONTS, load_brand

ARCTIC = (BRAND / "brand.yaml").read_text(encoding="utf-8")


def brand(tmp_path: Path, text: str = ARCTIC) -> tuple[Theme | None, Reporter]:
    root = tmp_path / "project"
    shutil.copytree(BRAND, root / "brand", dirs_exist_ok=True)
    (root / "brand" / "brand.yaml").write_text(text, encoding="utf-8")
    reporter = Reporter()
    return load_brand(root / "brand" / "brand.yaml", root.resolve(), reporter), reporter


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_a_good_brand_becomes_a_typed_theme(tmp_path: Path) -> None:
    theme, reporter = brand(tmp_path)
    assert theme is not None and not reporter.diagnostics, messages(reporter)
    assert theme.name == "Polar Lane Institute" and theme.colors.primary == "#0B2530"
    assert (theme.page_size, theme.page_mm, theme.margins_mm) == ("A4", (210.0, 297.0), (22, 20, 22, 20))
    assert (theme.base_size, theme.summary_size, theme.min_size) == (10.0, 9.0, 8.0)
    assert theme.logo.name == "logo.png" and theme.logo_on_dark is not None
    assert theme.contact.items == ("Route and risk assessments", "Regulatory briefings")


def test_a_brand_naming_no_fonts_gets_the_shipped_faces_for_body_and_headings(tmp_path: Path) -> None:
    theme, _ = brand(tmp_path)
    assert theme is not None
    assert theme.fonts.regular == DEFAULT_FONTS / "NotoSans-Regular.ttf" and theme.fonts.regular.is_file()
    assert theme.heading_fonts == theme.fonts
    assert theme.symbols is not None and theme.symbols.name == "DejaVuSansMono.ttf"


def test_defaults_fill_what_the_brand_leaves_out(tmp_path: Path) -> None:
    text = ARCTIC.replace("page: {size: A4, margins_mm: {top: 22, right: 20, bottom: 22, left: 20}}\n", "")
    text = text.replace("type: {base_size: 10, summary_size: 9, min_size: 8}\n", "")
    text = text.replace('  panel: "#EAF2F3"\n', "")
    theme, reporter = brand(tmp_path, text)
    assert theme is not None, messages(reporter)
    assert theme.margins_mm == (20, 20, 20, 20) and theme.page_size == "A4"
    assert theme.base_size == theme.summary_size == 10.5 and theme.colors.panel == "#EEF2F6"


def test_a_bad_colour_is_an_error_at_its_line_and_no_theme(tmp_path: Path) -> None:
    text = ARCTIC.replace('accent: "#2F7F86"', "accent: teal")
    theme, reporter = brand(tmp_path, text)
    assert theme is None
    [error] = reporter.errors
    assert error.pos.line == line_of(text, "  accent:") and "#0F2C4C" in str(error)


def test_a_font_outside_the_project_is_refused(tmp_path: Path) -> None:
    faces = "".join(f"  {face}: ../../elsewhere.ttf\n" for face in ("regular", "bold", "italic", "bold_italic"))
    theme, reporter = brand(tmp_path, ARCTIC + "fonts:\n" + faces)
    assert theme is None
    assert any(
        "fonts.regular file '../../elsewhere.ttf' is outside the project folder" in m for m in messages(reporter)
    )


def test_a_minimum_size_above_the_body_size_is_an_error(tmp_path: Path) -> None:
    text = ARCTIC.replace("min_size: 8", "min_size: 12")
    theme, reporter = brand(tmp_path, text)
    assert theme is None
    assert [e.pos.line for e in reporter.errors] == [line_of(text, "type:")]
    assert "min_size is larger" in reporter.errors[0].message


def test_a_missing_logo_is_reported_at_the_logo_key(tmp_path: Path) -> None:
    text = ARCTIC.replace("logo: logo.png", "logo: gone.png")
    theme, reporter = brand(tmp_path, text)
    assert theme is None
    assert [(e.pos.line, e.message) for e in reporter.errors] == [
        (line_of(text, "logo:"), "brand logo not found: gone.png")
    ]


def test_a_missing_brand_file_is_one_error(tmp_path: Path) -> None:
    reporter = Reporter()
    assert load_brand(tmp_path / "brand.yaml", tmp_path, reporter) is None
    assert [e.message for e in reporter.errors] == ["brand file not found"]


@pytest.mark.parametrize("size", ["Letter", "A4"])
def test_the_page_size_names_its_millimetres(tmp_path: Path, size: str) -> None:
    theme, _ = brand(tmp_path, ARCTIC.replace("size: A4", f"size: {size}"))
    assert theme is not None and theme.page_mm == {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}[size]
