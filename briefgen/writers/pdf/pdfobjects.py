"""Dictionaries and arrays that write themselves faster, byte for byte as reportlab does.

A tagged PDF has one small dictionary per structure element (a thousand and more in a
report, some 150 in an annex), and reportlab formats each entry through a generic
function that asks every value what it is (`pdfdoc.format`): writing the tree cost more
than building it. `Dict` and `Array` are reportlab's `PDFDictionary` and `PDFArray` whose
`format` takes a short way for the values a structure tree holds (names, whole numbers,
references, these two kinds again) and hands anything else (strings, other objects) to
reportlab's own `format`: the bytes are reportlab's. Where reportlab is set to write
objects over several lines (`rl_config.pdfMultiLine`), they format as reportlab does.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference
from reportlab.pdfbase.pdfdoc import format as pdf_format

_KEYS: dict[str, bytes] = {}  # key -> its name and the space after it, as reportlab writes them


def _key(key: str, document: Any) -> bytes:
    found = _KEYS.get(key)
    if found is None:
        found = _KEYS[key] = pdf_format(PDFName(key), document) + b" "
    return found


def _value(value: Any, document: Any) -> bytes:
    kind = type(value)
    if kind is int:
        return b"%d" % value  # reportlab's fp_str writes a whole number as %d does
    if kind is str:
        return value.encode("extpdfdoc")  # a name ("/P"), as reportlab's `format` encodes text
    if kind is Dict or kind is Array or kind is PDFObjectReference:
        return value.format(document)  # what `format` calls for them (none is reference-only)
    return pdf_format(value, document)


class Dict(PDFDictionary):  # type: ignore[misc]
    """A `PDFDictionary` (keys in sorted order, a line break after every sixth entry)."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - reportlab API
        if rl_config.pdfMultiLine:
            return super().format(document, IND)  # type: ignore[no-any-return]
        entries = self.dict
        parts = [_key(k, document) + _value(entries[k], document) for k in sorted(entries)]
        for i in reversed(range(6, len(parts), 6)):
            parts.insert(i, b"\n ")
        return b"<<\n" + b" ".join(parts) + b"\n>>"


class Array(PDFArray):  # type: ignore[misc]
    """A `PDFArray` (a line break after every tenth item)."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - reportlab API
        if rl_config.pdfMultiLine:
            return super().format(document, IND)  # type: ignore[no-any-return]
        parts = [_value(v, document) for v in self.sequence]
        for i in reversed(range(10, len(parts), 10)):
            parts.insert(i, b"\n ")
        return b"[ " + b" ".join(parts) + b" ]"
