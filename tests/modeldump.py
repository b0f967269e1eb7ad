"""The document model as stable, readable text, for golden files (tests/goldens/model/).

One node per line: its type, its scalar fields as `name=value`, and its position last as
`@file:line` (paths are shown relative to the project). The nodes a node holds follow,
indented one step: straight under it for its main content (`children`, `blocks`,
`items`, `notes`, `sections`), under a `name:` line for any other field (a table's
`header` and `rows`, a caption, the document's `meta`). Empty and None fields are left
out. A section's `meta` (the validated front matter, which generated parts read) is left
out too: it is input, not model, and what it changes shows in the blocks it makes.
"""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path
from typing import Any

from briefgen.errors import Pos

MAIN = {"children", "blocks", "items", "notes", "sections"}
SKIPPED = {("Section", "meta")}
STEP = "  "


def dump(node: Any, root: Path) -> str:
    """`node` (a Document, Section or block) as text; paths are shown relative to `root`."""
    lines: list[str] = []
    _node(node, root.resolve(), 0, lines)
    return "\n".join(lines) + "\n"


def _scalar(value: Any, root: Path) -> str:
    if isinstance(value, Pos):
        return f"@{value}"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, Path):
        resolved = value.resolve()
        return repr(resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else f"<{value.name}>")
    if isinstance(value, tuple) and value and all(isinstance(v, Pos) for v in value):
        return ",".join(_scalar(v, root) for v in value)
    return repr(value)


def _holds_nodes(value: Any) -> bool:
    if dataclasses.is_dataclass(value) and not isinstance(value, Pos):
        return True
    return isinstance(value, tuple) and any(_holds_nodes(v) or isinstance(v, tuple) for v in value)


def _node(node: Any, root: Path, depth: int, lines: list[str]) -> None:
    pad = STEP * depth
    if isinstance(node, tuple):  # a table row
        lines.append(f"{pad}row")
        for cell in node:
            _node(cell, root, depth + 1, lines)
        return
    if not dataclasses.is_dataclass(node):
        lines.append(f"{pad}{_scalar(node, root)}")
        return
    kind = type(node).__name__
    if kind == "Text":
        lines.append(f"{pad}Text {node.text!r}")
        return
    words, main, other = [kind], [], []
    where = ""
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if (kind, f.name) in SKIPPED or value is None or value == ():
            continue
        if f.name == "pos":
            where = _scalar(value, root)
        elif _holds_nodes(value):
            items = value if isinstance(value, tuple) else (value,)
            (main if f.name in MAIN else other).append((f.name, items))
        else:
            words.append(f"{f.name}={_scalar(value, root)}")
    lines.append(pad + " ".join(words + ([where] if where else [])))
    for _name, items in main:
        for item in items:
            _node(item, root, depth + 1, lines)
    for name, items in other:
        lines.append(f"{pad}{STEP}{name}:")
        for item in items:
            _node(item, root, depth + 2, lines)
