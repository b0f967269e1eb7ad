"""The fonts shipped inside briefgen, used by a brand that names none: each face covers
full Latin, Greek and Cyrillic (read with fontTools), their licence ships beside them,
and a brand without `fonts` resolves to them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefgen.errors import Reporter
from briefgen.load.brand import DEFAULT_FONTS, load_brand

FACES = sorted(DEFAULT_FONTS.glob("*.ttf"))
LATIN = [*range(0x20, 0x7F), *range(0xA0, 0x180)]  # Basic Latin, Latin-1, Latin Extended-A
GREEK = [*range(0x391, 0x3A2), *range(0x3A3, 0x3AA), *range(0x3B1, 0x3CA), *range(0x386, 0x38B)]
CYRILLIC = [*range(0x400, 0x460), 0x490, 0x491]  # Russian, Ukrainian, Serbian, Macedonian, ... and Ґ ґ


def test_the_shipped_faces_are_the_ones_the_brand_needs() -> None:
    assert [p.name for p in FACES] == [
        "DejaVuSansMono.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-BoldItalic.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-Regular.ttf",
    ]
    licence = (DEFAULT_FONTS / "LICENSE").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "DejaVu Sans Mono" in licence
    assert sum(p.stat().st_size for p in FACES) < 3_000_000  # the wheel stays small


@pytest.mark.parametrize("face", FACES, ids=lambda p: p.name)
def test_each_face_covers_latin_greek_and_cyrillic(face: Path) -> None:
    cmap = TTFont(str(face), lazy=True).getBestCmap()
    for script, codes in (("Latin", LATIN), ("Greek", GREEK), ("Cyrillic", CYRILLIC)):
        missing = [f"U+{c:04X}" for c in codes if c not in cmap]
        assert missing == [], f"{face.name} lacks {script}: {missing}"


def test_the_fallback_face_has_the_arrows_noto_sans_lacks() -> None:
    mono = TTFont(str(DEFAULT_FONTS / "DejaVuSansMono.ttf"), lazy=True).getBestCmap()
    assert all(ord(c) in mono for c in "→←↑↓⇒≤≥≈∞")


def test_a_brand_without_fonts_uses_the_shipped_ones(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    root = make_project(tmp_path)
    brand = root / "templates" / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    start, end = text.index("fonts:\n"), text.index("page:")
    brand.write_text(text[:start] + text[end:], encoding="utf-8")
    reporter = Reporter()
    theme = load_brand(brand, root, reporter)
    assert reporter.errors == [] and theme is not None
    assert theme.fonts.regular == DEFAULT_FONTS / "NotoSans-Regular.ttf"
    assert theme.heading_fonts == theme.fonts
    assert theme.mono == theme.symbols == DEFAULT_FONTS / "DejaVuSansMono.ttf"
