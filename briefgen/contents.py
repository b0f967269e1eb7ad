"""What a deliverable's contents list: one definition for the PDF and the DOCX.

Sections and headings of level 1–2, in reading order: the same entries Word's
`TOC \\o "1-2"` field collects when the reader updates it, so updating changes numbers,
never the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import model as m
from .walk import iter_blocks, plain

MAX_LEVEL = 2


def entries(doc: m.Document) -> Iterator[tuple[int, str, str]]:
    """(level, title, anchor) of every contents entry, in reading order."""
    for section in doc.sections:
        if section.level > MAX_LEVEL:
            continue
        yield section.level, section.title, section.id
        for block in iter_blocks(section.blocks):
            if isinstance(block, m.Heading) and block.level <= MAX_LEVEL and block.anchor:
                yield block.level, plain(block.children), block.anchor
