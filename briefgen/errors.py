"""Diagnostics: every problem briefgen reports, with the user's file, line and a hint.

One root exception (`BriefgenError`) carries a list of `Diagnostic`s. Stages collect
diagnostics in a `Reporter` and raise once; only the CLI turns them into exit codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.frozen import frozen


@frozen
class Pos:
    """A place in a user's file: a path relative to the project where possible, 1-based line."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@frozen
class Diagnostic:
    """One message for the user. `severity` is "error" or "warning"."""

    pos: Pos
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.pos}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class BriefgenError(Exception):
    """The one exception the CLI turns into exit code 1; it carries all diagnostics found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class UsageError(BriefgenError):
    """A bad command-line value (unknown cut, client or audience): exit code 2."""


def fail(pos: Pos, message: str, hint: str = "") -> BriefgenError:
    """Build a single-diagnostic error, for places where going on makes no sense."""
    return BriefgenError([Diagnostic(pos, message, hint)])


def internal_error(name: str, exc: Exception) -> BriefgenError:
    """A bug met while making `name`: it fails that one deliverable, never a whole run."""
    return BriefgenError(
        [
            Diagnostic(
                Pos(f"<{name}>"),
                f"internal error: {type(exc).__name__}: {exc}",
                "a briefgen bug: run with --debug for details, and please report it",
            )
        ]
    )


@dataclass
class Reporter:
    """Collects diagnostics so that `check` can list every problem in one run."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(pos, message, hint))

    def warn(self, pos: Pos, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(pos, message, hint, "warning"))

    def extend(self, error: BriefgenError) -> None:
        self.diagnostics.extend(error.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def raise_if_errors(self, strict: bool = False) -> None:
        bad = self.diagnostics if strict else self.errors
        if bad:
            raise BriefgenError(bad)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid choice closest to `word`, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choice, or listing them when nothing is close."""
    options = sorted(set(choices))
    close = closest(word, options)
    if close:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(options) if options else ""


def relpath(path: Path, root: Path) -> str:
    """Show paths relative to the project, as users typed them."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
