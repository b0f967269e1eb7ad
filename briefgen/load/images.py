"""Checking image files before use: inside the project, a real raster file, of sane size.

Section images and logos (the brand's and the clients') go through the same check.
Only the file's header is read (Pillow opens lazily; `verify` walks the chunks without
decoding pixels), so `check` stays fast and a decompression bomb is never unpacked. A
plain PNG (the usual logo) is read without Pillow at all (`_plain_png`), which spares
`check` Pillow's import; anything else, or anything odd about it, goes to Pillow, so every
error message is Pillow's finding, worded as before.
Whether a figure prints big enough is the writers' rule (`writers/common/figures.py`).
"""

from __future__ import annotations

import re
import struct
import warnings
import zlib
from pathlib import Path

from briefgen.errors import Diagnostic, Pos
from briefgen.load.files import OUTSIDE_HINT, confine

MAX_PIXELS = 40_000_000  # far below Pillow's decompression-bomb threshold
FORMATS = {"PNG", "JPEG", "GIF"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # data:, javascript:, file:, C:…
_PIXELS = re.compile(r"\((\d+) pixels\)")


def check_image(
    src: str, base: Path, root: Path, pos: Pos, what: str = "image", relative_to: str = "the section file"
) -> tuple[Path, int, int] | Diagnostic:
    """Resolve `src` against `base` and open it with Pillow; return (path, w, h) or an error.

    `what` names the image in messages ("image", "logo", …), `relative_to` what `base` is.
    """
    if "://" in src or src.startswith("/") or _SCHEME.match(src):
        return Diagnostic(
            pos, f"{what} '{src}' must be a file inside the project", f"use a path relative to {relative_to}"
        )
    path = confine(base / src, root.resolve())
    if path is None:
        return Diagnostic(pos, f"{what} '{src}' is outside the project folder", OUTSIDE_HINT)
    if not path.is_file():
        return Diagnostic(pos, f"{what} not found: {src}", f"paths are relative to {relative_to}")
    size = _plain_png(path)
    if size is not None:
        return path, size[0], size[1]
    return _opened(path, src, pos, what)


def _opened(path: Path, src: str, pos: Pos, what: str) -> tuple[Path, int, int] | Diagnostic:
    """(path, w, h) as Pillow reads the file's header and checks its chunks, or why not."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns (on stderr) about images past its own bomb threshold: refused below anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.format not in FORMATS:
                    return Diagnostic(pos, f"{what} '{src}' is {img.format}, not PNG or JPEG", "convert it to PNG")
                w, h = img.size
                if w * h > MAX_PIXELS:
                    return _too_many(what, src, f"{w}×{h} pixels", pos)
                img.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        found = _PIXELS.search(str(exc))
        return _too_many(what, src, f"{int(found[1]):,} pixels" if found else "too many pixels", pos)
    except UnidentifiedImageError:
        message = f"{what} '{src}' is corrupt or unreadable: not a PNG, JPEG or GIF image"
        return Diagnostic(pos, message, "re-export it as PNG")
    except (OSError, SyntaxError, ValueError) as exc:
        return Diagnostic(pos, f"{what} '{src}' is corrupt or unreadable: {exc}", "re-export the image")
    return path, w, h


def _too_many(what: str, src: str, size: str, pos: Pos) -> Diagnostic:
    return Diagnostic(pos, f"{what} '{src}' is {size}, over the {MAX_PIXELS:,}-pixel limit", "scale it down")


_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Colour type -> bit depths the PNG standard allows (all of which Pillow opens).
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Chunks read without Pillow: the critical ones, and ancillary ones whose only check is their length.
_LENGTHS = {b"PLTE": None, b"IDAT": None, b"tEXt": None, b"gAMA": 4, b"pHYs": 9, b"sRGB": 1}


def _plain_png(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG that Pillow would open and verify without a word: a valid
    header, every chunk whole with its CRC right, only chunks from a short list, and
    IEND last; within the pixel limit. None for anything else (Pillow then decides)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 33:
        return None
    length, _, w, h, depth, colour, compression, filtering, interlace = struct.unpack_from(">I4sIIBBBBB", data, 8)
    if length != 13 or not (w > 0 and h > 0 and w * h <= MAX_PIXELS) or depth not in _DEPTHS.get(colour, ()):
        return None
    if compression or filtering or interlace not in (0, 1):
        return None
    at, seen = 8, set()
    while at + 12 <= len(data):
        (length,) = struct.unpack_from(">I", data, at)
        kind, end = data[at + 4 : at + 8], at + 12 + length
        if end > len(data) or zlib.crc32(data[at + 4 : end - 4]) != struct.unpack_from(">I", data, end - 4)[0]:
            return None
        if kind == b"IEND":
            ok = end == len(data) and length == 0 and b"IDAT" in seen and (colour != 3 or b"PLTE" in seen)
            return (w, h) if ok else None
        if (kind != b"IHDR" or seen) and (kind not in _LENGTHS or _LENGTHS[kind] not in (None, length)):
            return None
        seen.add(kind)
        at = end
    return None
