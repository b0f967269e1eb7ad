"""Registering the brand's TTF fonts with reportlab (embedded and subset by reportlab).

Faces are named up front but parsed only when reportlab first asks for one: a report
uses four of the ten faces a brand declares (the italics, the code font and the symbol
fallback are often unused), and parsing a face costs some 5 ms in every process.
reportlab asks for a font by name through `pdfmetrics.getFont`; briefgen's lookup hook
(`libs.rl_internals.hook_font_lookup`) is where a named face is parsed and registered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.design.theme import FontSet, Theme
from briefgen.libs.rl_internals import hook_font_lookup


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
        _LAZY.setdefault(name, path)
    _FAMILIES[names.regular] = names
    _map(names)
    return names


def _map(names: FontNames) -> None:
    """<b> and <i> within the family name pick these faces."""
    addMapping(names.regular, 0, 0, names.regular)
    addMapping(names.regular, 1, 0, names.bold)
    addMapping(names.regular, 0, 1, names.italic)
    addMapping(names.regular, 1, 1, names.bold_italic)


_LAZY: dict[str, Path] = {}
_FAMILIES: dict[str, FontNames] = {}


def _find_lazily(name: str) -> object | None:
    path = _LAZY.get(name)
    if path is None:
        return None  # not one of ours: reportlab's own lookup
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    # Registering a TrueType face maps its name as a family of one face, which would
    # undo the family's bold and italic: restore them.
    if name in _FAMILIES:
        _map(_FAMILIES[name])
    return font


hook_font_lookup(_find_lazily)


def _single(path: Path) -> str:
    name = "bgone-" + hashlib.sha1(str(path).encode()).hexdigest()[:8]
    _LAZY.setdefault(name, path)
    for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):  # one face, whatever the markup
        addMapping(name, bold, italic, name)
    return name


def register(theme: Theme) -> BrandFonts:
    """Name the brand's fonts (parsed on first use); code falls back to the body font, never to Courier."""
    body = _family(theme.fonts)
    return BrandFonts(
        body=body,
        heading=_family(theme.heading_fonts),
        symbols=_single(theme.symbols) if theme.symbols else None,
        mono=_single(theme.mono) if theme.mono else body.regular,
    )
