"""Registering the brand's TTF fonts with reportlab (embedded and subset by reportlab)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..brand import FontSet, Theme


@dataclass(frozen=True)
class FontNames:
    """reportlab names of one family; `regular` doubles as the family name for <b>/<i>."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@dataclass(frozen=True)
class BrandFonts:
    body: FontNames
    heading: FontNames
    symbols: str | None
    mono: str


def _family(fonts: FontSet) -> FontNames:
    tag = hashlib.sha1(str(fonts.regular).encode()).hexdigest()[:8]
    names = FontNames(*(f"bg{tag}-{v}" for v in ("R", "B", "I", "BI")))
    for name, path in zip(
        (names.regular, names.bold, names.italic, names.bold_italic),
        (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic),
        strict=True,
    ):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(names.regular, 0, 0, names.regular)
    addMapping(names.regular, 1, 0, names.bold)
    addMapping(names.regular, 0, 1, names.italic)
    addMapping(names.regular, 1, 1, names.bold_italic)
    return names


_LAZY: dict[str, Path] = {}


def _single(path: Path) -> str:
    """The reportlab name for a one-face font; registered only when `ensure` is called,
    as most documents never use the code or symbol font (and parsing one costs 4 ms)."""
    name = "bgone-" + hashlib.sha1(str(path).encode()).hexdigest()[:8]
    _LAZY.setdefault(name, path)
    return name


def ensure(name: str) -> str:
    """Register `name` if it is a lazily named font; returns it, for use in markup."""
    path = _LAZY.get(name)
    if path is not None and name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def register(theme: Theme) -> BrandFonts:
    """Register the brand's fonts once; code falls back to the body font, never to Courier."""
    body = _family(theme.fonts)
    fonts = BrandFonts(
        body=body,
        heading=_family(theme.heading_fonts),
        symbols=_single(theme.symbols) if theme.symbols else None,
        mono=_single(theme.mono) if theme.mono else body.regular,
    )
    return fonts
