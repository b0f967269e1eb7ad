"""The written PDF repacked: its dictionaries in compressed object streams, its index a
cross-reference stream (PDF 1.5).

A tagged PDF has one small dictionary per structure element, over a thousand in a report;
written one by one, each with its line in the cross-reference table, they would add a
quarter to the file. Packed, as Typst and Word do, all of reportlab's dictionaries (pages,
fonts, annotations, the tree) take a few deflated streams, and a tagged report is smaller
than the untagged one was. Streams (pages, fonts, images, the XMP, which PDF/A wants
uncompressed) stay where they are; so does the document information dictionary. The
input is what reportlab writes: objects numbered 1…n in file order, then a classic
cross-reference table and trailer; anything else is returned unchanged.
"""

from __future__ import annotations

import re
import zlib

_XREF = re.compile(rb"\nxref\n0 (\d+)\n")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_REF = re.compile(rb"/(Root|Info) (\d+) 0 R")
_ID = re.compile(rb"/ID\s*(\[<[0-9a-f]+><[0-9a-f]+>\])")
_PER_STREAM = 500  # objects per object stream: readers decode a whole stream to reach one


def pack(data: bytes) -> bytes:
    """`data` with its non-stream objects in object streams and a cross-reference stream."""
    found, trailer = _XREF.search(data), _TRAILER.search(data)
    if found is None or trailer is None:
        return data
    count = int(found.group(1))
    table = data[found.end() : found.end() + 20 * count].split(b"\n")
    offsets = [int(line[:10]) for line in table[1:count]]
    if len(offsets) != count - 1 or offsets != sorted(offsets):
        return data
    refs = dict(_REF.findall(trailer.group(1)))
    info = int(refs.get(b"Info", b"0"))
    ends = [*offsets[1:], found.start() + 1]
    bodies = [_body(data[start:end], n) for n, (start, end) in enumerate(zip(offsets, ends, strict=True), 1)]
    if any(body is None for body in bodies):
        return data
    head = data[: offsets[0]].replace(b"%PDF-1.4", b"%PDF-1.7", 1).replace(b"%PDF-1.3", b"%PDF-1.7", 1)
    out = bytearray(head)
    where: dict[int, tuple[int, int, int]] = {}  # object -> (type, offset or stream, index)
    packed: list[tuple[int, bytes]] = []
    for n, body in enumerate(bodies, 1):
        assert body is not None
        if b"\nstream\n" in body or n == info:
            where[n] = (1, len(out), 0)
            out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
        else:
            packed.append((n, body))
    number = count
    for start in range(0, len(packed), _PER_STREAM):
        chunk = packed[start : start + _PER_STREAM]
        index, offset, parts = [], 0, []
        for i, (n, body) in enumerate(chunk):
            where[n] = (2, number, i)
            index.append(b"%d %d" % (n, offset))
            parts.append(body)
            offset += len(body) + 1
        first = b" ".join(index) + b"\n"
        stream = zlib.compress(first + b"\n".join(parts) + b"\n")
        where[number] = (1, len(out), 0)
        out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
            number,
            len(chunk),
            len(first),
            len(stream),
        )
        out += stream + b"\nendstream\nendobj\n"
        number += 1
    return bytes(out + _xref_stream(where, number, len(out), trailer.group(1)))


def _body(obj: bytes, n: int) -> bytes | None:
    """What is between `n 0 obj` and `endobj`, or None if the object is not as expected."""
    start = b"%d 0 obj\n" % n
    if not obj.startswith(start):
        return None
    end = obj.rfind(b"endobj")
    return obj[len(start) : end].rstrip(b"\n") if end > 0 else None


def _xref_stream(where: dict[int, tuple[int, int, int]], number: int, offset: int, trailer: bytes) -> bytes:
    where[number] = (1, offset, 0)
    size = number + 1
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]  # object 0: free
    for n in range(1, size):
        kind, field, index = where[n]
        rows.append(bytes([kind]) + field.to_bytes(4, "big") + index.to_bytes(2, "big"))
    stream = zlib.compress(b"".join(rows))
    refs = b" ".join(b"/%s %s 0 R" % (k, v) for k, v in _REF.findall(trailer))
    ident = _ID.search(trailer)
    extra = b" /ID " + ident.group(1) if ident else b""
    entry = b"<< /Type /XRef /Size %d /W [1 4 2] %s%s /Filter /FlateDecode /Length %d >>" % (
        size,
        refs,
        extra,
        len(stream),
    )
    return b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % (number, entry, stream, offset)
