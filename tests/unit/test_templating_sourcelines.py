"""templating.sourcelines: lines of templated output mapped back to the lines the author wrote."""

from __future__ import annotations

from briefgen.errors import Pos
from briefgen.templating.render import at_marker
from briefgen.templating.sourcelines import line_map, positions


def test_an_unchanged_body_maps_line_for_line() -> None:
    text = "one\ntwo\nthree\n"
    where = line_map(text, text, 10)
    assert [where(i) for i in range(3)] == [10, 11, 12]


def test_lines_a_tag_inserts_map_to_the_tag_and_later_lines_shift_back() -> None:
    source = "intro\n{% for x in xs %}\n- {{ x }}\n{% endfor %}\nend\n"
    rendered = "intro\n\n- a\n- b\n- c\n\nend\n"
    where = line_map(source, rendered, 5)
    assert where(0) == 5  # intro
    assert where(6) == 9  # end: source line 4 (0-based) of a body starting at line 5
    assert all(6 <= where(i) <= 8 for i in range(1, 6))  # the loop's output stays within the loop's lines


def test_a_line_past_the_output_maps_to_the_end_of_the_source() -> None:
    where = line_map("a\nb\n", "a\nb\n", 3)
    assert where(7) == 5


def test_at_markers_tie_generated_lines_to_the_items_own_line() -> None:
    item = {"file": "sections/a.md", "line": 14, "text": "x"}
    assert at_marker(item) != "" and at_marker({"text": "no position"}) == "" and at_marker("plain") == ""
    text = f"| head |\n|---|\n| row {at_marker(item)}|\nplain line\n"
    clean, where = positions(text, Pos("gen.j2", 1))
    assert clean == "| head |\n|---|\n| row |\nplain line\n"
    # A table's header maps to its first marked row; lines after the last marker to the default.
    assert [where(i) for i in range(4)] == [Pos("sections/a.md", 14)] * 3 + [Pos("gen.j2", 1)]
    assert where(99) == Pos("gen.j2", 1)


def test_text_without_markers_is_returned_unchanged() -> None:
    text = "no markers\n"
    clean, where = positions(text, Pos("x.j2", 3))
    assert clean is text and where(0) == Pos("x.j2", 3)
