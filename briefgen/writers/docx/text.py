"""The one door through which text enters the DOCX XML.

XML 1.0 cannot hold most C0 control characters, lone surrogates or U+FFFE/U+FFFF;
lxml refuses them and Word reports a corrupt file. Every string that becomes document
text, an attribute or a package property goes through `clean` first; `put_text` then
turns the tabs, newlines and soft hyphens `clean` keeps into Word's own `w:tab`, `w:br`
and `w:softHyphen`.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from briefgen.libs import opc_internals as opc

# C0 controls except \t and \n, DEL and the C1 controls (legal in XML 1.0 but invisible
# junk that Word shows as boxes), lone surrogates, and the two XML non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("(\t|\n|\u00ad)")
# Text's own elements, made as `OxmlElement` makes them (not through `package.ooxml`,
# which reads this module: a cycle).
_MAKE = opc.element_maker()
_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TAB, _BR, _SOFT, _T = (f"{{{_W['w']}}}{name}" for name in ("tab", "br", "softHyphen", "t"))


def clean(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold removed; keeps \\t and \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)


def put_text(run: _Element, text: str) -> None:
    """Append `text` to the `w:r` element `run`: tabs become `w:tab`, newlines `w:br`, soft hyphens `w:softHyphen`."""
    # Tabs and line breaks are separate elements in WordprocessingML, not characters.
    for piece in _SPECIAL.split(clean(text)):
        if piece == "\t":
            run.append(_MAKE(_TAB, nsmap=_W))
        elif piece == "\n":
            run.append(_MAKE(_BR, nsmap=_W))
        elif piece == "\u00ad":  # a soft hyphen: where Word may break the word, showing a hyphen
            run.append(_MAKE(_SOFT, nsmap=_W))
        elif piece:
            t = _MAKE(_T, nsmap=_W)
            t.text = piece
            if piece != piece.strip(" "):
                # Without it Word drops the leading and trailing spaces of the run.
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(t)


def plain(text: str) -> str:
    """A single-line cleaned string for attributes and properties (tabs/newlines → space)."""
    return re.sub(r"[\t\n]+", " ", clean(text)).strip()
