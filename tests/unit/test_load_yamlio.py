"""load.yamlio: strict YAML with the line of every key, and its surprises refused at file:line."""

from __future__ import annotations

import pytest
from unitkit import messages

from briefgen.errors import BriefgenError, Pos
from briefgen.load.yamlio import MAX_DEPTH, MAX_YAML_CHARS, YamlList, YamlMap, load_yaml


def refused(text: str, offset: int = 0, what: str = "YAML") -> str:
    with pytest.raises(BriefgenError) as caught:
        load_yaml(text, "f.yaml", line_offset=offset, what=what)
    (message,) = messages(caught.value)
    return message


def test_only_true_false_plain_numbers_and_null_are_typed() -> None:
    data = load_yaml("a: NO\nb: 012\nc: 2021-09-30\nd: true\ne: 1.5\nf: ~\ng: yes\nh: 7\n", "f.yaml")
    assert data == {"a": "NO", "b": "012", "c": "2021-09-30", "d": True, "e": 1.5, "f": None, "g": "yes", "h": 7}
    assert type(data["h"]) is int and type(data["b"]) is str


def test_mappings_and_lists_remember_their_lines_after_the_offset() -> None:
    data = load_yaml("title: x\nlist:\n  - one\n  - two\n", "s.md", line_offset=1)
    assert isinstance(data, YamlMap) and isinstance(data["list"], YamlList)
    assert data.pos == Pos("s.md", 2)
    assert (data.at("title"), data.at("list"), data.at("missing")) == (Pos("s.md", 2), Pos("s.md", 3), Pos("s.md", 2))
    assert (data["list"].at(0), data["list"].at(1)) == (Pos("s.md", 4), Pos("s.md", 5))


def test_a_duplicate_key_is_refused_at_its_second_line() -> None:
    assert refused("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3: error: duplicate key 'a' (first at line 1) "
        "(YAML would silently keep only the last one; remove or merge them)"
    )


def test_anchors_and_aliases_are_refused() -> None:
    assert refused("a: &x 1\nb: *x\n", offset=1) == (
        "f.yaml:2: error: YAML anchors (&name) are not allowed (write the value out in full)"
    )
    assert refused("a: 1\nb: *x\n").startswith("f.yaml:2: error: YAML aliases (*name) are not allowed")


def test_malformed_yaml_names_the_line_and_the_problem() -> None:
    assert refused("a: 1\nb: c: d\n") == (
        "f.yaml:2: error: malformed YAML: mapping values are not allowed in this context "
        "(check indentation, and quote values that contain ': ' or start with a special character)"
    )


def test_nesting_deeper_than_the_limit_is_refused_before_building() -> None:
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert refused(deep) == (
        f"f.yaml:1: error: YAML nested more than {MAX_DEPTH} levels deep "
        "(flatten the data; no briefgen setting nests more than a few levels)"
    )
    shallow = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert load_yaml(shallow, "f.yaml") is not None


def test_a_document_over_the_size_limit_is_refused_with_its_name() -> None:
    message = refused("a: " + "x" * MAX_YAML_CHARS, offset=3, what="front matter")
    assert message.startswith(f"f.yaml:4: error: front matter is {MAX_YAML_CHARS + 3:,} characters long")
    assert "(move long data into a CSV file for a chart, or split the file)" in message


def test_an_empty_document_is_none() -> None:
    assert load_yaml("", "f.yaml") is None
    assert load_yaml("# only a comment\n", "f.yaml") is None
