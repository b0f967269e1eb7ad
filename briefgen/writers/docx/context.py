"""The state one DOCX build carries from handler to handler.

Handlers are plain functions `(node, container, ctx)`; everything they share (the
python-docx document, the theme adapted to Word, counters that make figure numbers and
bookmark ids deterministic) lives here, so no handler reaches into a god object.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document as DocxDocument
from lxml.etree import _Element

from briefgen.design.theme import Theme
from briefgen.errors import Pos
from briefgen.model import nodes as m

_BOOKMARK_OK = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for a document anchor (section id or heading anchor).

    Word silently ignores links to bookmarks over 40 characters (pandoc#5091) and
    wants a letter first, so longer or odd anchors get a readable prefix plus a
    stable hash; the same anchor always gives the same name.
    """
    if _BOOKMARK_OK.match(anchor):
        return anchor
    head = re.sub(r"[^A-Za-z0-9_-]", "_", anchor)[:29].strip("_-") or "a"
    if not head[0].isalpha():
        head = "a" + head[:28]
    return f"{head}_{hashlib.sha1(anchor.encode('utf-8')).hexdigest()[:10]}"


@dataclass(frozen=True)
class Fmt:
    """Inline formatting inherited by nested inline nodes."""

    strong: bool = False
    emph: bool = False
    strike: bool = False
    link: bool = False  # inside a w:hyperlink already: no nested links
    cross_ref: bool = False  # the hyperlink is to a place inside the document


@dataclass
class NoteState:
    """Real Word footnotes (`writers/docx/footnotes.py`): what is planned and what is made.

    `notes` holds the notes of every section whose notes all become footnotes, by
    (section id, number); the others keep the notes list at their end.
    """

    notes: dict[tuple[str, int], m.Note] = field(default_factory=dict)
    made: dict[tuple[str, int], int] = field(default_factory=dict)  # -> footnote id, which is Word's number
    marks: dict[int, _Element] = field(default_factory=dict)  # footnote id -> its reference run in the text
    waiting: list[tuple[_Element, tuple[str, int]]] = field(default_factory=list)  # references made inside a note
    part: Any = None  # word/footnotes.xml, made with the first footnote


@dataclass
class Ctx:
    """Per-build state. `render_blocks` / `render_inlines` are the dispatchers."""

    docx: DocxDocument
    theme: Theme
    meta: m.Meta
    scale: float
    toc_pages: Mapping[str, int] | Callable[[], Mapping[str, int] | None] | None
    render_blocks: Callable[[tuple[m.Block, ...], Any, Ctx], None]
    render_inlines: Callable[[tuple[m.Inline, ...], _Element, Ctx, Fmt], None]
    anchors: set[str] = field(default_factory=set)  # every anchor that gets a bookmark
    bookmarks: set[str] = field(default_factory=set)  # bookmark names written so far
    pos: Pos = m.NOWHERE  # the block being written, for error messages about its inlines
    para_style: str | None = None  # overrides the paragraph style (quotes, notes, cells)
    section_id: str = ""  # the section being written: note links are per section
    list_depth: int = 0
    list_indent: int = 0  # twips from the margin to the text of the list being written
    paragraph_gap: float = 6.0  # points after a body paragraph (parastyles.paragraph_gap)
    list_gap: float = 4.0  # points after a list's last item (parastyles.list_gap)
    width: int = 0  # twips available to the current container (text width, or a box's inside)
    box: str = ""  # the kind of box being filled ("" outside call-outs)
    bold_paragraph: bool = False  # paragraph style is bold: Strong would toggle it off
    next_bookmark: int = 0
    figures: int = 0
    tables: int = 0
    watermarks: int = 0
    toc_links: list[tuple[_Element, str]] = field(default_factory=list)  # contents entries awaiting a number
    page_refs: list[tuple[_Element, str]] = field(default_factory=list)  # PAGEREF results awaiting a number
    symbol_font: str = ""  # the symbol fallback's family, and the characters set in it (`symbols.py`)
    symbol_chars: frozenset[int] = frozenset()
    footnotes: NoteState = field(default_factory=NoteState)
    in_note: bool = False  # writing a note's text: Word has no footnote inside a footnote
    story: Any = None  # the part that relates this text's hyperlinks (None: document.xml)
    # Breaks the cut's `break_before` asks for, which the PDF may have skipped (`body.py`):
    # (paragraph, section id, anchors written before it, space above it if it follows on)
    rule_breaks: list[tuple[_Element, str, tuple[str, ...], float]] = field(default_factory=list)
    back_matter: tuple[_Element, str] | None = None  # the contact section's first paragraph, and its id
    # each top-level block's body elements, by `block_key`: where the PDF floated a box, it goes too
    blocks: dict[str, list[_Element]] = field(default_factory=dict)

    @property
    def text_height_mm(self) -> float:
        _, height = self.theme.page_mm
        top, _right, bottom, _left = self.theme.margins_mm
        return height - top - bottom

    def bookmark_id(self) -> int:
        self.next_bookmark += 1
        return self.next_bookmark
