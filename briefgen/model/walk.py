"""Generic traversal of the document model, shared by whole-document passes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from briefgen.model import nodes as m

InlineFn = Callable[[tuple[m.Inline, ...]], tuple[m.Inline, ...]]

# Type tuples made once: `A | B` in an isinstance call builds a new union on every call,
# and these run for every block and inline of every deliverable.
_LISTS = (m.BulletList, m.OrderedList)
_BOXES = (m.BlockQuote, m.Callout, m.Div)
_RUNS = (m.Heading, m.Paragraph)
_TEXTS = (m.Text, m.Code)
_SPANS = (m.Emph, m.Strong, m.Strike, m.Link)


def children(block: m.Block) -> tuple[m.Block, ...]:
    """Nested blocks of a container block (list items flattened)."""
    if isinstance(block, _LISTS):
        return tuple(b for item in block.items for b in item.blocks)
    if isinstance(block, _BOXES):
        return block.blocks
    if isinstance(block, m.Notes):
        return tuple(b for note in block.notes for b in note.blocks)
    return ()


def inlines_of(block: m.Block) -> Iterator[tuple[m.Inline, ...]]:
    """The inline runs held directly by a block."""
    if isinstance(block, _RUNS):
        yield block.children
    elif isinstance(block, m.Table):
        for row in (*block.header, *block.rows):
            for cell in row:
                yield cell.children
        yield block.caption
    elif isinstance(block, m.Figure):
        yield block.caption


def iter_blocks(blocks: tuple[m.Block, ...]) -> Iterator[m.Block]:
    for block in blocks:
        yield block
        inner = children(block)
        if inner:  # no generator for a leaf: most blocks are
            yield from iter_blocks(inner)


def iter_text(inlines: tuple[m.Inline, ...]) -> Iterator[str]:
    for node in inlines:
        if isinstance(node, _TEXTS):
            yield node.text
        elif isinstance(node, _SPANS):
            yield from iter_text(node.children)


def plain(inlines: tuple[m.Inline, ...]) -> str:
    return "".join(iter_text(inlines))


def map_inlines(
    blocks: tuple[m.Block, ...], fn: Callable[[tuple[m.Inline, ...], m.Block], tuple[m.Inline, ...]]
) -> tuple[m.Block, ...]:
    """Rebuild blocks with every inline run passed through `fn(run, owning_block)`.

    A block whose runs `fn` returns unchanged (the same object) is kept as it is, so
    a pass that changes nothing copies nothing.
    """
    out: list[m.Block] = []
    for b in blocks:
        new: m.Block = b
        if isinstance(b, _RUNS):
            children = fn(b.children, b)
            if children is not b.children:
                new = replace(b, children=children)
        elif isinstance(b, m.Table):
            header = _map_rows(b.header, fn, b)
            rows = _map_rows(b.rows, fn, b)
            if header is not b.header or rows is not b.rows:
                new = replace(b, header=header, rows=rows)
        elif isinstance(b, m.Figure):
            caption = fn(b.caption, b)
            if caption is not b.caption:
                new = replace(b, caption=caption)
        elif isinstance(b, _LISTS):
            items = same_or(b.items, tuple(_map_blocks_of(i, fn) for i in b.items))
            if items is not b.items:
                new = replace(b, items=items)
        elif isinstance(b, _BOXES):
            inner = map_inlines(b.blocks, fn)
            if inner is not b.blocks:
                new = replace(b, blocks=inner)
        elif isinstance(b, m.Notes):
            notes = same_or(b.notes, tuple(_map_blocks_of(n, fn) for n in b.notes))
            if notes is not b.notes:
                new = replace(b, notes=notes)
        out.append(new)
    return same_or(blocks, tuple(out))


def _map_blocks_of(node: Any, fn: Callable[[tuple[m.Inline, ...], m.Block], tuple[m.Inline, ...]]) -> Any:
    inner = map_inlines(node.blocks, fn)
    return node if inner is node.blocks else replace(node, blocks=inner)


def _map_rows(rows: Any, fn: Callable[[tuple[m.Inline, ...], m.Block], tuple[m.Inline, ...]], owner: m.Block) -> Any:
    def cell(c: Any) -> Any:
        children = fn(c.children, owner)
        return c if children is c.children else replace(c, children=children)

    return same_or(rows, tuple(same_or(row, tuple(cell(c) for c in row)) for row in rows))


def same_or(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """`old` itself when `new` holds the very same items."""
    return old if len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True)) else new


def shift_headings(blocks: tuple[m.Block, ...], delta: int) -> tuple[m.Block, ...]:
    """The same blocks with every heading `delta` levels deeper (or shallower)."""
    out: list[m.Block] = []
    for b in blocks:
        new: m.Block = b
        if isinstance(b, m.Heading):
            new = replace(b, level=b.level + delta)
        elif isinstance(b, _LISTS):
            items = same_or(b.items, tuple(_shifted(i, delta) for i in b.items))
            new = b if items is b.items else replace(b, items=items)
        elif isinstance(b, _BOXES):
            new = _shifted(b, delta)
        elif isinstance(b, m.Notes):
            notes = same_or(b.notes, tuple(_shifted(n, delta) for n in b.notes))
            new = b if notes is b.notes else replace(b, notes=notes)
        out.append(new)
    return same_or(blocks, tuple(out))


def _shifted(node: Any, delta: int) -> Any:
    inner = shift_headings(node.blocks, delta)
    return node if inner is node.blocks else replace(node, blocks=inner)
