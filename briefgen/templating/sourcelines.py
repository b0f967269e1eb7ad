"""Where generated text came from: lines of templated output mapped back to source lines.

A section body's output is matched to its source by a line diff (`line_map`); a generated
part (fact box, summary) by the `at()` markers its template leaves (`positions`). Either
way a problem in the output is reported at the line the author wrote.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from briefgen.errors import Pos
from briefgen.load.files import source_lines
from briefgen.model.memo import Memo
from briefgen.templating.render import MARK

_MARKER = re.compile(MARK + "([^\x00\x01\n]*)\x01([0-9]+)" + MARK)


def positions(text: str, default: Pos) -> tuple[str, Callable[[int], Pos]]:
    """Strip the `at()` markers of a generated part; each line maps to the nearest marked
    line at or below it (a table's header to its first row), else to `default`."""
    if MARK not in text:
        return text, lambda _i: default
    lines = source_lines(text, keepends=True)
    marks: list[Pos | None] = []
    for i, line in enumerate(lines):
        found = _MARKER.search(line)
        marks.append(Pos(found.group(1), int(found.group(2))) if found else None)
        lines[i] = _MARKER.sub("", line)
    below: list[Pos] = []
    nearest = default
    for mark in reversed(marks):
        nearest = mark or nearest
        below.append(nearest)
    below.reverse()
    return "".join(lines), lambda i: below[i] if i < len(below) else default


def line_map(
    source: str, rendered: str, first_line: int, memo: Memo[tuple[tuple[int, ...], int]] | None = None
) -> Callable[[int], int]:
    """Map lines of templated output back to the source file; inserted lines map to their tag.

    `memo` remembers the mappings: a batch renders the same section for many
    deliverables, mostly identically.
    """
    found = memo.get((source, rendered)) if memo is not None else None
    if found is None:
        found = _line_mapping(source, rendered)
        if memo is not None:
            memo.put((source, rendered), found)
    mapping, count = found
    return lambda i: first_line + (mapping[i] if i < len(mapping) else count)


def _line_mapping(source: str, rendered: str) -> tuple[tuple[int, ...], int]:
    src, out = source_lines(source), source_lines(rendered)
    if src == out:
        return tuple(range(len(src))), len(src)
    mapping: list[int] = []
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            mapping.append(i1 + k if tag == "equal" else min(i1 + k, max(i2 - 1, i1)))
    return tuple(mapping), len(src)
