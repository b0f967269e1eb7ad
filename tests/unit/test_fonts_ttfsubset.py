"""fonts.ttfsubset beyond tests/test_ttfsubset.py: which characters are kept, determinism, and what is refused."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefgen.fonts.fontfile import cmap_of, tables
from briefgen.fonts.ttfsubset import DROPPED, subset_ttf

FONTS = Path(__file__).resolve().parents[2] / "briefgen" / "fonts"
DATA = (FONTS / "NotoSans-Regular.ttf").read_bytes()


def test_no_characters_keep_only_notdef() -> None:
    cut = subset_ttf(DATA, [])
    assert cmap_of(cut) == {}
    font = TTFont(io.BytesIO(cut))
    glyf, order = font["glyf"], font.getGlyphOrder()
    assert glyf[order[0]].numberOfContours > 0
    assert all(glyf[name].numberOfContours == 0 for name in order[1:])


def test_characters_the_font_lacks_or_beyond_the_bmp_are_left_out() -> None:
    original = cmap_of(DATA)
    assert ord("漢") not in original
    cut = subset_ttf(DATA, [ord("a"), ord("漢"), 0x1F600, 0x10000])
    assert cmap_of(cut) == {ord("a"): original[ord("a")]}


def test_order_and_repeats_of_the_characters_do_not_matter() -> None:
    one = subset_ttf(DATA, map(ord, "abcabc"))
    two = subset_ttf(DATA, iter([ord("c"), ord("b"), ord("a")]))
    assert one == two
    assert one != subset_ttf(DATA, map(ord, "ab"))


def test_the_subset_is_smaller_and_keeps_every_other_table() -> None:
    cut = subset_ttf(DATA, map(ord, "Hello"))
    assert len(cut) < len(DATA) // 2
    assert set(tables(cut)) == set(tables(DATA)) - DROPPED
    font = TTFont(io.BytesIO(cut))
    assert font["maxp"].numGlyphs == TTFont(io.BytesIO(DATA))["maxp"].numGlyphs
    assert font["head"].indexToLocFormat == 1  # long loca offsets


@pytest.mark.parametrize("tag", [b"head", b"maxp", b"loca", b"cmap", b"post"])
def test_a_font_missing_a_needed_table_is_refused_by_name(tag: bytes) -> None:
    broken = bytearray(DATA)
    count = struct.unpack_from(">H", DATA, 4)[0]
    for i in range(count):
        if DATA[12 + 16 * i : 16 + 16 * i] == tag:
            broken[12 + 16 * i : 16 + 16 * i] = b"zzzz"
    with pytest.raises(ValueError, match=f"^no '{tag.decode()}' table$"):
        subset_ttf(bytes(broken), map(ord, "abc"))
