"""Inline nodes → reportlab paragraph markup. The ONE place text is escaped for reportlab.

reportlab's Paragraph parses a mini-markup, so raw `<`, `>` and `&` in user text would
be eaten; `escape` runs on every piece of user text, and nothing else builds markup.
"""

from __future__ import annotations

from collections.abc import Callable

from briefgen.design.theme import Theme
from briefgen.fonts.fontfile import coverage
from briefgen.model import nodes as m
from briefgen.model.typeset import drawable
from briefgen.writers.pdf.pagerefs import marker


def escape(text: str) -> str:
    # What xml.sax.saxutils.escape does, without importing it: that module pulls in
    # urllib.request, http.client, email and ssl, some 19 ms of every PDF build's start.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class InlineRenderer:
    """Renders inline runs for one document; knows the brand's symbol fallback font."""

    def __init__(self, theme: Theme, symbol_font: str | None, link_colors: tuple[str, str], code_font: str):
        self.link_color, self.internal_color = link_colors  # out of the document, inside it
        self.code_font = code_font
        self.symbol_font = symbol_font
        self.body = coverage(theme.fonts.regular)
        self.heads = coverage(theme.heading_fonts.regular)
        self.handlers: dict[type, Callable[[m.Inline, frozenset[int]], str]] = {
            m.Text: lambda n, cov: self.text(n.text, cov),  # type: ignore[union-attr]
            m.Emph: lambda n, cov: f"<i>{self.run(n.children, cov)}</i>",  # type: ignore[union-attr]
            m.Strong: lambda n, cov: f"<b>{self.run(n.children, cov)}</b>",  # type: ignore[union-attr]
            m.Strike: lambda n, cov: f"<strike>{self.run(n.children, cov)}</strike>",  # type: ignore[union-attr]
            m.Code: lambda n, cov: f'<font face="{self.code_font}">{self.text(n.text, cov)}</font>',  # type: ignore[union-attr]
            m.Link: self._link,
            m.NoteRef: lambda n, cov: f"<super>{n.number}</super>",  # type: ignore[union-attr]
            m.LineBreak: lambda n, cov: "<br/>",
            m.PageRef: lambda n, cov: marker(n.target),  # type: ignore[union-attr]
        }

    def text(self, text: str, cov: frozenset[int]) -> str:
        """Escape text; characters the font lacks go to the symbol font (checked earlier).

        Joiners, zero-width spaces and variation selectors are left out: reportlab cannot
        apply them and would draw each as a box.
        """
        text = drawable(text)
        # Each distinct character once: a paragraph repeats few of them.
        if not self.symbol_font or all(ord(c) in cov or c in "\n\t" for c in set(text)):
            return escape(text)
        out, run = [], []
        for ch in text:
            if ord(ch) in cov or ch in "\n\t":
                run.append(ch)
            else:
                out.append(escape("".join(run)))
                run = []
                out.append(f'<font face="{self.symbol_font}">{escape(ch)}</font>')
        out.append(escape("".join(run)))
        return "".join(out)

    def _link(self, node: m.Inline, cov: frozenset[int]) -> str:
        assert isinstance(node, m.Link)
        inner = self.run(node.children, cov)
        if node.target.startswith("#"):  # cross-references: quiet, like a printed "see …"
            return f'<a href="{escape(node.target)}" color="{self.internal_color}">{inner}</a>'
        return f'<a href="{escape(node.target)}" color="{self.link_color}"><u>{inner}</u></a>'

    def run(self, inlines: tuple[m.Inline, ...], cov: frozenset[int] | None = None) -> str:
        cov = self.body if cov is None else cov
        parts = []
        for node in inlines:
            handler = self.handlers.get(type(node))
            if handler is None:
                raise TypeError(f"no PDF handler for inline {type(node).__name__}")
            parts.append(handler(node, cov))
        return "".join(parts)

    def heading(self, inlines: tuple[m.Inline, ...]) -> str:
        return self.run(inlines, self.heads)

    def plain(self, text: str, heading: bool = False) -> str:
        return self.text(text, self.heads if heading else self.body)
