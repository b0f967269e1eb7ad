"""What briefgen reads straight from the brand's TrueType files: names, metrics, coverage.

Word finds a font by its family name, not its file, so the styles must name exactly
what the TTF says (nameID 1, the family Word groups regular/bold/italic under). The
glyph check needs only the `cmap`. A few readers of struct-packed tables cost far less
than parsing the whole font (reportlab) or importing a font library (fontTools) just to
ask these questions; `briefgen check` never loads either.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

from briefgen.errors import Pos, fail
from briefgen.frozen import frozen

_FAMILY = 1  # nameID 1: the legacy family name Word uses for regular/bold/italic sets
_TYPO_FAMILY = 16  # nameID 16: the typographic family, a fallback when 1 is missing


@lru_cache(maxsize=32)
def font_bytes(path: Path) -> bytes:
    """The file's bytes, read once per process however many questions are asked of it."""
    return path.read_bytes()


@lru_cache(maxsize=32)
def coverage(path: Path) -> frozenset[int]:
    """Every code point the font's Unicode `cmap` maps to a real glyph (not .notdef).

    The same set as `char_map`'s keys, without looking up each glyph where a whole range
    maps by a delta: `check` asks this of every brand font, and needs no glyph ids.
    """
    try:
        data = font_bytes(path)
        found = _unicode_cmap(data)
        return _covered4(data, found[1]) if found[0] == 4 else frozenset(char_map(path))
    except (OSError, struct.error, KeyError, ValueError):
        return frozenset(char_map(path))  # which says what is wrong, at the font


@lru_cache(maxsize=32)
def char_map(path: Path) -> dict[int, int]:
    """Code point -> glyph id, from the font's Unicode `cmap` (format 4 or 12)."""
    try:
        return cmap_of(font_bytes(path))
    except (OSError, struct.error, KeyError, ValueError) as exc:
        raise fail(
            Pos(str(path)), f"cannot read the font's character map: {exc}", "use a valid TrueType (.ttf) file"
        ) from exc


# (platform, encoding) of Unicode cmap subtables, full-repertoire ones first.
_UNICODE_CMAPS = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def cmap_of(data: bytes) -> dict[int, int]:
    fmt, at = _unicode_cmap(data)
    return _format12(data, at) if fmt == 12 else _format4(data, at)


def _unicode_cmap(data: bytes) -> tuple[int, int]:
    """(format, offset) of the font's preferred Unicode `cmap` subtable in format 4 or 12."""
    base = tables(data)[b"cmap"]
    count = struct.unpack_from(">H", data, base + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * i)
        subtables.setdefault((platform, encoding), base + offset)
    for key in _UNICODE_CMAPS:
        if key in subtables:
            at = subtables[key]
            fmt = struct.unpack_from(">H", data, at)[0]
            if fmt in (4, 12):
                return fmt, at
    raise ValueError("no Unicode character map in format 4 or 12")


def _covered4(data: bytes, at: int) -> frozenset[int]:
    """The keys of `_format4(data, at)`: a segment mapped by a delta covers its whole range
    but the one code the delta sends to glyph 0; the others are looked up code by code."""
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    ranges = struct.unpack_from(f">{segs}H", data, at + 16 + 6 * segs)
    range_at = at + 16 + 6 * segs
    covered: set[int] = set()
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
        if start == 0xFFFF:
            continue
        codes = range(start, end + 1)
        if offset == 0:
            segment = set(codes)
            segment.discard(-delta & 0xFFFF)  # the one code that (code + delta) & 0xFFFF sends to .notdef
            covered |= segment
            continue
        # idRangeOffset counts from its own slot to the glyph id of `start`, then one per code.
        glyphs = struct.unpack_from(f">{len(codes)}H", data, range_at + 2 * i + offset)
        covered.update(code for code, glyph in zip(codes, glyphs, strict=True) if glyph and (glyph + delta) & 0xFFFF)
    return frozenset(covered)


