"""markdown.tablerows.code_span_pipe: the first code span holding an unescaped `|`, found
by skipping from one backslash or backtick run to the next."""

from __future__ import annotations

import pytest

from briefgen.markdown.tablerows import code_span_pipe


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("| a | b |", None),  # no backtick at all
        ("| `x|y` | b |", "`x|y`"),
        ("| `x\\|y` | b |", None),  # escaped inside the span
        ("| \\`x|y` | b |", None),  # the opening backtick is escaped: no span before the pipe
        ("| ``a`|`b`` | c |", "``a`|`b``"),  # a run of two closes only on a run of two
        ("| `a` | `b|c` |", "`b|c`"),  # the first span has no pipe; the second does
        ("| `open | no close", None),
        ("`` ` | ` ``", "`` ` | ` ``"),
        ("\\\\`a|b`", "`a|b`"),  # an escaped backslash does not escape the backtick
        ("x\\", None),  # a backslash at the very end
    ],
)
def test_code_span_pipe(line: str, found: str | None) -> None:
    assert code_span_pipe(line) == found
