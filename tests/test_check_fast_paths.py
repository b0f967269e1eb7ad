"""The shortcuts `check` takes must find exactly what the long way finds.

A plain PNG is measured without Pillow (load/images.py), and a font's coverage is read
without looking up each glyph (fonts/fontfile.py); both fall back to the long way for
anything unusual. No timing here: these tests compare results, and check that `check`
on the sample no longer imports Pillow.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from briefgen.errors import Pos
from briefgen.fonts import fontfile
from briefgen.load import images
from tests.support import ROOT

LOGOS = sorted([*ROOT.glob("templates/*.png"), *ROOT.glob("clients/logos/*.png")])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(w: int, h: int, *extra: bytes, colour: int = 2, depth: int = 8) -> bytes:
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 0))
    row = b"\x00" + b"\x10\x20\x30" * w
    return (
        b"\x89PNG\r\n\x1a\n" + header + b"".join(extra) + _chunk(b"IDAT", zlib.compress(row * h)) + _chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("logo", LOGOS, ids=lambda p: p.name)
def test_plain_png_size_is_pillows(logo: Path) -> None:
    from PIL import Image

    with Image.open(logo) as img:
        expected = img.size
    assert images._plain_png(logo) == expected
    assert images.check_image(logo.name, logo.parent, ROOT, Pos("x")) == (logo.resolve(), *expected)


def test_plain_png_takes_a_made_file_and_text_chunks(tmp_path: Path) -> None:
    path = tmp_path / "ok.png"
    path.write_bytes(_png(3, 2, _chunk(b"tEXt", b"Title\x00logo"), _chunk(b"pHYs", b"\x00" * 9)))
    assert images._plain_png(path) == (3, 2)


@pytest.mark.parametrize(
    "data",
    [
        _png(3, 2)[:-4] + b"\x00\x00\x00\x00",  # IEND's CRC wrong
        _png(3, 2)[:-12],  # no IEND
        _png(3, 2) + b"trailing",
        _png(3, 2, _chunk(b"iCCP", b"x\x00\x00junk")),  # a chunk Pillow would have to judge
        _png(3, 2, _chunk(b"gAMA", b"\x00\x01")),  # the wrong length
        _png(3, 2, colour=2, depth=4),  # no such PNG
        _png(3, 2, colour=3),  # palette image without a palette
        _png(10_000, 5_000),  # over the pixel limit: Pillow's path words that
        b"GIF89a" + b"\x00" * 40,
    ],
    ids=["crc", "no-iend", "trailing", "iccp", "gama-length", "bad-depth", "no-palette", "pixels", "gif"],
)
def test_anything_unusual_goes_to_pillow(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "odd.png"
    path.write_bytes(data)
    assert images._plain_png(path) is None


def test_a_broken_png_is_still_reported_by_pillow(tmp_path: Path) -> None:
    good = _png(3, 2)
    idat = good.index(b"IDAT")
    (length,) = struct.unpack_from(">I", good, idat - 4)
    crc = idat + 4 + length
    (tmp_path / "bad.png").write_bytes(good[:crc] + b"\x00\x00\x00\x00" + good[crc + 4 :])  # IDAT's CRC wrong
    found = images.check_image("bad.png", tmp_path, tmp_path, Pos("s.md", 3))
    assert not isinstance(found, tuple)
    assert "image 'bad.png' is corrupt or unreadable" in found.message


@pytest.mark.parametrize("font", sorted((ROOT / "briefgen" / "fonts").glob("*.ttf")), ids=lambda p: p.name)
def test_coverage_is_the_char_maps_keys(font: Path) -> None:
    fontfile.coverage.cache_clear()
    assert fontfile.coverage(font) == frozenset(fontfile.cmap_of(font.read_bytes()))


def test_coverage_of_a_broken_font_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 8)
    fontfile.coverage.cache_clear()
    with pytest.raises(Exception, match="character map"):
        fontfile.coverage(bad)


def test_check_of_the_sample_does_not_import_pillow() -> None:
    code = (
        "import sys; from briefgen.cli.main import main; code = main(['check', '-q']); "
        "print(code, 'PIL' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["0", "False"]
