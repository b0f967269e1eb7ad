"""What a build is made of: requests, units of work by `Kind`, and the record of a made deliverable.

A `Request` names one deliverable. In a batch on several cores it becomes one or more
`Unit`s: the whole deliverable, or (an annex, whose DOCX needs nothing from its PDF)
its PDF and its DOCX as two halves that different workers make (`halves.py`), plus the
build's one-off baseline. Whoever makes a deliverable, or half of one, returns a `Made`:
a small record that crosses the process boundary, never the files' bytes.
"""

from __future__ import annotations

import enum
from dataclasses import field
from pathlib import Path

from briefgen.errors import Diagnostic
from briefgen.frozen import frozen
from briefgen.model.omissions import Omission


@frozen
class Request:
    """One deliverable to build."""

    cut: str
    audience: str | None = None
    client: str | None = None


FULL = Request("full")  # the full report: the baseline other deliverables are explained against


class Kind(enum.Enum):
    """What a unit of work makes."""

    BASELINE = "baseline"  # the full report's assembly, which every deliverable's omissions are compared with
    WHOLE = "whole"  # a deliverable in every format asked for
    PDF = "pdf"  # the PDF half of a deliverable whose two formats are made apart
    DOCX = "docx"  # its DOCX half

    @property
    def formats(self) -> tuple[str, ...] | None:
        """The one format a half makes; None for the other kinds."""
        return (self.value,) if self in (Kind.PDF, Kind.DOCX) else None


@frozen
class Unit:
    """One unit of work: `index` is its request's place in the build (-1: none)."""

    index: int
    request: Request
    kind: Kind


def plan(requests: list[Request], halved: list[bool], baseline: bool) -> list[Unit]:
    """The units of a batch: a request `halved` is made as a PDF and a DOCX half, any other
    whole; with `baseline`, the baseline's assembly comes first (a worker's first unit)."""
    units = [
        Unit(i, req, kind)
        for i, (req, split) in enumerate(zip(requests, halved, strict=True))
        for kind in ((Kind.PDF, Kind.DOCX) if split else (Kind.WHOLE,))
    ]
    return [Unit(-1, FULL, Kind.BASELINE), *units] if baseline else units


@frozen
class Made:
    """A made deliverable (or half of one): its files, and what the manifest and the
    command's report say of them. `staged` lists files written under temporary names and
    not yet committed (a half, until `halves.join`); empty once they are in place."""

    name: str
    request: Request
    audience: str
    files: dict[str, Path]  # format -> file
    pages: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    omissions: tuple[Omission, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    digests: dict[str, tuple[int, str]] = field(default_factory=dict)  # format -> (bytes, sha256)
    staged: dict[Path, Path] = field(default_factory=dict)  # target -> temporary
