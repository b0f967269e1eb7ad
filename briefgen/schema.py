"""Declarative validation of YAML mappings: known keys, types and helpful hints.

Each configuration object (briefing, section front matter, brand, client, cut) is a
table of `Field`s. `validate` reports every problem with the key's own line and
returns the mapping with defaults filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import Pos, Reporter, did_you_mean
from .yamlio import YamlList, YamlMap

Check = Callable[[Any], str | None]


@dataclass(frozen=True)
class Field:
    """One allowed key: its check (returns an error text or None), default and meaning."""

    check: Check
    doc: str
    required: bool = False
    default: Any = None


def is_str(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be text, not {_kind(value)}"


def is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else f"must be a whole number, not {_kind(value)}"


def is_number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else f"must be a number, not {_kind(value)}"


def is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_kind(value)}"


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

    return check


def one_of(*choices: Any) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(str, choices))}"

    return check


def either(*checks: Check) -> Check:
    def check(value: Any) -> str | None:
        problems = [c(value) for c in checks]
        return None if any(p is None for p in problems) else problems[-1]

    return check


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
            reporter.error(at(key), f"'{key}' {problem}", fields[key].doc)
            continue
        out[key] = value
    for name, spec in fields.items():
        if name not in out:
            if spec.required and name not in data:
                reporter.error(pos, f"missing required key '{name}' in {what}", spec.doc)
            out.setdefault(name, spec.default)
    return out