def _format12(data: bytes, at: int) -> dict[int, int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    out: dict[int, int] = {}
    for g in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
        out.update((code, glyph + code - start) for code in range(start, end + 1) if glyph + code - start)
    return out


def _format4(data: bytes, at: int) -> dict[int, int]:
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    range_at = at + 16 + 6 * segs
    ranges = struct.unpack_from(f">{segs}H", data, range_at)
    out: dict[int, int] = {}
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
        if start == 0xFFFF:
            continue
        for code in range(start, end + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                # idRangeOffset counts from its own slot to the glyph id for `code`.
                glyph = struct.unpack_from(">H", data, range_at + 2 * i + offset + 2 * (code - start))[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                out[code] = glyph
    return out


@lru_cache(maxsize=32)
def advances(path: Path) -> tuple[int, dict[int, int]]:
    """(units per em, code point -> advance width in font units), from `head`, `hmtx` and the `cmap`."""
    try:
        data = font_bytes(path)
        where = tables(data)
        units = struct.unpack_from(">H", data, where[b"head"] + 18)[0]
        metrics = struct.unpack_from(">H", data, where[b"hhea"] + 34)[0]
        hmtx = where[b"hmtx"]
        last = struct.unpack_from(">H", data, hmtx + 4 * (metrics - 1))[0]
        widths = {
            code: struct.unpack_from(">H", data, hmtx + 4 * gid)[0] if gid < metrics else last
            for code, gid in char_map(path).items()
        }
    except (OSError, struct.error, KeyError) as exc:
        raise fail(
            Pos(str(path)), f"cannot read the font's metrics: {exc}", "use a valid TrueType (.ttf) file"
        ) from exc
    return units, widths


@lru_cache(maxsize=32)
def family_name(path: Path) -> str:
    """The family name stored in the TTF/OTF file at `path` (e.g. "Noto Serif")."""
    try:
        data = font_bytes(path)
        names = _name_records(data)
    except (OSError, struct.error, ValueError) as exc:
        raise fail(
            Pos(str(path)), f"cannot read the font's family name: {exc}", "use a valid TrueType (.ttf) file"
        ) from exc
    for name_id in (_FAMILY, _TYPO_FAMILY):
        if name_id in names:
            return names[name_id]
    raise fail(Pos(str(path)), "the font has no family name", "use a valid TrueType (.ttf) file")


@lru_cache(maxsize=32)
def natural_leading(path: Path) -> float:
    """The font's own line height in ems: what Word calls "single" line spacing.

    Word spaces lines by the font's Windows ascent + descent (OS/2 table), so a "1.2
    lines" multiple means very different leading in different fonts; styles divide the
    leading they want by this. Falls back to 1.2 when the tables cannot be read.
    """
    try:
        data = font_bytes(path)
        where = tables(data)
        units = struct.unpack_from(">H", data, where[b"head"] + 18)[0]
        if b"OS/2" in where:
            ascent, descent = struct.unpack_from(">HH", data, where[b"OS/2"] + 74)
        else:
            asc, desc, gap = struct.unpack_from(">hhh", data, where[b"hhea"] + 4)
            ascent, descent = asc + gap, -desc
        return (ascent + descent) / units if units else 1.2
    except (OSError, struct.error, KeyError):
        return 1.2


@frozen
class Signature:
    """What Word's font table says about a font, so a machine without it picks a close substitute."""

    panose: str  # 20 hex digits
    family: str  # "roman" (serif), "swiss" (sans), "modern" (monospace)
    pitch: str  # "variable" or "fixed"
    usb: tuple[int, int, int, int]  # OS/2 Unicode ranges
    csb: tuple[int, int]  # OS/2 code page ranges


@lru_cache(maxsize=32)
def signature(path: Path) -> Signature | None:
    """The font's PANOSE class, pitch and coverage bits, or None when unreadable."""
    try:
        data = font_bytes(path)
        where = tables(data)
        os2 = where[b"OS/2"]
        panose = data[os2 + 32 : os2 + 42]
        usb = struct.unpack_from(">IIII", data, os2 + 42)
        csb = struct.unpack_from(">II", data, os2 + 78)
        fixed = b"post" in where and struct.unpack_from(">I", data, where[b"post"] + 12)[0] != 0
    except (OSError, struct.error, KeyError):
        return None
    # PANOSE serif style 11-15 is sans serif (normal, obtuse, perpendicular, flared, rounded).
    family = "modern" if fixed else "swiss" if panose[0] == 2 and 11 <= panose[1] <= 15 else "roman"
    return Signature(panose.hex().upper(), family, "fixed" if fixed else "variable", usb, csb)


def tables(data: bytes) -> dict[bytes, int]:
    """Table tag -> offset, from the font's table directory."""
    count = struct.unpack_from(">H", data, 4)[0]
    return {
        struct.unpack_from(">4s", data, 12 + 16 * i)[0]: struct.unpack_from(">I", data, 12 + 16 * i + 8)[0]
        for i in range(count)
    }


def _name_records(data: bytes) -> dict[int, str]:
    """nameID -> string, preferring Windows English (3/1/0x409), then any Unicode, then Mac Roman."""
    offset = tables(data).get(b"name")
    if offset is None:
        raise ValueError("no 'name' table")
    _fmt, count, strings = struct.unpack_from(">HHH", data, offset)
    found: dict[int, tuple[int, str]] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, str_off = struct.unpack_from(
            ">HHHHHH", data, offset + 6 + 12 * i
        )
        raw = data[offset + strings + str_off : offset + strings + str_off + length]
        if platform == 3 and encoding in (0, 1, 10):
            rank, text = (0 if language == 0x409 else 1), raw.decode("utf-16-be", "replace")
        elif platform == 0:
            rank, text = 2, raw.decode("utf-16-be", "replace")
        elif platform == 1 and encoding == 0:
            rank, text = 3, raw.decode("mac_roman", "replace")
        else:
            continue
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, text)
    return {k: v[1].strip() for k, v in found.items() if v[1].strip()}
