"""Declarative validation of YAML mappings: known keys, types and helpful hints.

Each configuration object (briefing, section front matter, brand, client, cut) is a
table of `Field`s. `validate` reports every problem with the key's own line and
returns the mapping with defaults filled in. Each check also states its JSON Schema
(`json_of`), so `schemagen.py` derives the editors' schemas and the README's key
tables from these same tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from briefgen.errors import Pos, Reporter, closest, did_you_mean
from briefgen.frozen import frozen
from briefgen.load.yamlio import YamlList, YamlMap

Check = Callable[[Any], str | None]


@frozen
class Field:
    """One allowed key: its check (returns an error text or None), default and meaning.

    `fields` is the table of a mapping value, or of the mappings in a list value; with
    `keyed`, the value maps names to such mappings (as `cuts:` does).
    """

    check: Check
    doc: str
    required: bool = False
    default: Any = None
    fields: dict[str, Field] | None = None
    keyed: bool = False
    suggest: tuple[str, ...] = ()  # a wrong value close to one of these is told which it resembles


_JSON: dict[Check, tuple[dict[str, Any], str]] = {}


def json_of(check: Check) -> dict[str, Any]:
    """The JSON Schema a check accepts ({} when a check never declared one: anything)."""
    return dict(_JSON.get(check, ({}, ""))[0])


def label_of(check: Check) -> str:
    """The check's type in words, for the README's key tables."""
    return _JSON.get(check, ({}, "any"))[1]


def described(schema: dict[str, Any], label: str) -> Callable[[Check], Check]:
    """Record the JSON Schema of a check, and its type in words."""

    def mark(check: Check) -> Check:
        _JSON[check] = (schema, label)
        return check

    return mark


@described({"type": "string"}, "text")
def is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be text, not {_kind(value)}"


@described({"type": "integer"}, "whole number")
def is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else f"must be a whole number, not {_kind(value)}"


@described({"type": "number"}, "number")
def is_number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else f"must be a number, not {_kind(value)}"


@described({"type": "boolean"}, "true/false")
def is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_kind(value)}"


@described({"type": "object"}, "mapping")
def is_map(value: Any) -> str | None:
    return None if isinstance(value, dict) else f"must be a mapping, not {_kind(value)}"


def list_of(item: Check) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"must be a list, not {_kind(value)}"
        for i, element in enumerate(value, 1):
            problem = item(element)
            if problem:
                return f"item {i} {problem}"
        return None

    return described({"type": "array", "items": json_of(item)}, f"list of {label_of(item)}")(check)


def one_of(*choices: Any) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(str, choices))}"

    return described({"enum": list(choices)}, _words(map(str, choices)))(check)


def either(*checks: Check) -> Check:
    def check(value: Any) -> str | None:
        problems = [c(value) for c in checks]
        return None if any(p is None for p in problems) else problems[-1]

    return described({"anyOf": [json_of(c) for c in checks]}, _words(map(label_of, checks)))(check)


def nest(table: dict[str, Field], key: str, fields: dict[str, Field], keyed: bool = False) -> None:
    """Declare the table of a key's nested mappings (once both tables exist)."""
    table[key] = replace(table[key], fields=fields, keyed=keyed)


def _hint(spec: Field, value: Any) -> str:
    close = spec.suggest and isinstance(value, str) and closest(value, spec.suggest)
    return did_you_mean(value, spec.suggest) if close else spec.doc


def _words(choices: Iterable[str]) -> str:
    *rest, last = choices
    return f"{', '.join(rest)} or {last}" if rest else last


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({value})"
    return {dict: "a mapping", YamlMap: "a mapping", list: "a list", YamlList: "a list"}.get(
        type(value), f"{type(value).__name__} ({value!r})"
    )


def validate(data: Any, fields: dict[str, Field], pos: Pos, what: str, reporter: Reporter) -> dict[str, Any]:
    """Check `data` against `fields`; report problems; return a dict with defaults filled in."""
    if not isinstance(data, dict):
        reporter.error(pos, f"{what} must be a mapping of keys to values, not {_kind(data)}")
        return {name: f.default for name, f in fields.items()}
    at = data.at if isinstance(data, YamlMap) else (lambda _key: pos)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            reporter.error(at(key), f"unknown key '{key}' in {what}", did_you_mean(key, fields))
            continue
        problem = fields[key].check(value)
        if problem:
            reporter.error(at(key), f"'{key}' {problem}", _hint(fields[key], value))
            continue
        out[key] = value
    for name, spec in fields.items():
        if name not in out:
            if spec.required and name not in data:
                reporter.error(pos, f"missing required key '{name}' in {what}", spec.doc)
            out.setdefault(name, spec.default)
    return out
