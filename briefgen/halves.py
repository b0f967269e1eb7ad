"""A deliverable's PDF and DOCX made as two units of work, and joined again.

An annex's DOCX needs nothing from its PDF (it has no contents page to number), so in a
batch on several cores the two formats can be made by different workers: each worker
then warms up one writer (its imports, fonts, styles, map pictures) instead of both,
which is most of what the first deliverable costs. Each worker stages its file (written
and checked under a temporary name); the parent commits a deliverable's two files
together, so they still appear together or not at all. Reports and summaries stay whole:
their DOCX takes page numbers or a type scale from the PDF.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from .atomic import commit, discard, stage
from .brand import Theme
from .errors import BriefgenError, Diagnostic
from .filters import Omission
from .pipeline import Assembled

SPLIT_LAYOUTS = ("annex",)


@dataclass(frozen=True)
class Half:
    """One format of a deliverable, staged but not yet in place."""

    fmt: str
    name: str
    audience: str
    omissions: tuple[Omission, ...]
    warnings: tuple[Diagnostic, ...]
    staged: dict[Path, Path]  # target -> temporary file
    pages: int | None
    seconds: float
    digest: tuple[int, str]  # bytes, sha256


def make_half(assembled: Assembled, theme: Theme, fmt: str, output: Path) -> Half:
    """Write one format of `assembled` under a temporary name beside its target."""
    from .build import docx_bytes, verify

    doc = assembled.document
    started = time.perf_counter()
    pages = None
    if fmt == "pdf":
        from .pdf import write_pdf

        pdf = write_pdf(doc, theme)
        data, pages = pdf.data, pdf.pages
    else:
        data = docx_bytes(lambda: None, doc, theme)
    seconds = time.perf_counter() - started
    sel = assembled.selection
    staged = stage({output / f"{sel.name}.{fmt}": data}, verify)
    return Half(
        fmt,
        sel.name,
        sel.audience,
        assembled.omissions,
        assembled.warnings,
        staged,
        pages,
        seconds,
        (len(data), hashlib.sha256(data).hexdigest()),
    )


def join(first: Half | BriefgenError, second: Half | BriefgenError) -> tuple[Half, ...] | BriefgenError:
    """Both halves committed together; or the first error, with whatever was staged removed.

    Both halves assemble the same document, so a problem in its sources fails both with
    the same diagnostics: it is reported once.
    """
    halves = [h for h in (first, second) if isinstance(h, Half)]
    errors = [e for e in (first, second) if isinstance(e, BriefgenError)]
    if errors:
        for half in halves:
            discard(half.staged)
        return errors[0]
    staged = {target: temp for half in halves for target, temp in half.staged.items()}
    try:
        commit(staged)
    except BriefgenError as exc:
        return exc
    return tuple(halves)


def abandon(outcome: object) -> None:
    """Remove what a half staged, when its deliverable will not be committed."""
    if isinstance(outcome, Half):
        discard(outcome.staged)
