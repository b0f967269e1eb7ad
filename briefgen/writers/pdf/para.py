"""reportlab's Paragraph, remembering its last line breaking.

Tables, keep-together groups and frames ask a paragraph to wrap at the same width
again and again (an annex's fact box is measured for its column widths, for the page
and for the split); breaking lines is most of the layout time. A paragraph's lines
depend only on its width, its style and its text, so a second `wrap` at the width of
the first returns the first answer. The style and text never change after a paragraph
is made, except in the list handler, which sets a new style before any wrap.

Its markup is parsed once per process for each text and style: a batch of annexes makes
the same fact boxes, kickers and contact page in every document, and reportlab parses
each paragraph's markup with a fresh HTML parser (a tenth of an annex's PDF). The style
is known by its values (documents make styles of their own, equal in value), and each
paragraph gets its own list of the parsed fragments, which reportlab only reads after
parsing (line breaking sets a fragment's kind, which the fragment itself decides).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from briefgen.libs.rl_internals import has_line_breaking
from briefgen.writers.pdf.pagerefs import has_markers, resolve

_LIMIT = 2048  # parsed texts remembered (an annex parses about a hundred, most of them again)
_PARSED: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}  # (text, style's values, ...) -> (clean text, fragments)


def style_key(style: ParagraphStyle) -> tuple[Any, ...]:
    """A style's values (its parent's already copied in), each with its type (a CMYK and an
    RGB colour may compare equal). Hashable unless a value is not (then it is no key)."""
    values = dict(style.__dict__)
    values["parent"] = None  # another document's parent: its values are copied in already
    return (*values.items(), *map(type, values.values()))


class Paragraph(_Paragraph):
    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Callable[[str], str]) -> None:  # noqa: N803
        if frags is not None or type(text) is not str or bulletText is not None:
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, style_key(style), cleaner, self.caseSensitive)
        try:
            found = _PARSED.get(key)
        except TypeError:  # a style value that cannot be a key
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        if found is not None:
            self.text, self.frags, self.style, self.bulletText, self.debug = found[0], list(found[1]), style, None, 0
            return
        super()._setup(text, style, None, None, cleaner)
        if self.style is style and self.bulletText is None:  # else markup that set its own style or bullet
            if len(_PARSED) >= _LIMIT:
                _PARSED.clear()
            _PARSED[key] = (self.text, self.frags)
            self.frags = list(self.frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        if has_markers(self.__dict__.get("text")):  # page references: known once laid out this far
            self.__init__(resolve(self.text), self.style, self.bulletText)  # type: ignore[misc]
        memo = self.__dict__.get("_wrapped")
        # reportlab drops the lines when a split finds no room for the paragraph: wrap again then.
        if memo is not None and memo[0] == availWidth and memo[1] is self.style and has_line_breaking(self):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.style)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[_Paragraph]:  # noqa: N803 - reportlab API
        parts = super().split(availWidth, availHeight)
        tag = self.__dict__.get("pdf_tag")
        if tag is not None:  # both halves belong to the paragraph's structure element
            for part in parts:
                part.pdf_tag = tag
        return parts
