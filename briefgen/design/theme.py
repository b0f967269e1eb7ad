"""The loaded brand as typed values: what `brand.yaml` says, checked, with paths resolved.

`load/brand.py` reads the file into a `Theme`; `design/system.py` derives every colour,
rule and type size the editions draw from it, once.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from briefgen.errors import Pos
from briefgen.frozen import frozen


@frozen
class FontSet:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@frozen
class Colors:
    primary: str
    accent: str
    text: str
    muted: str
    panel: str


@frozen
class Contact:
    title: str
    text: str
    items: tuple[str, ...]
    email: str
    reply: str


@frozen
class Typography:
    """How the brand sets punctuation (`typography:` in brand.yaml).

    `dash` is "en" (a spaced en dash, "a – b") or "em" (a closed em dash, "a—b");
    `quotes` is four characters: the primary open and close, then the nested pair.
    """

    dash: str = "en"
    quotes: str = "\u201c\u201d\u2018\u2019"


@frozen
class Theme:
    """Everything the brand says about the editions' look. Lengths are in mm or points."""

    name: str
    tagline: str
    logo: Path
    logo_on_dark: Path | None
    colors: Colors
    fonts: FontSet
    heading_fonts: FontSet
    symbols: Path | None
    mono: Path | None
    page_size: str
    page_mm: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    base_size: float
    min_size: float
    summary_size: float
    footer: str
    contact: Contact
    file: Path
    # where `contact:` is written, so an error in the generated contact page points there
    contact_at: Pos = field(default=Pos("brand.yaml"), compare=False)
    typography: Typography = field(default=Typography())
