"""The check that no table cell is lost: GFM drops what the parser cannot place.

GFM ignores the cells of a row beyond the header's count, and a `|` inside a code span
still splits the cell (the spec asks for `\\|`). markdown-it follows the spec and says
nothing, so this plugin wraps its table rule: once a table is recognised, each of its
source lines (as the parser saw it, quote markers and indentation removed) is read
again, and a problem is recorded in `env["table_problems"]` as (0-based line, message,
hint) for the parser to report at the user's line.
"""

from __future__ import annotations

import importlib
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_TICKS = re.compile(r"`+")
_SPECIAL = re.compile(r"\\|`+")
_PIPES = ("paragraph", "reference")  # what a table may interrupt, as markdown-it declares it


def split_cells(line: str) -> list[str]:
    """A row's cells as GFM splits them: at every `|` not escaped, enclosing pipes dropped."""
    cells = re.split(r"(?<!\\)\|", line.strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def code_span_pipe(line: str) -> str | None:
    """The first code span of `line` that holds an unescaped `|`, or None."""
    if "`" not in line:
        return None
    pos = 0
    while True:
        # Only a backslash or a run of backticks changes anything: skip to the next one.
        run = _SPECIAL.search(line, pos)
        if run is None:
            return None
        if run.group() == "\\":
            pos = run.start() + 2
            continue
        ticks = run.group()
        close = next((m for m in _TICKS.finditer(line, run.end()) if m.group() == ticks), None)
        if close is None:
            pos = run.end()
            continue
        body = line[run.end() : close.start()]
        if re.search(r"(?<!\\)\|", body):
            return line[run.start() : close.end()]
        pos = close.end()


def _problems(state: StateBlock, start: int, end: int) -> list[tuple[int, str, str]]:
    def text(n: int) -> str:
        return state.src[state.bMarks[n] + state.tShift[n] : state.eMarks[n]]

    width = len(split_cells(text(start)))
    found: list[tuple[int, str, str]] = []
    for n in range(start, end):
        if n == start + 1:  # the delimiter row
            continue
        line = text(n)
        span = code_span_pipe(line)
        if span:
            found.append(
                (n, f"a | inside the code span {span} splits the table cell", "escape it as \\| inside the span")
            )
            continue
        cells = split_cells(line)
        if len(cells) > width:
            found.append(
                (
                    n,
                    f"this table row has {len(cells)} cells but the header has {width}: "
                    "the cells past the header would be lost",
                    "add header cells for them, or write a | that is text as \\|",
                )
            )
    return found


def table_check_plugin(md: MarkdownIt) -> None:
    table = importlib.import_module("markdown_it.rules_block.table").table

    def checked(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        ok = table(state, start, end, silent)
        if ok and not silent:
            state.env.setdefault("table_problems", []).extend(_problems(state, start, state.line))
        return ok

    md.block.ruler.at("table", checked, {"alt": list(_PIPES)})
