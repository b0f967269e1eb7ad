"""markdown.tablerows: no table cell is silently lost (extra cells, a `|` in a code span)."""

from __future__ import annotations

from markdown_it import MarkdownIt

from briefgen.markdown.tablerows import code_span_pipe, split_cells, table_check_plugin


def problems(text: str) -> list[tuple[int, str, str]]:
    env: dict = {}
    MarkdownIt("commonmark").enable("table").use(table_check_plugin).parse(text, env)
    return env.get("table_problems", [])


def test_cells_split_at_unescaped_pipes_without_the_enclosing_ones() -> None:
    assert split_cells("| a | b \\| c |") == [" a ", " b \\| c "]
    assert split_cells("a | b") == ["a ", " b"]
    assert split_cells("|  |") == ["  "]


def test_the_first_code_span_holding_a_pipe() -> None:
    assert code_span_pipe("x `a|b` y") == "`a|b`"
    assert code_span_pipe("x `a\\|b` `` c|d `` ") == "`` c|d ``"
    assert code_span_pipe("\\`a|b` and `ok`") is None
    assert code_span_pipe("no spans | here") is None


def test_a_row_wider_than_its_header_is_reported_at_its_line() -> None:
    assert problems("intro\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n") == [
        (
            5,
            "this table row has 3 cells but the header has 2: the cells past the header would be lost",
            "add header cells for them, or write a | that is text as \\|",
        )
    ]


def test_a_pipe_in_a_code_span_is_reported_with_the_span() -> None:
    assert problems("| A |\n|---|\n| `x|y` |\n") == [
        (2, "a | inside the code span `x|y` splits the table cell", "escape it as \\| inside the span")
    ]


def test_a_well_formed_table_has_no_problems() -> None:
    assert problems("| A | B |\n|---|---|\n| `x\\|y` | 2 |\n| 3 |\n") == []
