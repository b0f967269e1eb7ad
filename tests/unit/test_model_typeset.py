"""model.typeset: the typesetting rules both writers keep."""

from __future__ import annotations

from briefgen.model.typeset import INVISIBLE, TAB_COLUMNS, drawable


def test_invisible_format_characters_are_left_out_for_drawing() -> None:
    text = "zero\u200bwidth\u200c non\u200djoiner\u2060word\ufeffbom ☃\ufe0f"
    assert drawable(text) == "zerowidth nonjoinerwordbom ☃"


def test_every_invisible_character_is_removed_and_nothing_else() -> None:
    assert drawable("".join(sorted(INVISIBLE))) == ""
    visible = "a\u00ad\u00a0\t\n–b"  # soft hyphen, no-break space, tab, newline, dash: layout, kept
    assert drawable(visible) == visible
    assert len(INVISIBLE) == 21


def test_code_tabs_stop_every_four_columns() -> None:
    assert TAB_COLUMNS == 4
