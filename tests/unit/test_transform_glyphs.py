"""transform.glyphs: every character must be in the brand fonts (or the symbol fallback),
and right-to-left text is refused, each at its line."""

from __future__ import annotations

from typing import Any

import pytest
from unitkit import BRAND, messages

from briefgen.errors import Pos, Reporter
from briefgen.model import nodes as m
from briefgen.transform.glyphs import glyph_problems, missing_in, right_to_left

META = m.Meta("T", "", "", "", (), "full", "", "report", "general")
NOT_IN_FONT = "(replace it, or use a brand font that has it)"


@pytest.fixture(scope="module")
def arctic() -> Any:
    """The arctic brand: briefgen's own Noto Sans, with DejaVu Sans Mono for symbols."""
    from briefgen.load.brand import load_brand

    reporter = Reporter()
    loaded = load_brand(BRAND / "brand.yaml", BRAND.parent, reporter)
    assert loaded is not None, messages(reporter)
    return loaded


def para(text: str, line: int) -> m.Paragraph:
    return m.Paragraph((m.Text(text),), Pos("a.md", line))


def problems(arctic: Any, title: str, *blocks: m.Block) -> list[str]:
    doc = m.Document(META, (m.Section("s", title, 1, blocks, Pos("a.md", 1)),))
    return messages(glyph_problems(doc, arctic))


def test_text_the_fonts_can_show_has_no_problems(arctic: Any) -> None:
    assert problems(arctic, "Café – naïve", para("Zürich, Kraków, “quoted” → ☃ 2½ km²\u00ad\u200b", 3)) == []


def test_a_missing_character_is_named_at_its_blocks_line(arctic: Any) -> None:
    assert problems(arctic, "Title", para("ok", 2), para("Beijing 中国", 3)) == [
        f"a.md:3: error: character U+4E2D (CJK UNIFIED IDEOGRAPH-4E2D) in the text is not in the brand font {NOT_IN_FONT}",
        f"a.md:3: error: character U+56FD (CJK UNIFIED IDEOGRAPH-56FD) in the text is not in the brand font {NOT_IN_FONT}",
    ]


def test_titles_code_and_table_rows_are_checked_where_they_are(arctic: Any) -> None:
    table = m.Table(
        ((m.Cell((m.Text("Head"),)),),),
        ((m.Cell((m.Text("fine"),)),), (m.Cell((m.Text("中"),)),)),
        Pos("a.md", 8),
        row_pos=(Pos("a.md", 10), Pos("a.md", 11)),
    )
    found = problems(arctic, "Title 中", m.CodeBlock("x = '中'", pos=Pos("a.md", 6)), table)
    assert [f.split(" (CJK")[0] for f in found] == [
        "a.md:1: error: character U+4E2D",
        "a.md:6: error: character U+4E2D",
        "a.md:11: error: character U+4E2D",
    ]
    assert "in the section title" in found[0]


def test_control_characters_and_right_to_left_text_have_their_own_messages(arctic: Any) -> None:
    assert problems(arctic, "T", para("bell \x07", 4), para("Hebrew שלום עולם here", 5)) == [
        "a.md:4: error: invisible control character U+0007 in the text cannot be printed "
        "(delete it; it is often pasted in from another program)",
        "a.md:5: error: right-to-left text (Hebrew/Arabic) is not supported yet: 'שלום עולם' "
        "(briefgen would set it left to right, reversed; transliterate it, or show it as an image)",
    ]


def test_right_to_left_runs_are_quoted_short() -> None:
    assert right_to_left("plain text") == ""
    assert right_to_left("see مرحبا بالعالم now") == "مرحبا بالعالم"
    long = " ".join(["שלום"] * 20)
    assert len(right_to_left(long)) == 40 and right_to_left(long).endswith("…")


def test_missing_in_lists_each_character_once_sorted(arctic: Any) -> None:
    fonts = (arctic.fonts.regular,)
    assert missing_in("中a中b☃", fonts) == ("☃", "中")
    assert missing_in("中a中b☃", fonts, arctic.symbols) == ("中",)
    assert missing_in("soft\u00adhyphen\ttab", fonts) == ()  # layout characters, not glyphs
