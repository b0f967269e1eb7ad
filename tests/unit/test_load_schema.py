"""load.schema: `Field` tables, checks that state their JSON Schema, and `validate`'s messages."""

from __future__ import annotations

from unitkit import messages

from briefgen.errors import Pos, Reporter
from briefgen.load.schema import (
    Field,
    either,
    is_bool,
    is_int,
    is_map,
    is_number,
    is_str,
    json_of,
    label_of,
    list_of,
    one_of,
    validate,
)
from briefgen.load.yamlio import load_yaml

TABLE = {
    "name": Field(is_str, "the name", required=True),
    "size": Field(is_int, "a size", default=3),
    "tags": Field(list_of(is_str), "labels", default=[]),
    "mode": Field(one_of("fast", "slow"), "fast or slow", default="fast"),
}


def checked(text: str) -> tuple[dict, list[str]]:
    reporter = Reporter()
    out = validate(load_yaml(text, "c.yaml"), TABLE, Pos("c.yaml", 1), "the config", reporter)
    return out, messages(reporter)


def test_each_check_says_what_it_wanted_and_what_it_got() -> None:
    assert is_str("x") is None and is_str(3) == "must be text, not int (3)"
    assert is_int(True) == "must be a whole number, not true/false (True)"
    assert is_int(2) is None and is_int(2.5) == "must be a whole number, not float (2.5)"
    assert is_number(2.5) is None and is_number(None) == "must be a number, not empty"
    assert is_bool("yes") == "must be true or false, not str ('yes')"
    assert is_map([]) == "must be a mapping, not a list"
    assert list_of(is_int)([1, "2"]) == "item 2 must be a whole number, not str ('2')"
    assert one_of("a", "b")("c") == "must be one of a, b"
    assert either(is_bool, is_str)(3) == "must be text, not int (3)"
    assert either(is_bool, is_str)(False) is None


def test_each_check_states_its_json_schema_and_its_type_in_words() -> None:
    assert json_of(list_of(is_str)) == {"type": "array", "items": {"type": "string"}}
    assert label_of(list_of(is_str)) == "list of text"
    assert json_of(one_of("a", "b")) == {"enum": ["a", "b"]}
    assert label_of(one_of("a", "b", "c")) == "a, b or c"
    assert json_of(either(is_bool, is_str)) == {"anyOf": [{"type": "boolean"}, {"type": "string"}]}
    assert label_of(either(is_bool, is_str)) == "true/false or text"
    assert json_of(lambda _v: None) == {} and label_of(lambda _v: None) == "any"


def test_defaults_fill_what_is_not_written() -> None:
    out, problems = checked("name: x\n")
    assert problems == []
    assert out == {"name": "x", "size": 3, "tags": [], "mode": "fast"}


def test_every_problem_is_reported_at_its_keys_line_with_the_fields_meaning() -> None:
    out, problems = checked("size: big\nnmae: x\ntags: [a, 1]\nmode: fast\n")
    assert problems == [
        "c.yaml:1: error: 'size' must be a whole number, not str ('big') (a size)",
        "c.yaml:2: error: unknown key 'nmae' in the config (did you mean 'name'?)",
        "c.yaml:3: error: 'tags' item 2 must be text, not int (1) (labels)",
        "c.yaml:1: error: missing required key 'name' in the config (the name)",
    ]
    assert out["size"] == 3 and out["mode"] == "fast"  # a bad value falls back to the default


def test_a_value_that_is_no_mapping_is_one_error_and_all_defaults() -> None:
    out, problems = checked("- a\n- b\n")
    assert problems == ["c.yaml:1: error: the config must be a mapping of keys to values, not a list"]
    assert out == {"name": None, "size": 3, "tags": [], "mode": "fast"}
