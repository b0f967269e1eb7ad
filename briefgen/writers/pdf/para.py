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
parsing (`libs.rl_hooks.remember_parsed`, installed on this class).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph

from briefgen.libs.rl_hooks import remember_parsed
from briefgen.libs.rl_internals import has_line_breaking
from briefgen.writers.pdf.pagerefs import has_markers, resolve


class Paragraph(_Paragraph):
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


remember_parsed(Paragraph, limit=2048)  # an annex parses about a hundred texts, most of them again
