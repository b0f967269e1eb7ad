"""The check that every source line of a body reached some block: nothing is dropped.

markdown-it stops silently past its nesting limit, and the lines it never reaches would
vanish from the output. A line counts as consumed when a token's source map covers it
(text, code, rules, tables, headings, raw HTML blocks, link reference definitions),
when the caller knows it was read (footnote definitions: notes.py), or
when it holds nothing but container markup: quote markers and list markers, as in an
empty list item (`-`, `2.`), have no text to lose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markdown_it.token import Token

from briefgen.errors import Diagnostic, Pos
from briefgen.load.files import source_lines

MAX_NESTING = 40
# Tokens whose source map covers every line they span.
_COVERING = ("inline", "fence", "code_block", "hr", "table_open", "heading_open", "html_block", "definition")
# Only quote markers, list markers and blanks: `>`, `-`, `+`, `*`, `1.`, `2)`.
_MARKUP_ONLY = re.compile(r"^(?:[ \t>]|[-+*](?=[ \t>]|$)|\d{1,9}[.)](?=[ \t>]|$))*$")


def unconsumed_line(text: str, tokens: list[Token], spans: Iterable[tuple[int, int]] = ()) -> int | None:
    """The first 0-based line of `text` that no token (nor one of `spans`) consumed, or None."""
    covered = {n for start, end in spans for n in range(start, end)}
    for tok in tokens:
        if not tok.map:
            continue
        if tok.type in _COVERING:
            covered.update(range(tok.map[0], tok.map[1]))
        elif tok.type == "div_open":
            covered.update({tok.map[0], tok.map[1] - 1})
    for i, line in enumerate(source_lines(text)):
        if i in covered or _MARKUP_ONLY.match(line):
            continue
        return i
    return None


def check_consumed(
    text: str,
    tokens: list[Token],
    at: Callable[[int], Pos],
    errors: list[Diagnostic],
    spans: Iterable[tuple[int, int]] = (),
) -> None:
    """Add an error, at the user's position `at(line)`, for the first line not consumed;
    `spans` are lines known to be read."""
    line = unconsumed_line(text, tokens, spans)
    if line is not None:
        errors.append(
            Diagnostic(
                at(line),
                f"this line was not understood and would be lost (nesting deeper than {MAX_NESTING} levels?)",
                "flatten the nested lists or quotes",
            )
        )
