"""The brand's fonts inside the page: each face subset to the page's characters and
embedded as a WOFF2 data URI in an `@font-face` rule.

Families: "Brand Body" and "Brand Heading" (regular, bold, italic, bold italic, as the
theme names them), "Brand Mono" when the page shows code, and "Brand Symbols", the
fallback for characters the text faces lack (only when the page has some). The chart
SVGs name the same families, so their words are set in the brand's fonts too.

A subset keeps every character the page shows (upper-cased too: CSS capitalises the
kickers and labels), plus printable ASCII so that a small edit in `serve` rarely makes a
new one; subsets are remembered per process, by face and characters.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from briefgen.design.theme import Theme
from briefgen.fonts.fontfile import char_map, coverage, font_bytes
from briefgen.fonts.register import BrandFonts
from briefgen.fonts.ttfsubset import subset_ttf
from briefgen.fonts.woff2 import woff2
from briefgen.model.memo import Memo

ASCII = frozenset(range(0x20, 0x7F))
_TAG = re.compile(r"<[^>]*>")
_STYLES = (
    ("regular", 400, "normal"),
    ("bold", 700, "normal"),
    ("italic", 400, "italic"),
    ("bold_italic", 700, "italic"),
)

# A writer's per-process memo (as the DOCX writer keeps its font subsets).
_SUBSETS: Memo[str] = Memo("web font subsets", 64)


def characters(markup: str) -> frozenset[int]:
    """Every character the page's markup shows as text, in both cases, plus printable ASCII."""
    text = html.unescape(_TAG.sub(" ", markup))
    return frozenset(ord(c) for c in set(text + text.upper()) if c >= " ") | ASCII


def _uri(path: Path, chars: frozenset[int]) -> str:
    def make() -> str:
        packed = woff2(subset_ttf(font_bytes(path), chars, char_map(path)))
        return "data:font/woff2;base64," + base64.b64encode(packed).decode()

    return _SUBSETS.once((path, chars), make)


def _face(family: str, path: Path, weight: int, style: str, chars: frozenset[int]) -> str:
    used = chars & coverage(path)
    return (
        f"@font-face {{ font-family: '{family}'; src: url({_uri(path, used)}) format('woff2');"
        f" font-weight: {weight}; font-style: {style}; font-display: swap; }}"
    )


def font_faces(theme: Theme, chars: frozenset[int], *, mono: bool) -> str:
    """The `@font-face` rules of the page's faces, each subset to `chars`."""
    rules = []
    for family, fontset in (("Brand Body", theme.fonts), ("Brand Heading", theme.heading_fonts)):
        for attr, weight, style in _STYLES:
            rules.append(_face(family, getattr(fontset, attr), weight, style, chars))
    if mono and theme.mono:
        rules.append(_face("Brand Mono", theme.mono, 400, "normal", chars))
    covered = coverage(theme.fonts.regular) & coverage(theme.heading_fonts.regular)
    if theme.symbols and chars - covered:
        rules.append(_face("Brand Symbols", theme.symbols, 400, "normal", chars - covered | ASCII))
    return "\n".join(rules)


def svg_fonts(fonts: BrandFonts) -> dict[str, str]:
    """reportlab's names of the chart faces → the CSS the chart SVGs use instead."""
    return {
        fonts.heading.regular: "font-family: var(--font-heading); font-weight: 400",
        fonts.heading.bold: "font-family: var(--font-heading); font-weight: 700",
    }
