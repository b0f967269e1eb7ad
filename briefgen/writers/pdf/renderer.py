"""The PDF renderer's per-document state, shared by every block handler.

The handlers themselves, and the one table from node type to handler, are in `blocks.py`;
the renderer only carries that table (as the DOCX writer's `Ctx` carries its dispatcher),
so handler modules can recurse into nested blocks without importing the table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from briefgen.design.system import Design, design_of
from briefgen.errors import BriefgenError, Diagnostic
from briefgen.model import nodes as m
from briefgen.writers.common.pagination import block_key
from briefgen.writers.pdf import floats
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.styles import Palette
from briefgen.writers.pdf.tagmodel import Tags

Handler = Callable[[Any, "Renderer"], list[Flowable]]


@dataclass
class Renderer:
    """Per-document state the handlers share: styles, widths, counters, and the dispatch table."""

    styles: dict[str, ParagraphStyle]
    inline: InlineRenderer
    pal: Palette
    width: float
    max_image_height: float
    figures: int = 0
    paragraph_style: str = ""
    extras: dict[str, object] = field(default_factory=dict)
    depth: int = 0  # boxes (quotes, call-outs) around these blocks
    handlers: Mapping[type, Handler] = field(default_factory=dict)  # blocks.HANDLERS

    def blocks(self, blocks: tuple[m.Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        tags: Tags | None = self.extras.get("tags")  # type: ignore[assignment]
        group = tags.group() if tags else None  # a list item's or a note's blocks
        for i, block in enumerate(blocks):
            handler = self.handlers.get(type(block))
            if handler is None:
                raise BriefgenError([Diagnostic(block.pos, f"{type(block).__name__} cannot be rendered in PDF")])
            elem = tags.open(block) if tags else None
            flowables = handler(block, self)
            if tags:
                tags.close(elem, block, flowables)
            if self.depth == 0 and isinstance(block, m.Callout | m.Figure | m.Chart):
                floats.mark(flowables, elem)
            key = block_key(self.extras["section"], i) if self.depth == 0 and "section" in self.extras else None
            for flowable in flowables:
                flowable.source_pos = block.pos  # lets layout errors name the user's line
                if key:
                    flowable.block_key = key  # names it to the DOCX, where the PDF floats it (floats.py)
            out.extend(flowables)
        if tags:
            tags.end_group(group)
        return out

    @property
    def design(self) -> Design:
        """The brand's design (colours, rule widths, box looks), from the theme in `extras`."""
        return design_of(self.extras["theme"])  # type: ignore[arg-type]

    def para(self, inlines: tuple[m.Inline, ...], style: str) -> Paragraph:
        return Paragraph(self.inline.run(inlines), self.styles[self.paragraph_style or style])

    def inner(self, width: float) -> Renderer:
        """A renderer for blocks inside a box or list item `width` wide, one level deeper."""
        return Renderer(
            self.styles,
            self.inline,
            self.pal,
            width,
            self.max_image_height,
            self.figures,
            self.paragraph_style,
            self.extras,
            self.depth + 1,
            self.handlers,
        )
