"""The tagged PDF's model side: which structure element each flowable's content belongs to.

The renderer asks `Tags` as it turns blocks into flowables: `open` makes a block's element
(`Sect`, `H1`–`H6`, `P`, `L`, `Table`, `Figure`, `BlockQuote`, `Code`, `Div`, `Note`, …),
`group` an `LI`/`LBody` per list item and a `Note` per footnote, `label` the item's `Lbl`
(its bullet, drawn through `rl_hooks.hook_bullet_drawing`), and `close` gives each
flowable the block drew (paragraphs, images, drawings, also inside tables, lists and
boxes) its `pdf_tag`, in the order they are drawn. A rule gets no element: what has no
element is drawn as an artifact (`tagging.py`). Headings never skip a level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportlab.platypus import Flowable, Image
from reportlab.platypus import Paragraph as _Paragraph

from briefgen.libs.rl_internals import contained
from briefgen.model import nodes as m
from briefgen.writers.pdf.tagging import Elem, Tagger
from briefgen.writers.pdf.vector import Vector

_TEXT_KINDS = frozenset({"P", "H1", "H2", "H3", "H4", "H5", "H6", "Code", "Caption", "TOCI"})
_NOTE_NUMBER = re.compile(r"<b>(\d+)\.</b>")


def _leaves(items: Any) -> Iterator[Flowable]:
    """The flowables that draw text or pictures, in the order they are drawn."""
    for item in items if isinstance(items, list | tuple) else [items]:
        if isinstance(item, list | tuple):
            yield from _leaves(item)
        elif isinstance(item, _Paragraph | Image | Vector) or hasattr(item, "para"):
            yield item
        elif not isinstance(item, str):
            yield from _leaves(contained(item))


class Tags:
    """Builds one document's structure tree from its blocks, for a `Tagger`."""

    def __init__(self, tagger: Tagger) -> None:
        self.stack: list[Elem] = [tagger.root]
        self.last_heading = 0
        self.base = 0  # the section's level less one: its body's "##" is one below it
        self.notes = 0
        self.sects: list[tuple[int, Elem]] = []  # open sections: (level, element)
        self.cover_sect: Elem | None = None

    @property
    def current(self) -> Elem:
        return self.stack[-1]

    def heading(self, level: int) -> str:
        level = max(1, min(level, self.last_heading + 1, 6))
        self.last_heading = level
        return f"H{level}"

    def tag(self, flowable: Flowable, kind: str, **attrs: str) -> Elem:
        elem = self.current.add(kind, **attrs)
        flowable.pdf_tag = elem
        return elem

    # -------------------------------------------------------------- cover, sections and contents
    def cover(self, paragraph: Flowable) -> None:
        """A cover paragraph: in a `Sect` read first, the title its heading."""
        root = self.stack[0]
        if self.cover_sect is None:
            self.cover_sect = Elem("Sect", root)
            root.kids.insert(0, self.cover_sect)
        title = getattr(getattr(paragraph, "style", None), "name", "") == "cover_title"
        paragraph.pdf_tag = self.cover_sect.add(self.heading(1) if title else "P")

    def section(self, level: int) -> None:
        """A `Sect`, inside the section before it when that one is of a higher level."""
        while self.sects and self.sects[-1][0] >= level:
            self.sects.pop()
        parent = self.sects[-1][1] if self.sects else self.stack[0]
        sect = parent.add("Sect")
        self.sects.append((level, sect))
        del self.stack[1:]
        self.stack.append(sect)
        self.base = level - 1

    def contents(self, flowables: list[Flowable]) -> None:
        """The contents: its title a heading, its lines `TOCI`s of one `TOC`."""
        if not flowables:
            return
        del self.stack[1:]
        self.sects.clear()
        self.tag(flowables[0], self.heading(1))
        toc = self.current.add("TOC")
        for line in flowables[1:]:
            line.pdf_tag = toc.add("TOCI")

    # -------------------------------------------------------------- blocks
    def open(self, block: m.Block) -> Elem | None:
        kind = self._kind(block)
        if kind is None:
            return None
        alt = getattr(block, "alt", "") if kind == "Figure" else ""
        elem = self.current.add(kind, alt=alt or "", ident="notes" if isinstance(block, m.Notes) else "")
        self.stack.append(elem)
        return elem

    def _kind(self, block: m.Block) -> str | None:
        if isinstance(block, m.Heading):
            return self.heading(self.base + block.level)
        if isinstance(block, m.Table):
            return "Div" if block.kind == "figures" else "Table"
        if isinstance(block, m.Figure | m.Chart):
            return "Figure"
        return _KINDS.get(type(block))

    def group(self) -> Elem | None:
        """A list item's `LI`/`LBody`, or a footnote's `Note`, around one run of nested blocks."""
        parent = self.current
        if parent.kind == "L":
            body = parent.add("LI").add("LBody")
        elif parent.kind == "Div" and parent.ident == "notes":
            self.notes += 1
            body = parent.add("Note", ident=f"note-{self.notes}")
        else:
            return None
        self.stack.append(body)
        return body

    def label(self) -> Elem | None:
        """The last list item's `Lbl` (its bullet or number), read before its `LBody`."""
        parent = self.current
        items = [k for k in parent.kids if isinstance(k, Elem) and k.kind == "LI"] if parent.kind == "L" else []
        if not items:
            return None
        label = Elem("Lbl", items[-1])
        items[-1].kids.insert(0, label)
        return label

    def end_group(self, body: Elem | None) -> None:
        if body is not None:
            self.stack.pop()

    def close(self, elem: Elem | None, block: m.Block, flowables: list[Flowable]) -> None:
        """Give the block's flowables their elements, in drawing order."""
        if elem is None:
            return
        self.stack.pop()
        if isinstance(block, m.Table) and block.kind != "figures":
            _table(elem, block, flowables)
        elif isinstance(block, m.Notes):
            _notes(elem, flowables)
        else:
            _fact_tables(elem, flowables)  # a fact box's facts, set beside its map
            charts = [b.alt for b in getattr(block, "blocks", ()) if isinstance(b, m.Chart)]
            for leaf in _leaves(flowables):
                if leaf.__dict__.get("pdf_tag") is None:
                    leaf.pdf_tag = _element_for(elem, leaf, charts)
        _reorder(elem, flowables)


