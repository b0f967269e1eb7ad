"""What a deliverable's contents list: one definition for the PDF and the DOCX.

Sections and headings of level 1–2, in reading order: the same entries Word's
`TOC \\o "1-2"` field collects when the reader updates it, so updating changes numbers,
never the list. Only headings that stand in the section body itself are entries: one
inside a quote, list item, box or note keeps its look but is no part of the document's
outline (the DOCX gives it body-text outline level, so Word skips it too), and an empty
heading has nothing to list.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefgen.model import nodes as m
from briefgen.model.walk import plain

MAX_LEVEL = 2


def entries(doc: m.Document) -> Iterator[tuple[int, str, str]]:
    """(level, title, anchor) of every contents entry, in reading order."""
    for section in doc.sections:
        if section.level > MAX_LEVEL:
            continue
        yield section.level, section.title, section.id
        for block in outline_headings(section.blocks):
            if block.level <= MAX_LEVEL and block.anchor and plain(block.children).strip():
                yield block.level, plain(block.children), block.anchor


def outline_headings(blocks: tuple[m.Block, ...]) -> Iterator[m.Heading]:
    """Headings at the top level of a body (divs are transparent), in reading order."""
    for block in blocks:
        if isinstance(block, m.Heading):
            yield block
        elif isinstance(block, m.Div):
            yield from outline_headings(block.blocks)
