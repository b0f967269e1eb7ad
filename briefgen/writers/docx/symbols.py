"""The symbol fallback in the DOCX: characters the text fonts lack (arrows, ≠ …) are set
in the brand's symbol font, as the PDF sets them (`writers/pdf/inline.py`).

Without it Word and LibreOffice pick a fallback of their own for such a character, or
draw a box; with it the run names the symbol family, which `package/embedfonts.py`
embeds like the brand's other fonts.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefgen.design.theme import Theme
from briefgen.fonts.fontfile import coverage


@lru_cache(maxsize=8)
def _fallback(symbols: Path, body: Path, heading: Path) -> frozenset[int]:
    # A character either text font lacks: a run does not know which of the two sets it.
    return coverage(symbols) - (coverage(body) & coverage(heading))


def fallback_chars(theme: Theme) -> frozenset[int]:
    """The code points a DOCX run sets in the symbol font (none without one)."""
    if theme.symbols is None:
        return frozenset()
    return _fallback(theme.symbols, theme.fonts.regular, theme.heading_fonts.regular)


def pieces(text: str, fallback: frozenset[int]) -> list[tuple[str, bool]]:
    """`text` cut where it changes between the text fonts and the symbol font:
    (piece, in the symbol font)."""
    if fallback.isdisjoint(map(ord, text)):
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    for ch in text:
        symbol = ord(ch) in fallback
        if out and out[-1][1] == symbol:
            out[-1] = (out[-1][0] + ch, symbol)
        else:
            out.append((ch, symbol))
    return out
