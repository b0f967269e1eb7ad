"""The one document model that sits between the Markdown parser and every writer.

All nodes are frozen dataclasses. Block nodes carry `pos`, the user's file and line, so
that any writer can report a problem where the author can fix it. Writers read only
these nodes; they never see Markdown, Jinja or another writer's markup.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

from briefgen.errors import Pos
from briefgen.frozen import frozen
from briefgen.model.labels import Labels, fill
from briefgen.model.layout import BreakBefore, Layout

NOWHERE = Pos("<generated>")


# ---------------------------------------------------------------- inline nodes
@frozen
class Text:
    """Literal text, exactly as written (raw HTML included)."""

    text: str


@frozen
class Emph:
    children: tuple[Inline, ...]


@frozen
class Strong:
    children: tuple[Inline, ...]


@frozen
class Strike:
    children: tuple[Inline, ...]


@frozen
class Code:
    text: str


@frozen
class Link:
    """`target` is an http(s)/mailto URL, or `#anchor` for a place inside the document."""

    target: str
    children: tuple[Inline, ...]


@frozen
class NoteRef:
    """A footnote reference; `number` is its number within the section."""

    number: int


@frozen
class LineBreak:
    """A hard line break inside a paragraph."""


@frozen
class PageRef:
    """The page a cross-reference sends the reader to: writers print ", p. N" (N: the page
    where the anchor `target` lands) when the target comes earlier in the document, and
    nothing otherwise (one layout pass knows only the pages already laid out)."""

    target: str


Inline = Text | Emph | Strong | Strike | Code | Link | NoteRef | LineBreak | PageRef


# ---------------------------------------------------------------- block nodes
@frozen
class Heading:
    """A heading inside a section body; `level` is absolute (section titles are level 1/2)."""

    level: int
    children: tuple[Inline, ...]
    anchor: str
    pos: Pos = NOWHERE


@frozen
class Paragraph:
    children: tuple[Inline, ...]
    pos: Pos = NOWHERE
    style: str = "body"  # "body", "lead", "small": a semantic role, styled by each writer


@frozen
class ListItem:
    blocks: tuple[Block, ...]
    pos: Pos = NOWHERE


@frozen
class BulletList:
    items: tuple[ListItem, ...]
    pos: Pos = NOWHERE


@frozen
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1
    pos: Pos = NOWHERE


@frozen
class Cell:
    children: tuple[Inline, ...]
    align: str = ""  # "", "left", "center", "right"


@frozen
class Table:
    """A table; `header` rows repeat on every page the table spans."""

    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    pos: Pos = NOWHERE
    caption: tuple[Inline, ...] = ()
    kind: str = "data"  # "data", or "facts" for label/value boxes
    row_pos: tuple[Pos, ...] = field(default=(), compare=False)  # each body row's line, for diagnostics


@frozen
class BlockQuote:
    blocks: tuple[Block, ...]
    pos: Pos = NOWHERE


@frozen
class Callout:
    """A boxed block. `kind`: "callout", "bottom-line", "factbox" or "contact"."""

    title: str
    blocks: tuple[Block, ...]
    kind: str = "callout"
    pos: Pos = NOWHERE


@frozen
class Div:
    """A fenced div before filtering; conditional divs never reach a writer."""

    attrs: tuple[tuple[str, str], ...]
    classes: tuple[str, ...]
    blocks: tuple[Block, ...]
    pos: Pos = NOWHERE


@frozen
class Figure:
    """An image, already resolved to a file inside the project and checked."""

    path: Path
    caption: tuple[Inline, ...]
    alt: str
    width_px: int
    height_px: int
    pos: Pos = NOWHERE


@frozen
class Chart:
    """A data figure from a ```chart block; `spec` is a checked `charts.ChartSpec`.

    Writers draw it (vector in PDF; in DOCX a 300 dpi picture, or a native, editable
    Word chart with `docx: native`) and caption it "Figure N: title", numbered together
    with image figures. Locator insets (`spec.numbered` false) get no caption or number.
    """

    spec: Any
    alt: str
    anchor: str = ""
    pos: Pos = NOWHERE


@frozen
class CodeBlock:
    text: str
    language: str = ""
    pos: Pos = NOWHERE


@frozen
class Rule:
    pos: Pos = NOWHERE


@frozen
class Note:
    number: int
    blocks: tuple[Block, ...]


@frozen
class Notes:
    """The footnotes of one section, listed at its end."""

    notes: tuple[Note, ...]
    pos: Pos = NOWHERE


Block = (
    Heading
    | Paragraph
    | BulletList
    | OrderedList
    | Table
    | BlockQuote
    | Callout
    | Div
    | Figure
    | Chart
    | CodeBlock
    | Rule
    | Notes
)

BLOCK_TYPES: tuple[type, ...] = (
    Heading,
    Paragraph,
    BulletList,
    OrderedList,
    Table,
    BlockQuote,
    Callout,
    Figure,
    Chart,
    CodeBlock,
    Rule,
    Notes,
)
"""Every block type a writer must render (Div is resolved before writing)."""

INLINE_TYPES: tuple[type, ...] = (Text, Emph, Strong, Strike, Code, Link, NoteRef, LineBreak, PageRef)


# ---------------------------------------------------------------- structure
@frozen
class Section:
    """One source file after templating and parsing.

    `level` is 1 for a top-level section and 2 for one nested under the previous
    top-level section (country profiles). `new_page` asks writers to start it on a
    new page (True) or to let it follow on (False); None leaves it to the deliverable's
    `Meta.break_before` (see `layout.starts_page`). `meta` is the front matter as templates see it, for generated parts.
    """

    id: str
    title: str
    level: int
    blocks: tuple[Block, ...]
    pos: Pos
    kind: str = "section"
    new_page: bool | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    kicker: str = ""  # the small label above a profile's title ("Country profile · Tier 1")


@frozen
class Marking:
    """A client's marking, printed on every page, optionally as a diagonal watermark."""

    text: str
    watermark: str = ""


PDF_STANDARDS = ("both", "ua1", "a2b", "none")  # PDF/UA-1 and PDF/A-2b, one of them, or neither


@frozen
class Meta:
    """What a deliverable is: used for covers, headers and file metadata."""

    title: str
    subtitle: str
    series: str
    date: str
    authors: tuple[str, ...]
    cut: str
    cut_title: str
    layout: Layout
    audience: str
    break_before: BreakBefore = BreakBefore.AUTO
    client_name: str = ""
    client_logo: Path | None = None
    marking: Marking | None = None
    document_id: str = ""
    keywords: tuple[str, ...] = ()
    lang: str = "en"  # the text's language tag (briefing.yaml's `lang`)
    pdf_standard: str = "both"  # "both" (PDF/UA-1 and PDF/A-2b), "ua1", "a2b" or "none"
    labels: Labels = field(default_factory=Labels)  # the words printed around the text (briefing.yaml's `labels`)

    @property
    def prepared_for(self) -> str:
        """ "Prepared for <client>" in the project's words ("" outside a client's build)."""
        return fill(self.labels.prepared_for, client=self.client_name) if self.client_name else ""

    @property
    def cover_label(self) -> str:
        """The label above the title on covers: the series, plus the cut's title for a cut."""
        if self.layout == Layout.ANNEX:
            return self.cut_title or self.labels.annex
        own = self.cut != "full" and self.cut_title not in ("", self.title)
        return " · ".join(x for x in (self.series, self.cut_title if own else "") if x)


@frozen
class Document:
    """A whole deliverable: metadata plus sections in reading order."""

    meta: Meta
    sections: tuple[Section, ...]
