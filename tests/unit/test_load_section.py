"""load.section: one section file → front matter (typed) and body, with the body's first line."""

from __future__ import annotations

import pytest
from unitkit import messages

from briefgen.errors import BriefgenError
from briefgen.load.section import split_front_matter


def test_front_matter_splits_off_with_the_bodys_first_line() -> None:
    front, body, line = split_front_matter("---\ntitle: A\nkind: country\n---\nFirst line.\n", "s.md")
    assert (front, body, line) == ("title: A\nkind: country\n", "First line.\n", 5)
    assert split_front_matter("---\ntitle: A\n...\n", "s.md") == ("title: A\n", "", 4)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("title: A\n", "s.md:1: error: section file has no front matter (start the file with a '---' line"),
        ("---\ntitle: A\n", "s.md:1: error: front matter is never closed (add a '---' line after the front matter)"),
    ],
)
def test_front_matter_must_open_and_close(text: str, says: str) -> None:
    with pytest.raises(BriefgenError) as caught:
        split_front_matter(text, "s.md")
    assert messages(caught.value)[0].startswith(says)
