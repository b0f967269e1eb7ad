"""A minimal ZIP writer for the .docx package: fixed timestamps, and deflated members reused.

`zipfile` compresses every member on every write. A batch of deliverables embeds the
same font subsets and the same style parts over and over, and compressing those was
the largest single cost of a small DOCX; here a member whose bytes were compressed
before is copied from a per-process cache. The format is plain ZIP (no ZIP64: a
member or archive over 4 GiB is refused), which Word, LibreOffice and `zipfile` read.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from functools import lru_cache

_MAX = 0xFFFFFFFF
_CACHE_LIMIT = 1 << 20


def _fresh(data: bytes) -> tuple[bytes, int]:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush(), zlib.crc32(data)


_deflated = lru_cache(maxsize=128)(_fresh)


class ZipOut:
    """Members are added in order; `getvalue()` closes the archive."""

    def __init__(self, stamp: datetime):
        # MS-DOS date and time, as zip stores them (two-second resolution, 1980 to 2107):
        # a stamp outside that range is pinned to its nearest end (core.xml keeps the real one).
        if stamp.year > 2107:
            stamp = stamp.replace(year=2107, month=12, day=31, hour=23, minute=59, second=58)
        year = max(stamp.year, 1980)
        self.date = (year - 1980) << 9 | stamp.month << 5 | stamp.day
        self.time = stamp.hour << 11 | stamp.minute << 5 | stamp.second // 2
        self.body: list[bytes] = []  # the members' headers and data, joined once at the end
        self.size = 0
        self.directory = bytearray()
        self.count = 0

    def add(self, name: str, data: bytes, *, reuse: bool = False) -> None:
        """Add `name`; with `reuse`, the compressed bytes come from (and go to) the cache."""
        # Only small members are cached: a batch's repeated parts are fonts and styles,
        # and a cache of big one-off images would only hold memory.
        packed, crc = _deflated(data) if reuse and len(data) <= _CACHE_LIMIT else _fresh(data)
        if len(data) > _MAX or self.size + len(packed) > _MAX:
            raise ValueError(f"{name}: the package would exceed 4 GiB")
        raw = name.encode("utf-8")
        flags = 0x0800  # names are UTF-8
        offset = self.size
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, self.time, self.date, crc, len(packed), len(data), len(raw), 0
        )
        self.body += (header, raw, packed)
        self.size += len(header) + len(raw) + len(packed)
        self.directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            flags,
            8,
            self.time,
            self.date,
            crc,
            len(packed),
            len(data),
            len(raw),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        self.directory += raw
        self.count += 1

    def getvalue(self) -> bytes:
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, self.count, self.count, len(self.directory), self.size, 0)
        return b"".join((*self.body, self.directory, end))
