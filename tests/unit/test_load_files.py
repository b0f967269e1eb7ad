"""load.files: every user file confined to the project, and decoded as UTF-8 with positions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from unitkit import messages

from briefgen.errors import BriefgenError
from briefgen.load.files import confine, decode, read_text, shown, source_lines


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    root = (tmp_path / "project").resolve()
    outside = (tmp_path / "elsewhere").resolve()
    (root / "sections").mkdir(parents=True)
    outside.mkdir()
    (root / "sections" / "a.md").write_text("a", encoding="utf-8")
    (outside / "secret.txt").write_text("s", encoding="utf-8")
    return root, outside


def test_a_file_inside_is_returned_resolved(tree: tuple[Path, Path]) -> None:
    root, _ = tree
    assert confine(root / "sections" / ".." / "sections" / "a.md", root) == root / "sections" / "a.md"


def test_dot_dot_and_links_that_lead_outside_are_refused(tree: tuple[Path, Path]) -> None:
    root, outside = tree
    assert confine(root / ".." / "elsewhere" / "secret.txt", root) is None
    os.symlink(outside / "secret.txt", root / "sections" / "link.md")
    assert confine(root / "sections" / "link.md", root) is None
    assert confine(root / "sections" / "link.md", root, outside) == outside / "secret.txt"  # an allowed folder


def test_a_link_loop_counts_as_outside(tree: tuple[Path, Path]) -> None:
    root, _ = tree
    os.symlink(root / "loop-b", root / "loop-a")
    os.symlink(root / "loop-a", root / "loop-b")
    assert confine(root / "loop-a", root) is None


def test_a_link_is_shown_as_written_not_as_its_target(tree: tuple[Path, Path]) -> None:
    root, outside = tree
    os.symlink(outside / "secret.txt", root / "sections" / "link.md")
    assert shown(root / "sections" / "link.md", root) == "sections/link.md"


def test_decode_drops_a_byte_order_mark_and_normalises_newlines() -> None:
    assert decode(b"\xef\xbb\xbfone\r\ntwo\rthree\n", "f.md") == "one\ntwo\nthree\n"


def test_a_bad_byte_is_an_error_at_its_line_and_column() -> None:
    with pytest.raises(BriefgenError) as caught:
        decode(b"first line\nsecond \xff line\n", "sections/x.md")
    assert messages(caught.value) == [
        "sections/x.md:2: error: file is not valid UTF-8: byte 0xff at column 8 (save the file as UTF-8)"
    ]


def test_an_unreadable_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(BriefgenError) as caught:
        read_text(tmp_path / "missing.md", "sections/missing.md")
    assert messages(caught.value) == ["sections/missing.md: error: cannot read the file: No such file or directory"]


def test_only_cr_lf_and_crlf_end_a_line() -> None:
    text = "a\x0cstill a\u2028and a\r\nb\rc\nd"
    assert source_lines(text) == ["a\x0cstill a\u2028and a", "b", "c", "d"]
    assert source_lines("x\ny\n", keepends=True) == ["x\n", "y\n"]
    assert source_lines("") == []
