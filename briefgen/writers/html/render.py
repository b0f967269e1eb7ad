"""The HTML writer's per-document state, shared by every block handler.

The handlers, and the one table from block type to handler, are in `blocks.py`; the
context only carries that table, so handler modules can recurse into nested blocks
without importing it (as the PDF writer's `Renderer` and the DOCX writer's `Ctx` do).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from briefgen.design.system import Design, design_of
from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, Diagnostic
from briefgen.model import nodes as m
from briefgen.writers.html.inline import Inlines

Handler = Callable[[Any, "Ctx"], str]


@dataclass
class Ctx:
    """What the handlers share: the theme, figure numbering, the section's inlines."""

    theme: Theme
    handlers: Mapping[type, Handler]
    inline: Inlines = field(default_factory=Inlines)
    figures: int = 0
    paragraph_class: str = ""  # the role paragraphs take inside a box ("bottom-body", "note")
    shift: int = 1  # model heading level + shift = HTML heading level (the cover's title is h1)
    title_level: int = 2  # the current section title's HTML heading level
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def design(self) -> Design:
        return design_of(self.theme)

    def blocks(self, blocks: tuple[m.Block, ...]) -> str:
        out = []
        for block in blocks:
            handler = self.handlers.get(type(block))
            if handler is None:
                raise BriefgenError([Diagnostic(block.pos, f"{type(block).__name__} cannot be rendered in HTML")])
            out.append(handler(block, self))
        return "".join(out)

    def run(self, inlines: tuple[m.Inline, ...]) -> str:
        return self.inline.run(inlines)
