"""writers/docx/symbols.py: which characters a DOCX run sets in the symbol fallback."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from briefgen.writers.docx.symbols import fallback_chars, pieces


def test_the_fallback_holds_what_the_text_fonts_lack(theme: Any) -> None:
    chars = fallback_chars(theme)
    assert ord("\u2192") in chars and ord("\u2260") in chars
    assert ord("a") not in chars and ord("\u2013") not in chars
    assert fallback_chars(replace(theme, symbols=None)) == frozenset()


def test_text_is_cut_where_the_font_changes(theme: Any) -> None:
    chars = fallback_chars(theme)
    assert pieces("a \u2192\u2192 b \u2260", chars) == [
        ("a ", False),
        ("\u2192\u2192", True),
        (" b ", False),
        ("\u2260", True),
    ]
    assert pieces("plain text", chars) == [("plain text", False)]
    assert pieces("a \u2192 b", frozenset()) == [("a \u2192 b", False)]
