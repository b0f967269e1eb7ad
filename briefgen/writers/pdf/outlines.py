"""Text drawn as filled glyph outlines: marks that must be seen but never read as text.

The client watermark crosses every page diagonally. Drawn as text, it enters the text
layer, and extraction, search and screen readers find its letters scattered through the
body ("FI", "D", "EN", ...). Drawn as the font's own outlines, it looks the same and
holds no text at all.

reportlab turns text into paths only through optional FreeType bindings, and fontTools
would be a second font library to load; a TrueType `glyf` table is simple enough to read
here: contours of on- and off-curve points (quadratic Béziers, drawn as the equivalent
cubics), and composite glyphs that place other glyphs with an offset and a scale.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.fonts.fontfile import char_map, font_bytes, tables

_WORDS, _XY, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x2, 0x8, 0x20, 0x40, 0x80
# A path operation in font units: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y) or ("Z",).
Op = tuple[object, ...]


@dataclass(frozen=True)
class Outline:
    """A line of text as path operations in font units, and its advance width."""

    ops: tuple[Op, ...]
    width: float
    units_per_em: int


class _Face:
    """The parts of a TrueType file that outlines need: `loca`, `glyf`, `hmtx`."""

    def __init__(self, path: Path):
        self.data = data = font_bytes(path)
        where = tables(data)
        if b"glyf" not in where:
            raise ValueError("the font has no TrueType outlines ('glyf' table)")
        head, hhea = where[b"head"], where[b"hhea"]
        self.units = struct.unpack_from(">H", data, head + 18)[0]
        long_loca = struct.unpack_from(">h", data, head + 50)[0] == 1
        glyphs = struct.unpack_from(">H", data, where[b"maxp"] + 4)[0]
        if long_loca:
            self.loca = struct.unpack_from(f">{glyphs + 1}I", data, where[b"loca"])
        else:
            self.loca = tuple(2 * v for v in struct.unpack_from(f">{glyphs + 1}H", data, where[b"loca"]))
        self.glyf = where[b"glyf"]
        self.metrics = struct.unpack_from(">H", data, hhea + 34)[0]
        self.hmtx = where[b"hmtx"]
        self.cmap = char_map(path)

    def advance(self, gid: int) -> int:
        return struct.unpack_from(">H", self.data, self.hmtx + 4 * min(gid, self.metrics - 1))[0]

    def contours(self, gid: int, depth: int = 0) -> list[list[tuple[float, float, bool]]]:
        """The glyph's contours as (x, y, on-curve) points, components placed."""
        start, end = self.loca[gid], self.loca[gid + 1]
        if end <= start or depth > 8:
            return []
        at = self.glyf + start
        count = struct.unpack_from(">h", self.data, at)[0]
        return self._simple(at, count) if count >= 0 else self._composite(at + 10, depth)

    def _simple(self, at: int, count: int) -> list[list[tuple[float, float, bool]]]:
        data = self.data
        ends = struct.unpack_from(f">{count}H", data, at + 10)
        total = ends[-1] + 1 if ends else 0
        pos = at + 10 + 2 * count
        pos += 2 + struct.unpack_from(">H", data, pos)[0]  # skip the hinting instructions
        flags: list[int] = []
        while len(flags) < total:
            flag = data[pos]
            pos += 1
            repeat = 1
            if flag & 0x08:
                repeat += data[pos]
                pos += 1
            flags.extend([flag] * repeat)
        xs, pos = _coordinates(data, pos, flags, 0x02, 0x10)
        ys, pos = _coordinates(data, pos, flags, 0x04, 0x20)
        points = [(float(x), float(y), bool(f & 0x01)) for x, y, f in zip(xs, ys, flags, strict=True)]
        out, first = [], 0
        for last in ends:
            out.append(points[first : last + 1])
            first = last + 1
        return out

    def _composite(self, at: int, depth: int) -> list[list[tuple[float, float, bool]]]:
        data = self.data
        out: list[list[tuple[float, float, bool]]] = []
        flags = _MORE
        while flags & _MORE:
            flags, gid = struct.unpack_from(">HH", data, at)
            at += 4
            if flags & _WORDS:
                dx, dy = struct.unpack_from(">hh", data, at)
                at += 4
            else:
                dx, dy = struct.unpack_from(">bb", data, at)
                at += 2
            if not flags & _XY:  # anchored by point numbers: rare in text fonts, placed unshifted
                dx = dy = 0
            a, b, c, d = 1.0, 0.0, 0.0, 1.0
            if flags & _SCALE:
                a = d = _f2dot14(data, at)
                at += 2
            elif flags & _XY_SCALE:
                a, d = _f2dot14(data, at), _f2dot14(data, at + 2)
                at += 4
            elif flags & _TWO_BY_TWO:
                a, b, c, d = (_f2dot14(data, at + 2 * i) for i in range(4))
                at += 8
            for contour in self.contours(gid, depth + 1):
                out.append([(a * x + c * y + dx, b * x + d * y + dy, on) for x, y, on in contour])
        return out


