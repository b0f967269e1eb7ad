"""Inline nodes → HTML: one table, node type → handler; text escaped by `markup.esc`.

Links inside the document (`#anchor`) stay fragment links to the model's anchors; links
out open in the same tab, as everywhere on the web, and are marked for screen readers
only by their text. A footnote reference links to its note, which links back.
"""

from __future__ import annotations

from collections.abc import Callable

from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.model import nodes as m
from briefgen.writers.html.markup import attrs, esc, own_id

InlineHandler = Callable[[m.Inline, "Inlines"], str]


class Inlines:
    """Renders inline runs for one section: knows the section's id, for note anchors."""

    def __init__(self, section: str = "", pos: Pos | None = None):
        self.section = section
        self.pos = pos or m.NOWHERE
        self.refs: dict[int, int] = {}  # note number -> how many references so far

    def run(self, inlines: tuple[m.Inline, ...]) -> str:
        out = []
        for node in inlines:
            handler = INLINE_HANDLERS.get(type(node))
            if handler is None:
                raise BriefgenError([Diagnostic(self.pos, f"{type(node).__name__} cannot be rendered in HTML")])
            out.append(handler(node, self))
        return "".join(out)

    def note_id(self, number: int) -> str:
        return own_id("fn", self.section, number)

    def ref_id(self, number: int, index: int = 1) -> str:
        return own_id("fnref", self.section, number, *((index,) if index > 1 else ()))


def _link(n: m.Link, r: Inlines) -> str:
    inner = r.run(n.children)
    if n.target.startswith("#"):
        return f'<a class="xref"{attrs(href=n.target)}>{inner}</a>'
    return f"<a{attrs(href=n.target)}>{inner}</a>"


def _note_ref(n: m.NoteRef, r: Inlines) -> str:
    count = r.refs.get(n.number, 0) + 1
    r.refs[n.number] = count
    ident = r.ref_id(n.number, count)
    return (
        f'<sup class="noteref"><a{attrs(id=ident, href="#" + r.note_id(n.number))} '
        f'aria-describedby="{own_id("notes", r.section)}">{n.number}</a></sup>'
    )


INLINE_HANDLERS: dict[type, InlineHandler] = {
    m.Text: lambda n, r: esc(n.text),  # type: ignore[union-attr]
    m.Emph: lambda n, r: f"<em>{r.run(n.children)}</em>",  # type: ignore[union-attr]
    m.Strong: lambda n, r: f"<strong>{r.run(n.children)}</strong>",  # type: ignore[union-attr]
    m.Strike: lambda n, r: f"<s>{r.run(n.children)}</s>",  # type: ignore[union-attr]
    m.Code: lambda n, r: f"<code>{esc(n.text)}</code>",  # type: ignore[union-attr]
    m.Link: _link,  # type: ignore[dict-item]
    m.NoteRef: _note_ref,  # type: ignore[dict-item]
    m.LineBreak: lambda n, r: "<br>",
    m.PageRef: lambda n, r: "",  # a web page has no pages: the link itself is the reference
}
