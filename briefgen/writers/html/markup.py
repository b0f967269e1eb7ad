"""The ONE place text becomes HTML: every piece of user text and every attribute value
is escaped here, and nothing else builds markup from text.

Raw HTML in Markdown reaches the model as literal text (`Text`), and prints exactly as
typed, as in the PDF and the DOCX: `<b>` is shown, never interpreted.
"""

from __future__ import annotations

# Characters XML 1.0 (and so the HTML parser's serialisation) cannot carry: removed, as
# the DOCX writer removes them (the glyph check has refused anything visible).
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}


def esc(text: str) -> str:
    """Text content, escaped (`&`, `<`, `>`), with control characters removed."""
    return text.translate(_CONTROL).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """An attribute value, escaped for use inside double quotes."""
    return esc(text).replace('"', "&quot;")


def own_id(kind: str, *parts: object) -> str:
    """An id the writer adds (a box's title, a note, a chart's title): `kind:part:…`. The
    model's anchors and section ids never hold a colon, so the two can never clash."""
    return ":".join((kind, *map(str, parts)))


def attrs(**values: str | None) -> str:
    """` name="value"` pairs (a trailing underscore is dropped: `class_`); None leaves one out."""
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{attr(v)}"' for k, v in values.items() if v is not None)
