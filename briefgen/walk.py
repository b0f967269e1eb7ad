"""Generic traversal of the document model, shared by whole-document passes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from . import model as m

InlineFn = Callable[[tuple[m.Inline, ...]], tuple[m.Inline, ...]]


def children(block: m.Block) -> tuple[m.Block, ...]:
    """Nested blocks of a container block (list items flattened)."""
    if isinstance(block, m.BulletList | m.OrderedList):
        return tuple(b for item in block.items for b in item.blocks)
    if isinstance(block, m.BlockQuote | m.Callout | m.Div):
        return block.blocks
    if isinstance(block, m.Notes):
        return tuple(b for note in block.notes for b in note.blocks)
    return ()


def inlines_of(block: m.Block) -> Iterator[tuple[m.Inline, ...]]:
    """The inline runs held directly by a block."""
    if isinstance(block, m.Heading | m.Paragraph):
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
        yield from iter_blocks(children(block))


def iter_text(inlines: tuple[m.Inline, ...]) -> Iterator[str]:
    for node in inlines:
        if isinstance(node, m.Text | m.Code):
            yield node.text
        elif isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
            yield from iter_text(node.children)


def plain(inlines: tuple[m.Inline, ...]) -> str:
    return "".join(iter_text(inlines))


def map_inlines(
    blocks: tuple[m.Block, ...], fn: Callable[[tuple[m.Inline, ...], m.Block], tuple[m.Inline, ...]]
) -> tuple[m.Block, ...]:
    """Rebuild blocks with every inline run passed through `fn(run, owning_block)`."""
    out: list[m.Block] = []
    for b in blocks:
        if isinstance(b, m.Heading | m.Paragraph):
            b = replace(b, children=fn(b.children, b))
        elif isinstance(b, m.Table):
            header = tuple(tuple(replace(c, children=fn(c.children, b)) for c in row) for row in b.header)
            rows = tuple(tuple(replace(c, children=fn(c.children, b)) for c in row) for row in b.rows)
            b = replace(b, header=header, rows=rows)
        elif isinstance(b, m.Figure):
            b = replace(b, caption=fn(b.caption, b))
        elif isinstance(b, m.BulletList | m.OrderedList):
            b = replace(b, items=tuple(replace(i, blocks=map_inlines(i.blocks, fn)) for i in b.items))
        elif isinstance(b, m.BlockQuote | m.Callout | m.Div):
            b = replace(b, blocks=map_inlines(b.blocks, fn))
        elif isinstance(b, m.Notes):
            b = replace(b, notes=tuple(replace(n, blocks=map_inlines(n.blocks, fn)) for n in b.notes))
        out.append(b)
    return tuple(out)
