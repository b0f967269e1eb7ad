"""What a build is made of: requests, units of work by `Kind`, and the record of a made deliverable.

A `Request` names one deliverable. In a batch on several cores each becomes a `Unit`
that one worker makes whole (every DOCX takes page decisions from its PDF, so a
deliverable's formats are never made apart), plus the build's one-off baseline.
Whoever makes a deliverable returns a `Made`: a small record that crosses the process
boundary, never the files' bytes.
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


@frozen
class Unit:
    """One unit of work: `index` is its request's place in the build (-1: none)."""

    index: int
    request: Request
    kind: Kind


def plan(requests: list[Request], baseline: bool) -> list[Unit]:
    """The units of a batch: each request whole; with `baseline`, the baseline's assembly
    comes first (a worker's first unit)."""
    units = [Unit(i, req, Kind.WHOLE) for i, req in enumerate(requests)]
    return [Unit(-1, FULL, Kind.BASELINE), *units] if baseline else units


@frozen
class Made:
    """A made deliverable: its files, in place, and what the manifest and the command's
    report say of them."""

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
