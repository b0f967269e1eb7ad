"""fonts.woff2: a TrueType font packed as WOFF2 that fontTools reads back table for table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefgen.fonts.ttfsubset import subset_ttf
from briefgen.fonts.woff2 import _base128, woff2

FONT = Path(__file__).resolve().parents[2] / "briefgen" / "fonts" / "NotoSans-Regular.ttf"


def test_base128_is_big_endian_with_continuation_bits() -> None:
    assert _base128(0) == b"\x00" and _base128(127) == b"\x7f"
    assert _base128(128) == b"\x81\x00" and _base128(16384) == b"\x81\x80\x00"


def test_the_woff2_holds_the_same_tables_as_the_font() -> None:
    ttlib = pytest.importorskip("fontTools.ttLib")
    ttf = subset_ttf(FONT.read_bytes(), range(0x20, 0x7F))
    packed = woff2(ttf)
    assert packed[:4] == b"wOF2" and len(packed) % 4 == 0 and len(packed) < len(ttf) / 2
    back, plain = ttlib.TTFont(io.BytesIO(packed)), ttlib.TTFont(io.BytesIO(ttf))
    assert back.flavor == "woff2" and sorted(back.keys()) == sorted(plain.keys())
    for tag in ("cmap", "glyf", "hmtx", "name"):
        assert back.getTableData(tag) == plain.getTableData(tag), tag
