"""The TrueType subsetter behind the DOCX's embedded fonts, read back with fontTools."""

from __future__ import annotations

import io
import struct

import pytest
from fontTools.ttLib import TTFont
from support import FONTS

from briefgen.fonts.ttfsubset import subset_ttf

TEXT = "Erdoğan’s €3.5bn — Kabul, Dushanbe; ŞĞÀÉ ﬁ 0123456789"
FACES = sorted(FONTS.glob("*.ttf"))


@pytest.fixture(scope="module", params=FACES, ids=lambda p: p.stem)
def pair(request: pytest.FixtureRequest) -> tuple[TTFont, TTFont, bytes]:
    data = request.param.read_bytes()
    cut = subset_ttf(data, map(ord, TEXT))
    original, subset = TTFont(io.BytesIO(data)), TTFont(io.BytesIO(cut))
    subset.ensureDecompiled()  # every table must parse
    return original, subset, cut


def _ids(font: TTFont) -> dict[int, int]:
    """Code point -> glyph id (glyph names differ: the subset drops them)."""
    return {c: font.getGlyphID(name) for c, name in font.getBestCmap().items()}


def test_the_character_map_holds_exactly_the_kept_characters(pair: tuple[TTFont, TTFont, bytes]) -> None:
    original, subset, _ = pair
    want = {c: g for c, g in _ids(original).items() if chr(c) in TEXT}
    assert _ids(subset) == want
    if ord("Ğ") in original.getBestCmap():  # the text faces, not the symbol fallback
        assert len(want) >= len(set(TEXT)) - 2


def test_outlines_of_kept_glyphs_are_unchanged_and_the_rest_are_empty(pair: tuple[TTFont, TTFont, bytes]) -> None:
    original, subset, _ = pair
    old_order, new_order = original.getGlyphOrder(), subset.getGlyphOrder()
    assert len(new_order) == len(old_order), "glyph ids must not move"
    kept = {g for c, g in _ids(original).items() if chr(c) in TEXT} | {0}
    old, new = original["glyf"], subset["glyf"]
    composites = 0
    for gid in sorted(kept):
        glyph = old[old_order[gid]]
        if glyph.isComposite():  # accented letters are built from their parts: the parts stay
            composites += 1
            kept.update(original.getGlyphID(c.glyphName) for c in glyph.components)
    for gid in kept:
        before, after = old[old_order[gid]], new[new_order[gid]]
        assert after.getCoordinates(new)[0] == before.getCoordinates(old)[0], old_order[gid]
        assert subset["hmtx"][new_order[gid]] == original["hmtx"][old_order[gid]], old_order[gid]
    unused = [gid for gid in range(len(old_order)) if gid not in kept]
    assert unused and all(new[new_order[gid]].numberOfContours == 0 for gid in unused)
    assert all(subset["hmtx"][new_order[gid]][1] == 0 for gid in unused)
    if ord("À") in original.getBestCmap():
        assert composites, "the test text should exercise composite glyphs"


def test_layout_tables_and_glyph_names_are_dropped(pair: tuple[TTFont, TTFont, bytes]) -> None:
    _, subset, _ = pair
    assert not {"GSUB", "GPOS", "GDEF", "DSIG"} & set(subset.keys())
    assert subset["post"].formatType == 3.0
    assert subset["name"].getDebugName(1), "the family name (and the licence records) stay"


def test_checksums_are_valid(pair: tuple[TTFont, TTFont, bytes]) -> None:
    _, _, cut = pair
    padded = cut + b"\0" * (-len(cut) % 4)
    assert sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF == 0xB1B0AFBA
    count = struct.unpack_from(">H", cut, 4)[0]
    for i in range(count):
        tag, checksum, offset, length = struct.unpack_from(">4sIII", cut, 12 + 16 * i)
        blob = bytearray(cut[offset : offset + length] + b"\0" * (-length % 4))
        if tag == b"head":
            blob[8:12] = b"\0\0\0\0"
        assert sum(struct.unpack(f">{len(blob) // 4}I", blob)) & 0xFFFFFFFF == checksum, tag


def test_a_font_without_outlines_is_refused() -> None:
    data = (FONTS / "NotoSans-Regular.ttf").read_bytes()
    count = struct.unpack_from(">H", data, 4)[0]
    broken = bytearray(data)
    for i in range(count):
        if data[12 + 16 * i : 16 + 16 * i] == b"glyf":
            broken[12 + 16 * i : 16 + 16 * i] = b"xxxx"
    with pytest.raises(ValueError, match="glyf"):
        subset_ttf(bytes(broken), map(ord, "abc"))
