"""The state of parsing one section body: where its lines come from, and the problems,
notes and anchors found so far. Block and inline parsing share it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from briefgen.design.theme import Typography
from briefgen.errors import Diagnostic, Pos
from briefgen.model import nodes as m


@dataclass
class Ctx:
    """Per-body parse state: where lines come from, and problems found."""

    file: str
    line_of: Callable[[int], int | Pos]
    base: Path
    root: Path
    shift: int
    anchor_prefix: str
    context: str = ""  # the project's context country (ISO3), for charts that name none
    tiers: tuple[str, ...] = ()  # the project's wording of tiers 1, 2, ... for map legends
    typography: Typography = field(default_factory=Typography)  # the brand's quotes and dashes, for box titles
    errors: list[Diagnostic] = field(default_factory=list)
    notes: dict[int, tuple[m.Block, ...]] = field(default_factory=dict)
    anchors: set[str] = field(default_factory=set)

    def pos(self, token: Token) -> Pos:
        return self.at(token.map[0]) if token.map else Pos(self.file, 0)

    def at(self, line: int) -> Pos:
        # A generated part may map a line into another file (the summary's key figures).
        where = self.line_of(line)
        return where if isinstance(where, Pos) else Pos(self.file, where)

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        self.errors.append(Diagnostic(pos, message, hint))