_KINDS: dict[type, str] = {
    m.Paragraph: "P",
    m.BulletList: "L",
    m.OrderedList: "L",
    m.BlockQuote: "BlockQuote",
    m.CodeBlock: "Code",
    m.Callout: "Div",
    m.Notes: "Div",
}


def _element_for(elem: Elem, leaf: Flowable, chart_alts: list[str]) -> Elem:
    if isinstance(leaf, Image | Vector):
        if elem.kind == "Figure":
            return elem
        return elem.add("Figure", alt=chart_alts.pop(0) if chart_alts else "A map")
    if elem.kind in _TEXT_KINDS:
        return elem
    if elem.kind == "Figure":  # its caption, beside it
        return elem.parent.add("Caption") if elem.parent else elem
    return elem.add("P")


def _table(elem: Elem, block: m.Table, flowables: list[Flowable]) -> None:
    """Rows and cells: the header rows' cells `TH` (column scope), a fact table's labels
    `TH` (row scope); what else the table block drew (its caption) a `Caption`."""
    from reportlab.platypus import Table

    grid = next((f for f in flowables if isinstance(f, Table)), None)
    heads = len(block.header) if block.kind == "data" else 0
    if grid is not None:
        for i, row in enumerate(contained(grid)):
            tr = elem.add("TR")
            for j, cell in enumerate(row):
                if i < heads:
                    target = tr.add("TH", scope="Column")
                elif block.kind == "facts" and j == 0:
                    target = tr.add("TH", scope="Row")
                else:
                    target = tr.add("TD")
                for leaf in _leaves(cell):
                    leaf.pdf_tag = target
    for leaf in _leaves([f for f in flowables if f is not grid]):
        if leaf.__dict__.get("pdf_tag") is None:
            leaf.pdf_tag = elem.add("Caption")


def _tables(items: Any) -> Iterator[Any]:
    """Every reportlab table among `items`, at any depth."""
    from reportlab.platypus import Table

    for item in items if isinstance(items, list | tuple) else [items]:
        if isinstance(item, list | tuple):
            yield from _tables(item)
        elif isinstance(item, Table):
            yield item
            yield from _tables(contained(item))
        elif not isinstance(item, str | _Paragraph):
            yield from _tables(contained(item))


def _fact_tables(elem: Elem, flowables: list[Flowable]) -> None:
    """Label/value tables drawn without their block (beside a locator): `TH` (row scope) and `TD`."""
    for grid in _tables(flowables):
        rows = contained(grid)
        labels = [r[0] for r in rows if r and isinstance(r[0], _Paragraph)]
        if not labels or labels[0].style.name != "fact_label" or labels[0].__dict__.get("pdf_tag") is not None:
            continue
        table = elem.add("Table")
        for row in rows:
            tr = table.add("TR")
            for j, cell in enumerate(row):
                target = tr.add("TH", scope="Row") if j == 0 else tr.add("TD")
                for leaf in _leaves(cell):
                    leaf.pdf_tag = target


def _notes(elem: Elem, flowables: list[Flowable]) -> None:
    """The notes' title a `P`; a note's first paragraph, made anew with its number, back in its `Note`."""
    elem.ident = ""
    notes = [k for k in elem.kids if isinstance(k, Elem) and k.kind == "Note"]
    for leaf in _leaves(flowables):
        if leaf.__dict__.get("pdf_tag") is not None:
            continue
        found = _NOTE_NUMBER.match(getattr(leaf, "text", "") or "")
        if found and notes:
            note = notes.pop(0)
            para = Elem("P", note)
            note.kids.insert(0, para)
            leaf.pdf_tag = para
        else:
            leaf.pdf_tag = elem.add("P")


def _reorder(elem: Elem, flowables: list[Flowable]) -> None:
    """The element's children in the order their content is drawn (a box's title, made
    after its blocks, is drawn before them)."""
    order: list[Elem] = []
    seen: set[int] = set()
    for leaf in _leaves(flowables):
        kid = leaf.__dict__.get("pdf_tag")
        while isinstance(kid, Elem) and kid.parent is not None and kid.parent is not elem:
            kid = kid.parent
        if isinstance(kid, Elem) and kid.parent is elem and id(kid) not in seen:
            seen.add(id(kid))
            order.append(kid)
    elem.kids[:] = order + [k for k in elem.kids if id(k) not in seen]
