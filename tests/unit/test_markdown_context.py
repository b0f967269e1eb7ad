"""markdown.context: the per-body parse state maps token lines to the author's file and
line (or to another file a generated line came from), and collects problems in order."""

from __future__ import annotations

from pathlib import Path

from markdown_it.token import Token

from briefgen.errors import Diagnostic, Pos
from briefgen.markdown.context import Ctx


def ctx(line_of: object = lambda i: 10 + i) -> Ctx:
    return Ctx(file="sections/a.md", line_of=line_of, base=Path("."), root=Path("."), shift=0, anchor_prefix="")  # type: ignore[arg-type]


def test_a_tokens_first_line_maps_into_the_authors_file() -> None:
    tok = Token("paragraph_open", "p", 1, map=[3, 5])
    assert ctx().pos(tok) == Pos("sections/a.md", 13)


def test_a_token_without_lines_is_placed_at_the_file() -> None:
    assert ctx().pos(Token("text", "", 0)) == Pos("sections/a.md", 0)


def test_a_generated_line_may_point_into_another_file() -> None:
    elsewhere = Pos("sections/figures.md", 42)
    c = ctx(lambda i: elsewhere if i == 2 else i + 1)
    assert c.at(2) == elsewhere and c.at(0) == Pos("sections/a.md", 1)


def test_errors_are_collected_in_order_with_their_hints() -> None:
    c = ctx()
    c.error(Pos("sections/a.md", 3), "first", "fix it")
    c.error(Pos("sections/a.md", 1), "second")
    assert c.errors == [
        Diagnostic(Pos("sections/a.md", 3), "first", "fix it"),
        Diagnostic(Pos("sections/a.md", 1), "second", ""),
    ]
    assert ctx().errors == []  # every body starts with its own list
