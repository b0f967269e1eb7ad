"""Strict YAML reading: safe, line-aware, and free of YAML's silent surprises.

Strings stay strings (`NO`, `012` and `2021-09-30` are text), duplicate keys and
anchors/aliases are refused, and every mapping remembers the line of each key so that
later validation can point at `file:line`.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

from briefgen.errors import Pos, fail


class YamlMap(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys were written."""

    pos: Pos
    key_lines: dict[str, int]

    def at(self, key: str) -> Pos:
        return Pos(self.pos.file, self.key_lines.get(key, self.pos.line))


class YamlList(list[Any]):
    """A YAML sequence that remembers the line of each item."""

    pos: Pos
    item_lines: list[int]

    def at(self, index: int) -> Pos:
        lines = self.item_lines
        return Pos(self.pos.file, lines[index] if index < len(lines) else self.pos.line)


MAX_YAML_CHARS = 256 * 1024  # one YAML document: front matter, briefing.yaml, a client, the brand, a chart
MAX_DEPTH = 64  # lists and mappings inside each other
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: 5x faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader with YAML 1.2-like scalars: only true/false, plain numbers and null are typed."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}
    file = "<yaml>"
    offset = 0

    def _pos(self, node: yaml.Node) -> Pos:
        return Pos(self.file, node.start_mark.line + 1 + self.offset)

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:  # type: ignore[override]
        data = YamlMap()
        data.pos = self._pos(node)
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            where = self._pos(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in data:
                raise fail(
                    where,
                    f"duplicate key '{key}' (first at line {data.key_lines[key]})",
                    "YAML would silently keep only the last one; remove or merge them",
                )
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = where.line

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:  # type: ignore[override]
        data = YamlList()
        data.pos = self._pos(node)
        data.item_lines = [self._pos(child).line for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)\.[0-9_]+(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


def load_yaml(text: str, file: str, line_offset: int = 0, what: str = "YAML") -> Any:
    """Parse one YAML document; errors name `file:line` and never leak a traceback.

    A document over `MAX_YAML_CHARS` is refused before parsing (`what` names it then):
    parsing takes time and memory in proportion, and no briefing needs that much.
    """
    if len(text) > MAX_YAML_CHARS:
        raise fail(
            Pos(file, line_offset + 1),
            f"{what} is {len(text):,} characters long, over the limit of {MAX_YAML_CHARS:,} (256 KB)",
            "move long data into a CSV file for a chart, or split the file",
        )
    loader = _Loader(text)
    loader.file = file
    loader.offset = line_offset
    try:
        _screen(text, file, line_offset)
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise fail(
            Pos(file, line),
            f"malformed YAML: {problem}",
            "check indentation, and quote values that contain ': ' or start with a special character",
        ) from None
    except yaml.YAMLError as exc:
        raise fail(Pos(file, line_offset), f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()


def _screen(text: str, file: str, line_offset: int) -> None:
    """Refuse what the parser must not see, in one pass over the events (which libyaml
    reads without recursion): anchors and aliases, which let one value silently stand for
    another, and nesting deeper than `MAX_DEPTH`, which the node builders would follow
    by recursion until Python's limit, or the C stack, gives out."""
    if "&" not in text and "*" not in text and not _may_nest_deeply(text):
        return
    events = _Base(text)
    depth = 0
    try:
        while events.check_event():
            event = events.get_event()
            where = Pos(file, event.start_mark.line + 1 + line_offset)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                what = "aliases (*name)" if isinstance(event, yaml.AliasEvent) else "anchors (&name)"
                raise fail(where, f"YAML {what} are not allowed", "write the value out in full")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise fail(
                        where,
                        f"YAML nested more than {MAX_DEPTH} levels deep",
                        "flatten the data; no briefgen setting nests more than a few levels",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        events.dispose()


def _may_nest_deeply(text: str) -> bool:
    """A cheap bound: fewer openers than `MAX_DEPTH`, and no deeper indentation, cannot nest
    that deep (each level needs a bracket, a dash or more indentation)."""
    openers = text.count("[") + text.count("{") + text.count("-")
    return openers >= MAX_DEPTH or any(len(line) - len(line.lstrip(" ")) >= MAX_DEPTH for line in text.splitlines())
