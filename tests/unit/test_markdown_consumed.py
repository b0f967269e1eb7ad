"""markdown.consumed: every source line reaches some block, or the body is refused at that line."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from unitkit import messages, parse

from briefgen.errors import BriefgenError
from briefgen.markdown.consumed import MAX_NESTING, unconsumed_line


def test_every_line_of_ordinary_markdown_is_consumed() -> None:
    text = "# H\n\n- item\n-\n> quote\n>\n\n```\ncode\n```\n\n[ref]: https://example.org\n"
    # The parser keeps link reference definitions as tokens (`inline_definitions`), as briefgen's does.
    tokens = MarkdownIt("commonmark", {"inline_definitions": True}).parse(text)
    assert unconsumed_line(text, tokens) is None


def test_a_line_no_token_covers_is_found_unless_the_caller_read_it() -> None:
    text = "para\n\nlost line\n"
    tokens = [t for t in MarkdownIt("commonmark").parse(text) if t.map != [2, 3]]
    assert unconsumed_line(text, tokens) == 2
    assert unconsumed_line(text, tokens, spans=[(2, 3)]) is None


def test_text_past_the_nesting_limit_is_an_error_not_a_silent_loss(tmp_path: Path) -> None:
    deep = "".join("  " * i + "- level\n" for i in range(MAX_NESTING + 5))
    with pytest.raises(BriefgenError) as caught:
        parse(deep, tmp_path, first=20)
    found = messages(caught.value)
    assert any(
        f"this line was not understood and would be lost (nesting deeper than {MAX_NESTING} levels?) "
        "(flatten the nested lists or quotes)" in f
        for f in found
    )
    assert all(f.startswith("sections/s.md:") for f in found)
