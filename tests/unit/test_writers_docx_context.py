"""writers.docx.context: bookmark names Word accepts (a letter first, at most 40 characters,
stable for an anchor), and the state a build carries between handlers."""

from __future__ import annotations

import re
from typing import Any

import docxkit
import pytest

from briefgen.writers.docx.context import Fmt, bookmark_name

WORD_OK = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")


@pytest.mark.parametrize("anchor", ["intro", "risks-2", "a_b", "x" * 40])
def test_a_name_word_accepts_is_kept(anchor: str) -> None:
    assert bookmark_name(anchor) == anchor


@pytest.mark.parametrize(
    "anchor", ["x" * 41, "2-numbers-first", "note-sección-1", "-dash", "ünïcode", "", "a b c", "___", "#" * 60]
)
def test_other_anchors_become_valid_stable_distinct_names(anchor: str) -> None:
    name = bookmark_name(anchor)
    assert WORD_OK.match(name), name
    assert bookmark_name(anchor) == name
    assert bookmark_name(anchor + "!") != name  # the hash keeps near-identical anchors apart


def test_a_long_anchor_keeps_a_readable_prefix() -> None:
    assert bookmark_name("the-very-long-heading-of-a-section-on-things").startswith("the-very-long-heading")


def test_bookmark_ids_count_up_and_the_text_height_follows_the_page(theme: Any) -> None:
    c = docxkit.ctx(theme)
    assert [c.bookmark_id() for _ in range(3)] == [1, 2, 3]
    height = theme.page_mm[1] - theme.margins_mm[0] - theme.margins_mm[2]
    assert c.text_height_mm == pytest.approx(height)
    assert Fmt() == Fmt(strong=False) and Fmt(strong=True) != Fmt()