def _f2dot14(data: bytes, at: int) -> float:
    return struct.unpack_from(">h", data, at)[0] / 16384


def _coordinates(data: bytes, pos: int, flags: list[int], short: int, same: int) -> tuple[list[int], int]:
    """One axis of a simple glyph's points: deltas of one byte, two bytes, or none."""
    values, value = [], 0
    for flag in flags:
        if flag & short:
            delta = data[pos]
            pos += 1
            value += delta if flag & same else -delta
        elif not flag & same:
            value += struct.unpack_from(">h", data, pos)[0]
            pos += 2
        values.append(value)
    return values, pos


def _contour_ops(points: list[tuple[float, float, bool]], dx: float) -> list[Op]:
    """A closed contour of quadratic segments as move, line and cubic operations."""
    if not points:
        return []
    # Start on an on-curve point; between two off-curve points lies an implied one.
    start = next((i for i, p in enumerate(points) if p[2]), None)
    if start is None:
        (x0, y0, _), (x1, y1, _) = points[0], points[1 % len(points)]
        points = [((x0 + x1) / 2, (y0 + y1) / 2, True), *points[1:], points[0]]
        start = 0
    ring = points[start:] + points[:start]
    cx, cy = ring[0][0], ring[0][1]
    ops: list[Op] = [("M", cx + dx, cy)]
    control: tuple[float, float] | None = None
    for x, y, on in [*ring[1:], ring[0]]:
        if on:
            if control is None:
                ops.append(("L", x + dx, y))
            else:
                ops.append(_cubic(cx, cy, *control, x, y, dx))
            cx, cy, control = x, y, None
        elif control is None:
            control = (x, y)
        else:
            mx, my = (control[0] + x) / 2, (control[1] + y) / 2
            ops.append(_cubic(cx, cy, *control, mx, my, dx))
            cx, cy, control = mx, my, (x, y)
    ops.append(("Z",))
    return ops


def _cubic(x0: float, y0: float, qx: float, qy: float, x: float, y: float, dx: float) -> Op:
    """The cubic Bézier that draws the quadratic (x0, y0) → (qx, qy) → (x, y)."""
    return (
        "C",
        x0 + 2 / 3 * (qx - x0) + dx,
        y0 + 2 / 3 * (qy - y0),
        x + 2 / 3 * (qx - x) + dx,
        y + 2 / 3 * (qy - y),
        x + dx,
        y,
    )


@lru_cache(maxsize=8)
def _face(path: Path) -> _Face:
    return _Face(path)


@lru_cache(maxsize=32)
def outline(text: str, path: Path) -> Outline:
    """`text` set in the TrueType font at `path`, as path operations (no kerning, no shaping).

    A character the font lacks takes its `.notdef` shape, as reportlab would draw it; the
    glyph check has refused such characters before any writer runs.
    """
    face = _face(path)
    ops: list[Op] = []
    x = 0.0
    for ch in text:
        gid = face.cmap.get(ord(ch), 0)
        for contour in face.contours(gid):
            ops += _contour_ops(contour, x)
        x += face.advance(gid)
    return Outline(tuple(ops), x, face.units)
